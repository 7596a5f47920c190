package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.RelativeError;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContinuousSoftmax1Test extends ExpectationContract {

    /** Functions of different widths, one far out in the tail of every density below. */
    static GaussianBasis1 mixedBasis() {
        return GaussianBasis1.of(List.of(Gaussian1.of(0.1, 0.01), Gaussian1.of(0.45, 0.0004), Gaussian1.of(0.7, 0.25),
                Gaussian1.of(0.95, 0.0025), Gaussian1.of(-0.4, 0.001)));
    }

    static List<Gaussian1> densities() {
        return List.of(Gaussian1.of(0.3, 0.01), Gaussian1.of(0.62, 0.0009), Gaussian1.of(0.5, 0.3));
    }

    static double[][] randomUpstream(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] upstream = new double[rows][columns];
        for (double[] row : upstream) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return upstream;
    }

    @Override
    List<double[]> thetas() {
        return densities().stream().map(p -> QuadraticScore1.fromLocationScale(p.mean(), p.variance()).toArray()).toList();
    }

    @Override
    int basisSize() {
        return mixedBasis().size();
    }

    private static Gaussian1 density(double[] theta) {
        QuadraticScore1 score = new QuadraticScore1(theta[0], theta[1]);
        return Gaussian1.of(score.location(), score.scale());
    }

    @Override
    double[] expectation(double[] theta) {
        return ContinuousSoftmax1.expectation(density(theta), mixedBasis());
    }

    @Override
    double[][] canonicalJacobian(double[] theta) {
        return ContinuousSoftmax1.canonicalJacobian(density(theta), mixedBasis());
    }

    /** Composite Gauss–Legendre over ±12 standard deviations of both factors, panels of the narrower width. */
    @Override
    double quadrature(double[] theta, int j) {
        Gaussian1 p = density(theta);
        Gaussian1 psi = mixedBasis().function(j);
        Density1Contract.Case a = Gaussian1Test.asCase("p", p);
        Density1Contract.Case b = Gaussian1Test.asCase("psi", psi);
        double lower = Math.min(a.lower(), b.lower());
        double upper = Math.max(a.upper(), b.upper());
        int panels = (int) Math.ceil((upper - lower) / Math.sqrt(Math.min(p.variance(), psi.variance())));
        return GaussLegendre.of(16).integrate(t -> p.density(t) * psi.density(t), lower, upper, panels);
    }

    @Override
    NDArray forward(NDManager manager, NDArray mean, NDArray variance) {
        GaussianBasis1 basis = mixedBasis();
        return ContinuousSoftmax1.expectation(mean, variance, basis.means(manager, DataType.FLOAT64),
                basis.variances(manager, DataType.FLOAT64));
    }

    @Test
    void batchedNDArrayMatchesTheKernel() {
        GaussianBasis1 basis = GaussianBasis1.grid(7, 0.1);
        List<Gaussian1> batch = densities();
        double[] means = batch.stream().mapToDouble(Gaussian1::mean).toArray();
        double[] variances = batch.stream().mapToDouble(Gaussian1::variance).toArray();
        for (DataType type : new DataType[] {DataType.FLOAT64, DataType.FLOAT32}) {
            NDArray r = ContinuousSoftmax1.expectation(managers.manager().create(means).toType(type, false),
                    managers.manager().create(variances).toType(type, false), basis.means(managers.manager(), type),
                    basis.variances(managers.manager(), type));
            assertEquals(new Shape(batch.size(), basis.size()), r.getShape());
            double[] values = r.toType(DataType.FLOAT64, false).toDoubleArray();
            double tolerance = type == DataType.FLOAT64 ? 1e-13 : 1e-5;
            for (int b = 0; b < batch.size(); b++) {
                double[] row = Arrays.copyOfRange(values, b * basis.size(), (b + 1) * basis.size());
                double error = RelativeError.normwise(row, ContinuousSoftmax1.expectation(batch.get(b), basis));
                assertTrue(error <= tolerance, type + " row " + b + ": " + error);
            }
        }
        double[] points = UnitIntervalGrid.of(9).centres();
        double[] density = ContinuousSoftmax1.density(managers.manager().create(means),
                managers.manager().create(variances), managers.manager().create(points)).toDoubleArray();
        for (int b = 0; b < batch.size(); b++) {
            for (int l = 0; l < points.length; l++) {
                double expected = batch.get(b).density(points[l]);
                assertEquals(expected, density[b * points.length + l], 1e-13 * expected + 1e-300);
            }
        }
    }

    @Test
    void ndarrayRejectsShapesThatDoNotFit() {
        NDArray mean = managers.manager().zeros(new Shape(3));
        NDArray variance = managers.manager().ones(new Shape(3));
        NDArray basisMeans = managers.manager().zeros(new Shape(4));
        assertEquals("variance must have shape (*), got (3, 1)", assertThrows(IllegalArgumentException.class,
                () -> ContinuousSoftmax1.expectation(mean, variance.reshape(3, 1), basisMeans, basisMeans)).getMessage());
        assertEquals("mean has batch size 3, variance 2", assertThrows(IllegalArgumentException.class,
                () -> ContinuousSoftmax1.expectation(mean, managers.manager().ones(new Shape(2)), basisMeans, basisMeans))
                .getMessage());
        assertEquals("basisMeans has 4 rows, basisVariances 5", assertThrows(IllegalArgumentException.class,
                () -> ContinuousSoftmax1.expectation(mean, variance, basisMeans, managers.manager().ones(new Shape(5))))
                .getMessage());
        assertEquals("mean must have a floating-point data type, got int32", assertThrows(IllegalArgumentException.class,
                () -> ContinuousSoftmax1.expectation(mean.toType(DataType.INT32, false),
                        variance.toType(DataType.INT32, false), basisMeans, basisMeans)).getMessage());
    }
}
