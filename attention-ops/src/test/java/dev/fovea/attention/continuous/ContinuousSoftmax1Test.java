package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContinuousSoftmax1Test {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

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

    @Test
    void closedFormMatchesQuadrature() {
        GaussLegendre rule = GaussLegendre.of(16);
        GaussianBasis1 basis = mixedBasis();
        for (Gaussian1 p : densities()) {
            double[] r = ContinuousSoftmax1.expectation(p, basis);
            for (int j = 0; j < basis.size(); j++) {
                Gaussian1 psi = basis.function(j);
                Density1Contract.Case a = Gaussian1Test.asCase("p", p);
                Density1Contract.Case b = Gaussian1Test.asCase("psi", psi);
                double lower = Math.min(a.lower(), b.lower());
                double upper = Math.max(a.upper(), b.upper());
                double narrowest = Math.sqrt(Math.min(p.variance(), psi.variance()));
                int panels = (int) Math.ceil((upper - lower) / narrowest);
                double quadrature = rule.integrate(t -> p.density(t) * psi.density(t), lower, upper, panels);
                assertEquals(quadrature, r[j], 1e-9 * quadrature, p + " basis " + j);
            }
        }
    }

    @Test
    void canonicalJacobianMatchesCentralDifferences() {
        GaussianBasis1 basis = mixedBasis();
        for (Gaussian1 p : densities()) {
            double[][] explicit = ContinuousSoftmax1.canonicalJacobian(p, basis);
            double[][] numeric = CanonicalGradients.centralDifferences(theta -> {
                QuadraticScore1 score = new QuadraticScore1(theta[0], theta[1]);
                return ContinuousSoftmax1.expectation(Gaussian1.of(score.location(), score.scale()), basis);
            }, QuadraticScore1.fromLocationScale(p.mean(), p.variance()).toArray(), 1.0);
            double error = CanonicalGradients.normwise(explicit, numeric);
            assertTrue(error <= 1e-6, p + ": relative error " + error);
        }
    }

    @Test
    void autogradThroughTheNDArrayForwardMatchesTheCanonicalJacobian() {
        GaussianBasis1 basis = mixedBasis();
        List<Gaussian1> batch = densities();
        double[][] theta = new double[batch.size()][];
        for (int b = 0; b < theta.length; b++) {
            theta[b] = QuadraticScore1.fromLocationScale(batch.get(b).mean(), batch.get(b).variance()).toArray();
        }
        double[][] upstream = randomUpstream(batch.size(), basis.size(), 5);
        double[][] autograd = CanonicalGradients.autograd1(managers.manager(), (mean, variance) ->
                ContinuousSoftmax1.expectation(mean, variance, basis.means(managers.manager(), DataType.FLOAT64),
                        basis.variances(managers.manager(), DataType.FLOAT64)), theta, upstream);
        for (int b = 0; b < theta.length; b++) {
            double[] explicit = CanonicalGradients.vectorJacobianProduct(
                    ContinuousSoftmax1.canonicalJacobian(batch.get(b), basis), upstream[b]);
            double error = RelativeError.normwise(autograd[b], explicit);
            assertTrue(error <= 1e-6, "row " + b + ": " + error);
        }
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
