package dev.fovea.attention.mixture;

import static dev.fovea.attention.mixture.AttentionMaps.POINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import dev.fovea.attention.continuous.ContinuousSoftmax2;
import dev.fovea.attention.continuous.GaussianBasis2;
import dev.fovea.attention.continuous.RidgeValueFunction;
import dev.fovea.attention.discrete.Softmax;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MixtureAttentionTest {

    private static final int CELLS = POINTS.length;
    private static final int D = 3;
    private static final GaussianBasis2 BASIS = GaussianBasis2.grid(5, 0.12);
    private static final MixtureAttention.Settings SETTINGS = MixtureAttention.Settings.defaults(4);

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    /** Scores whose softmax is bimodal, trimodal and structureless. */
    private static double[][] scores() {
        double[][] maps = {AttentionMaps.weights(AttentionMaps.BIMODAL), AttentionMaps.weights(AttentionMaps.TRIMODAL),
                AttentionMaps.noise(6)};
        double[][] scores = new double[maps.length][CELLS];
        for (int b = 0; b < maps.length; b++) {
            for (int l = 0; l < CELLS; l++) {
                scores[b][l] = Math.log(0.95 * maps[b][l] + 0.05 / CELLS);
            }
        }
        return scores;
    }

    private static double[][][] values(int batch) {
        SplittableRandom random = new SplittableRandom(12);
        double[][][] values = new double[batch][CELLS][D];
        for (double[][] map : values) {
            for (double[] v : map) {
                for (int e = 0; e < D; e++) {
                    v[e] = random.nextDouble() - 0.5;
                }
            }
        }
        return values;
    }

    private NDArray valuesArray(double[][][] values, DataType type) {
        double[] flat = Arrays.stream(values).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray();
        return managers.manager().create(flat, new Shape(values.length, CELLS, D)).toType(type, false);
    }

    /** The block's output recomputed with double kernels only: softmax, selection, closed-form r_k, ridge context. */
    private static double[] pipeline(double[] scores, double[][] values, MixtureAttention block, double[] map) {
        double[] w = Softmax.probabilities(scores);
        GaussianMixtureFit fit = MixtureSelection.fit(new MixtureRequest(POINTS, w, ComponentCount.atMost(4),
                SETTINGS.iterations(), null, SETTINGS.covarianceFloor(), SETTINGS.penalty(), SETTINGS.restarts(),
                SETTINGS.seed()));
        double[] r = new double[BASIS.size()];
        for (MixtureComponent c : fit.components()) {
            double[] rk = ContinuousSoftmax2.expectation(c.density(), BASIS);
            for (int j = 0; j < r.length; j++) {
                r[j] += c.weight() * rk[j];
            }
        }
        if (map != null) {
            double total = 0;
            for (int l = 0; l < CELLS; l++) {
                map[l] = fit.mixture().density(POINTS[l][0], POINTS[l][1]);
                total += map[l];
            }
            for (int l = 0; l < CELLS; l++) {
                map[l] /= total;
            }
        }
        return block.valueFunction(CELLS).context(values, r);
    }

    @Test
    void inferenceMatchesTheDoublePipeline() {
        double[][] scores = scores();
        double[][][] values = values(scores.length);
        MixtureAttention block = new MixtureAttention(BASIS, 1e-3, MixtureAttention.Input.SCORES, SETTINGS);
        block.initialize(managers.manager(), DataType.FLOAT64, new Shape(scores.length, CELLS),
                new Shape(scores.length, CELLS, D));
        NDList out = block.forward(new ParameterStore(managers.manager(), false), new NDList(
                managers.manager().create(scores), valuesArray(values, DataType.FLOAT64)), false);
        assertEquals(new Shape(scores.length, D), out.get(0).getShape());
        assertEquals(new Shape(scores.length, CELLS), out.get(1).getShape());
        double[] context = out.get(0).toDoubleArray();
        double[] maps = out.get(1).toDoubleArray();
        for (int b = 0; b < scores.length; b++) {
            double[] map = new double[CELLS];
            double[] expected = pipeline(scores[b], values[b], block, map);
            double error = RelativeError.normwise(Arrays.copyOfRange(context, b * D, (b + 1) * D), expected);
            assertTrue(error <= 1e-10, "context row " + b + ": " + error);
            double mapError = RelativeError.normwise(Arrays.copyOfRange(maps, b * CELLS, (b + 1) * CELLS), map);
            assertTrue(mapError <= 1e-10, "map row " + b + ": " + mapError);
        }
    }

    /**
     * Autograd of \( \langle g, c \rangle \) with respect to the scores, through softmax and 10 unrolled EM steps, against
     * central differences of the double pipeline (which redoes the selection at every perturbed point: the selected
     * start does not move under perturbations of \( 10^{-6} \)).
     */
    @Test
    void contextGradientMatchesCentralDifferencesOfTheDoublePipeline() {
        double[][] scores = scores();
        double[][][] values = values(scores.length);
        double[] upstream = new SplittableRandom(3).doubles(scores.length * D, -1, 1).toArray();
        MixtureAttention block = new MixtureAttention(BASIS, 1e-3, MixtureAttention.Input.SCORES, SETTINGS);
        NDManager manager = managers.manager();
        NDArray input = manager.create(scores);
        input.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList out = block.forward(new ParameterStore(manager, false),
                    new NDList(input, valuesArray(values, DataType.FLOAT64)), false);
            collector.backward(out.get(0).mul(manager.create(upstream, new Shape(scores.length, D))).sum());
        }
        double[] autograd = input.getGradient().toDoubleArray();
        double h = 1e-6;
        for (int b = 0; b < scores.length; b++) {
            double[] numeric = new double[CELLS];
            for (int l = 0; l < CELLS; l++) {
                double[] plus = scores[b].clone();
                double[] minus = scores[b].clone();
                plus[l] += h;
                minus[l] -= h;
                double[] cp = pipeline(plus, values[b], block, null);
                double[] cm = pipeline(minus, values[b], block, null);
                for (int e = 0; e < D; e++) {
                    numeric[l] += upstream[b * D + e] * (cp[e] - cm[e]) / (2 * h);
                }
            }
            double error = RelativeError.normwise(Arrays.copyOfRange(autograd, b * CELLS, (b + 1) * CELLS), numeric);
            assertTrue(error <= 1e-6, "row " + b + ": relative error " + error);
        }
    }

    @Test
    void trainingDrawsTheNumberOfComponentsAtRandomPerMap() {
        MixtureAttention block = new MixtureAttention(BASIS, 1e-3, MixtureAttention.Input.WEIGHTS, SETTINGS);
        double[] w = AttentionMaps.weights(AttentionMaps.TRIMODAL);
        NDArray weights = managers.manager().create(new double[][] {w, w, w, w});
        Set<Integer> seen = new HashSet<>();
        for (int call = 0; call < 20; call++) {
            MixtureParameters start = block.initialise(weights, true);
            assertEquals(4, start.componentCount());
            double[] pi = start.mixingWeights().toDoubleArray();
            for (int b = 0; b < 4; b++) {
                int used = 0;
                for (int k = 0; k < 4; k++) {
                    used += pi[4 * b + k] > 0 ? 1 : 0;
                }
                for (int k = 0; k < used; k++) {
                    assertEquals(1.0 / used, pi[4 * b + k], 1e-15);
                }
                seen.add(used);
            }
        }
        assertEquals(Set.of(1, 2, 3, 4), seen);
        MixtureParameters selected = block.initialise(weights, false);
        double[] pi = selected.mixingWeights().toDoubleArray();
        for (int b = 0; b < 4; b++) {
            assertEquals(3, Arrays.stream(pi, 4 * b, 4 * b + 4).filter(p -> p > 0).count(), "selection picks K = 3");
        }
    }

    @Test
    void trainingForwardRunsInFloat32WithFiniteOutputs() {
        double[][] scores = scores();
        MixtureAttention block = new MixtureAttention(BASIS, 1e-3, MixtureAttention.Input.SCORES, SETTINGS);
        NDList out = block.forward(new ParameterStore(managers.manager(), false), new NDList(
                managers.manager().create(scores).toType(DataType.FLOAT32, false),
                valuesArray(values(scores.length), DataType.FLOAT32)), true);
        assertEquals(DataType.FLOAT32, out.get(0).getDataType());
        for (float v : out.get(0).toFloatArray()) {
            assertTrue(Float.isFinite(v), "context " + v);
        }
        float[] map = out.get(1).toFloatArray();
        for (int b = 0; b < scores.length; b++) {
            double sum = 0;
            for (int l = 0; l < CELLS; l++) {
                sum += map[b * CELLS + l];
            }
            assertEquals(1.0, sum, 1e-5);
        }
    }

    @Test
    void functionalFormAnswersTheFittedMixtures() {
        double[] w = AttentionMaps.weights(AttentionMaps.BIMODAL);
        NDManager manager = managers.manager();
        GaussianMixture2 start = MixtureInitialisation.fromMeans(new double[][] {{0.25, 0.25}, {0.75, 0.75}});
        RidgeValueFunction valueFunction = RidgeValueFunction.fit(BASIS,
                dev.fovea.attention.continuous.UnitSquareGrid.of(AttentionMaps.SIDE), 1e-3);
        MixtureAttention.Output out = MixtureAttention.attend(manager.create(w, new Shape(1, CELLS)),
                valuesArray(values(1), DataType.FLOAT64), valueFunction,
                MixtureParameters.of(manager, DataType.FLOAT64, java.util.List.of(start), 2), 10, 1e-6);
        double error = RelativeError.normwise(AttentionMaps.parameters(out.mixture().mixture(0)),
                AttentionMaps.parameters(WeightedEm.run(POINTS, w, start, 10, 1e-6)));
        assertTrue(error <= 1e-11, "mixture " + error);
    }

    @Test
    void rejectsBadSettingsAndInputs() {
        assertEquals("iterations must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new MixtureAttention.Settings(4, 0, 1e-6, 1, 3, 0)).getMessage());
        assertEquals("maxComponents must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> MixtureAttention.Settings.defaults(0)).getMessage());
        assertEquals("ridge must be finite and > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> new MixtureAttention(BASIS, 0, MixtureAttention.Input.SCORES, SETTINGS)).getMessage());
        MixtureAttention block = new MixtureAttention(BASIS, 1e-3, MixtureAttention.Input.WEIGHTS, SETTINGS);
        double[][] weights = {AttentionMaps.weights(AttentionMaps.BIMODAL), new double[CELLS]};
        assertEquals("weights row 1 must have a positive finite sum, got 0.0",
                assertThrows(IllegalArgumentException.class,
                        () -> block.initialise(managers.manager().create(weights), false)).getMessage());
    }
}
