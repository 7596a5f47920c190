package dev.fovea.attention.mixture;

import static dev.fovea.attention.mixture.AttentionMaps.POINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import dev.fovea.attention.continuous.UnitSquareGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MixtureEmTest {

    private static final double FLOOR = 1e-6;

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    private NDArray points(DataType type) {
        return UnitSquareGrid.of(AttentionMaps.SIDE).centres(managers.manager(), type);
    }

    private NDArray batch(List<double[]> maps, DataType type) {
        return managers.manager().create(maps.toArray(new double[0][])).toType(type, false);
    }

    private static List<GaussianMixture2> starts(List<double[]> maps, int k, long seed) {
        List<GaussianMixture2> starts = new ArrayList<>();
        for (int b = 0; b < maps.size(); b++) {
            starts.add(MixtureInitialisation.kMeansPlusPlus(POINTS, maps.get(b), k, FLOOR, new SplittableRandom(seed + b)));
        }
        return starts;
    }

    @Test
    void float64MatchesTheDoubleKernelToRounding() {
        List<double[]> maps = AttentionMaps.all();
        for (int k = 1; k <= 4; k++) {
            List<GaussianMixture2> starts = starts(maps, k, 10L * k);
            MixtureParameters fitted = MixtureEm.run(batch(maps, DataType.FLOAT64), points(DataType.FLOAT64),
                    MixtureParameters.of(managers.manager(), DataType.FLOAT64, starts, k), 10, FLOOR);
            double[] logLikelihood = MixtureEm.logLikelihood(batch(maps, DataType.FLOAT64), points(DataType.FLOAT64),
                    fitted).toDoubleArray();
            for (int b = 0; b < maps.size(); b++) {
                GaussianMixture2 kernel = WeightedEm.run(POINTS, maps.get(b), starts.get(b), 10, FLOOR);
                double error = RelativeError.normwise(AttentionMaps.parameters(fitted.mixture(b)),
                        AttentionMaps.parameters(kernel));
                assertTrue(error <= 1e-11, "K=" + k + " map " + b + ": " + error);
                assertEquals(kernel.logLikelihood(POINTS, maps.get(b)), logLikelihood[b], 1e-12, "K=" + k + " map " + b);
            }
        }
    }

    @Test
    void float32StaysCloseToTheKernel() {
        List<double[]> maps = AttentionMaps.all();
        List<GaussianMixture2> starts = starts(maps, 3, 77);
        MixtureParameters fitted = MixtureEm.run(batch(maps, DataType.FLOAT32), points(DataType.FLOAT32),
                MixtureParameters.of(managers.manager(), DataType.FLOAT32, starts, 3), 10, FLOOR);
        assertEquals(DataType.FLOAT32, fitted.means().getDataType());
        for (int b = 0; b < maps.size(); b++) {
            double error = RelativeError.normwise(AttentionMaps.parameters(fitted.mixture(b)),
                    AttentionMaps.parameters(WeightedEm.run(POINTS, maps.get(b), starts.get(b), 10, FLOOR)));
            assertTrue(error <= 1e-3, "map " + b + ": " + error);
        }
    }

    @Test
    void paddedAndFarComponentsStayEmptyAndMatchTheKernel() {
        double[] w = AttentionMaps.weights(AttentionMaps.BIMODAL);
        GaussianMixture2 far = MixtureInitialisation.fromMeans(new double[][] {{0.3, 0.3}, {0.7, 0.7}, {40, 40}});
        GaussianMixture2 two = MixtureInitialisation.fromMeans(new double[][] {{0.3, 0.3}, {0.7, 0.7}});
        MixtureParameters start = MixtureParameters.of(managers.manager(), DataType.FLOAT64, List.of(far, two), 4);
        NDArray weights = batch(List.of(w, w), DataType.FLOAT64);
        weights.setRequiresGradient(true);
        MixtureParameters fitted;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            fitted = MixtureEm.run(weights, points(DataType.FLOAT64), start, 6, FLOOR);
            collector.backward(fitted.means().sum().add(fitted.covariances().sum()).add(
                    MixtureEm.logLikelihood(weights, points(DataType.FLOAT64), fitted).sum()));
        }
        for (double g : weights.getGradient().toDoubleArray()) {
            assertTrue(Double.isFinite(g), "gradient " + g);
        }
        GaussianMixture2 kernelFar = WeightedEm.run(POINTS, w, far, 6, FLOOR);
        GaussianMixture2 kernelTwo = WeightedEm.run(POINTS, w, two, 6, FLOOR);
        GaussianMixture2 row0 = fitted.mixture(0);
        GaussianMixture2 row1 = fitted.mixture(1);
        for (int k = 0; k < 3; k++) {
            double[] expected = AttentionMaps.parameters(List.of(kernelFar.component(k)));
            double[] actual = AttentionMaps.parameters(List.of(row0.component(k)));
            assertTrue(RelativeError.normwise(actual, expected) <= 1e-11, "row 0 component " + k);
        }
        assertEquals(0.0, row0.component(2).weight());
        assertEquals(far.component(2).density(), row0.component(2).density());
        assertEquals(0.0, row0.component(3).weight());
        assertEquals(0.0, row1.component(2).weight());
        assertTrue(RelativeError.normwise(AttentionMaps.parameters(row1.components().subList(0, 2)),
                AttentionMaps.parameters(kernelTwo)) <= 1e-11, "padding changes nothing");
    }

    /**
     * Autograd through 5 unrolled float64 steps against central differences of the double kernel: the derivative of a
     * fixed random linear functional of \( (\pi, \mu, \Sigma) \) and of \( \ell \) with respect to every weight.
     */
    @Test
    void autogradMatchesCentralDifferencesOfTheKernel() {
        int iterations = 5;
        double[] w = AttentionMaps.weights(AttentionMaps.TRIMODAL);
        for (int l = 0; l < w.length; l++) {
            w[l] = 0.9 * w[l] + 0.1 / w.length;
        }
        GaussianMixture2 start = MixtureInitialisation.kMeansPlusPlus(POINTS, w, 3, FLOOR, new SplittableRandom(21));
        SplittableRandom random = new SplittableRandom(8);
        double[] upstream = random.doubles(6 * 3 + 1, -1, 1).toArray();
        NDManager manager = managers.manager();
        NDArray weights = manager.create(w, new Shape(1, w.length));
        weights.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray points = points(DataType.FLOAT64);
            MixtureParameters fitted = MixtureEm.run(weights, points,
                    MixtureParameters.of(manager, DataType.FLOAT64, List.of(start), 3), iterations, FLOOR);
            NDArray flat = fitted.mixingWeights().expandDims(2)
                    .concat(fitted.means(), 2)
                    .concat(fitted.covariances().get(":, :, 0, 0").expandDims(2), 2)
                    .concat(fitted.covariances().get(":, :, 0, 1").expandDims(2), 2)
                    .concat(fitted.covariances().get(":, :, 1, 1").expandDims(2), 2)
                    .reshape(1, 18)
                    .concat(MixtureEm.logLikelihood(weights, points, fitted).reshape(1, 1), 1);
            collector.backward(flat.mul(manager.create(upstream, new Shape(1, 19))).sum());
        }
        double[] autograd = weights.getGradient().toDoubleArray();
        double[] numeric = new double[w.length];
        double h = 1e-7;
        for (int l = 0; l < w.length; l++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[l] += h;
            minus[l] -= h;
            numeric[l] = (functional(plus, start, iterations, upstream) - functional(minus, start, iterations, upstream))
                    / (2 * h);
        }
        double error = RelativeError.normwise(autograd, numeric);
        assertTrue(error <= 1e-6, "relative error " + error);
    }

    /** The functional of the test above on the double kernel; the off-diagonal counted once, as on the NDArray side. */
    private static double functional(double[] w, GaussianMixture2 start, int iterations, double[] upstream) {
        GaussianMixture2 fitted = WeightedEm.run(POINTS, w, start, iterations, FLOOR);
        double[] p = AttentionMaps.parameters(fitted);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += upstream[i] * p[i];
        }
        return sum + upstream[18] * fitted.logLikelihood(POINTS, w);
    }

    @Test
    void densityIsTheMixtureDensity() {
        List<GaussianMixture2> mixtures = List.of(AttentionMaps.BIMODAL, AttentionMaps.TRIMODAL);
        MixtureParameters parameters = MixtureParameters.of(managers.manager(), DataType.FLOAT64, mixtures, 3);
        double[] density = MixtureEm.density(parameters, points(DataType.FLOAT64)).toDoubleArray();
        for (int b = 0; b < 2; b++) {
            for (int l = 0; l < POINTS.length; l++) {
                double expected = mixtures.get(b).density(POINTS[l][0], POINTS[l][1]);
                assertEquals(expected, density[b * POINTS.length + l], 1e-13 * Math.max(1, expected));
            }
        }
    }

    @Test
    void rejectsShapesAndTypesThatDoNotFit() {
        NDManager manager = managers.manager();
        MixtureParameters two = MixtureParameters.of(manager, DataType.FLOAT64,
                List.of(AttentionMaps.BIMODAL, AttentionMaps.BIMODAL), 2);
        NDArray points = points(DataType.FLOAT64);
        assertEquals("weights have 3 rows, the mixture batch 2", assertThrows(IllegalArgumentException.class,
                () -> MixtureEm.run(manager.ones(new Shape(3, 196), DataType.FLOAT64), points, two, 1, 0)).getMessage());
        assertEquals("weights have 195 columns, points 196 rows", assertThrows(IllegalArgumentException.class,
                () -> MixtureEm.run(manager.ones(new Shape(2, 195), DataType.FLOAT64), points, two, 1, 0)).getMessage());
        assertEquals("weights have data type float32, the mixture float64", assertThrows(IllegalArgumentException.class,
                () -> MixtureEm.run(manager.ones(new Shape(2, 196)), points, two, 1, 0)).getMessage());
        assertEquals("points must have shape (L, 2), got (196, 3)", assertThrows(IllegalArgumentException.class,
                () -> MixtureEm.run(manager.ones(new Shape(2, 196), DataType.FLOAT64),
                        manager.ones(new Shape(196, 3), DataType.FLOAT64), two, 1, 0)).getMessage());
        assertEquals("means must have shape (2, 2, 2), got (2, 3, 2)", assertThrows(IllegalArgumentException.class,
                () -> new MixtureParameters(two.mixingWeights(), manager.zeros(new Shape(2, 3, 2), DataType.FLOAT64),
                        two.covariances())).getMessage());
        assertEquals("mixtures[0] has 2 components, more than 1", assertThrows(IllegalArgumentException.class,
                () -> MixtureParameters.of(manager, DataType.FLOAT64, List.of(AttentionMaps.BIMODAL), 1)).getMessage());
    }
}
