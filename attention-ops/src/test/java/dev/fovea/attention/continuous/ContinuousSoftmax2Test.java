package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.fovea.attention.RelativeError;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContinuousSoftmax2Test extends ExpectationContract {

    /** Anisotropic, correlated basis functions of different widths, so no symmetry hides a wrong sign. */
    static GaussianBasis2 mixedBasis() {
        return GaussianBasis2.of(List.of(
                Gaussian2.of(0.2, 0.3, SymmetricMatrix2.diagonal(0.01, 0.01)),
                Gaussian2.of(0.8, 0.25, SymmetricMatrix2.of(0.02, 0.008, 0.015)),
                Gaussian2.of(0.5, 0.9, SymmetricMatrix2.of(0.005, -0.002, 0.03)),
                Gaussian2.of(0.45, 0.55, SymmetricMatrix2.diagonal(0.04, 0.002))));
    }

    static List<Gaussian2> densities() {
        return List.of(
                Gaussian2Test.correlated(),
                Gaussian2.of(0.6, 0.4, SymmetricMatrix2.diagonal(0.003, 0.008)),
                Gaussian2.of(0.1, 0.9, SymmetricMatrix2.of(0.09, 0.05, 0.06)));
    }

    @Override
    List<double[]> thetas() {
        return densities().stream()
                .map(p -> QuadraticScore2.fromLocationScale(p.meanX(), p.meanY(), p.covariance()).toArray()).toList();
    }

    @Override
    int basisSize() {
        return mixedBasis().size();
    }

    private static Gaussian2 density(double[] theta) {
        QuadraticScore2 score = new QuadraticScore2(theta[0], theta[1], theta[2], theta[3], theta[4], theta[5]);
        double[] mu = score.location();
        return Gaussian2.of(mu[0], mu[1], score.scale());
    }

    @Override
    double[] expectation(double[] theta) {
        return ContinuousSoftmax2.expectation(density(theta), mixedBasis());
    }

    @Override
    double[][] canonicalJacobian(double[] theta) {
        return ContinuousSoftmax2.canonicalJacobian(density(theta), mixedBasis());
    }

    /** Tensor Gauss–Legendre over a box holding ±12 standard deviations of both factors. */
    @Override
    double quadrature(double[] theta, int j) {
        Gaussian2 p = density(theta);
        Gaussian2 psi = mixedBasis().function(j);
        double[] box = hull(Gaussian2Test.asCase("p", p).box(), Gaussian2Test.asCase("psi", psi).box());
        double narrowest = Math.sqrt(Math.min(Math.min(p.covariance().xx(), p.covariance().yy()),
                Math.min(psi.covariance().xx(), psi.covariance().yy())));
        int panels = (int) Math.ceil(Math.max(box[1] - box[0], box[3] - box[2]) / narrowest);
        return GaussLegendre.of(16).integrate((x, y) -> p.density(x, y) * psi.density(x, y),
                box[0], box[1], box[2], box[3], panels);
    }

    @Override
    NDArray forward(NDManager manager, NDArray mean, NDArray covariance) {
        GaussianBasis2 basis = mixedBasis();
        return ContinuousSoftmax2.expectation(mean, covariance, basis.means(manager, DataType.FLOAT64),
                basis.covariances(manager, DataType.FLOAT64));
    }

    private static double[] hull(double[] a, double[] b) {
        return new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.max(a[3], b[3])};
    }

    @Test
    void explicitGradientMatchesCentralDifferences() {
        GaussianBasis2 basis = mixedBasis();
        for (Gaussian2 p : densities()) {
            ExpectationJacobian jacobian = ContinuousSoftmax2.jacobian(p, basis);
            int n = basis.size();
            List<Double> analytic = new ArrayList<>();
            List<Double> numeric = new ArrayList<>();
            double h = 1e-6;
            for (int variable = 0; variable < 5; variable++) {
                double[] plus = ContinuousSoftmax2.expectation(perturbed(p, variable, h), basis);
                double[] minus = ContinuousSoftmax2.expectation(perturbed(p, variable, -h), basis);
                for (int j = 0; j < n; j++) {
                    numeric.add((plus[j] - minus[j]) / (2 * h));
                    analytic.add(switch (variable) {
                        case 0 -> jacobian.meanGradient(j)[0];
                        case 1 -> jacobian.meanGradient(j)[1];
                        case 2 -> jacobian.covarianceGradient(j).xx();
                        // Moving the symmetric off-diagonal pair moves both independent entries.
                        case 3 -> 2 * jacobian.covarianceGradient(j).xy();
                        default -> jacobian.covarianceGradient(j).yy();
                    });
                }
            }
            double error = RelativeError.normwise(toArray(numeric), toArray(analytic));
            assertTrue(error <= 1e-6, p + ": relative error " + error);
            double[] r = ContinuousSoftmax2.expectation(p, basis);
            assertEquals(0.0, RelativeError.normwise(jacobian.expectation(), r), 0.0);
        }
    }

    private static Gaussian2 perturbed(Gaussian2 p, int variable, double h) {
        SymmetricMatrix2 c = p.covariance();
        return switch (variable) {
            case 0 -> Gaussian2.of(p.meanX() + h, p.meanY(), c);
            case 1 -> Gaussian2.of(p.meanX(), p.meanY() + h, c);
            case 2 -> Gaussian2.of(p.meanX(), p.meanY(), SymmetricMatrix2.of(c.xx() + h, c.xy(), c.yy()));
            case 3 -> Gaussian2.of(p.meanX(), p.meanY(), SymmetricMatrix2.of(c.xx(), c.xy() + h, c.yy()));
            default -> Gaussian2.of(p.meanX(), p.meanY(), SymmetricMatrix2.of(c.xx(), c.xy(), c.yy() + h));
        };
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private NDArray means(List<Gaussian2> densities) {
        double[] flat = new double[2 * densities.size()];
        for (int b = 0; b < densities.size(); b++) {
            flat[2 * b] = densities.get(b).meanX();
            flat[2 * b + 1] = densities.get(b).meanY();
        }
        return managers.manager().create(flat, new Shape(densities.size(), 2));
    }

    private NDArray covariances(List<Gaussian2> densities) {
        double[] flat = new double[4 * densities.size()];
        for (int b = 0; b < densities.size(); b++) {
            SymmetricMatrix2 c = densities.get(b).covariance();
            System.arraycopy(new double[] {c.xx(), c.xy(), c.xy(), c.yy()}, 0, flat, 4 * b, 4);
        }
        return managers.manager().create(flat, new Shape(densities.size(), 2, 2));
    }

    @Test
    void batchedNDArrayMatchesTheKernel() {
        GaussianBasis2 basis = GaussianBasis2.grid(5, 0.12);
        List<Gaussian2> batch = densities();
        for (DataType type : new DataType[] {DataType.FLOAT64, DataType.FLOAT32}) {
            NDArray r = ContinuousSoftmax2.expectation(means(batch).toType(type, false),
                    covariances(batch).toType(type, false), basis.means(managers.manager(), type), basis.covariances(managers.manager(), type));
            assertEquals(new Shape(batch.size(), basis.size()), r.getShape());
            assertEquals(type, r.getDataType());
            double[] values = r.toType(DataType.FLOAT64, false).toDoubleArray();
            double tolerance = type == DataType.FLOAT64 ? 1e-12 : 1e-4;
            for (int b = 0; b < batch.size(); b++) {
                double[] expected = ContinuousSoftmax2.expectation(batch.get(b), basis);
                double[] row = java.util.Arrays.copyOfRange(values, b * basis.size(), (b + 1) * basis.size());
                double error = RelativeError.normwise(row, expected);
                assertTrue(error <= tolerance, type + " row " + b + ": " + error);
            }
        }
    }

    @Test
    void autogradThroughTheNDArrayExpectationMatchesTheExplicitGradient() {
        GaussianBasis2 basis = mixedBasis();
        List<Gaussian2> batch = densities();
        SplittableRandom random = new SplittableRandom(5);
        double[][] upstream = new double[batch.size()][basis.size()];
        for (double[] row : upstream) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 2 * random.nextDouble() - 1;
            }
        }
        NDArray mean = means(batch);
        NDArray covariance = covariances(batch);
        mean.setRequiresGradient(true);
        covariance.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray r = ContinuousSoftmax2.expectation(mean, covariance,
                    basis.means(managers.manager(), DataType.FLOAT64), basis.covariances(managers.manager(), DataType.FLOAT64));
            collector.backward(r.mul(managers.manager().create(upstream)).sum());
        }
        double[] meanGradient = mean.getGradient().toDoubleArray();
        double[] covarianceGradient = covariance.getGradient().toDoubleArray();
        for (int b = 0; b < batch.size(); b++) {
            ExpectationJacobian jacobian = ContinuousSoftmax2.jacobian(batch.get(b), basis);
            double[] dMean = jacobian.meanVectorJacobianProduct(upstream[b]);
            SymmetricMatrix2 dCov = jacobian.covarianceVectorJacobianProduct(upstream[b]);
            double[] explicit = {dMean[0], dMean[1], dCov.xx(), dCov.xy(), dCov.xy(), dCov.yy()};
            double[] autograd = {meanGradient[2 * b], meanGradient[2 * b + 1], covarianceGradient[4 * b],
                    covarianceGradient[4 * b + 1], covarianceGradient[4 * b + 2], covarianceGradient[4 * b + 3]};
            double error = RelativeError.normwise(autograd, explicit);
            assertTrue(error <= 1e-6, "row " + b + ": " + error);
        }
    }

    @Test
    void ndarrayRejectsShapesThatDoNotFit() {
        NDArray mean = managers.manager().zeros(new Shape(2, 2));
        NDArray covariance = managers.manager().zeros(new Shape(2, 2, 2));
        NDArray basisMeans = managers.manager().zeros(new Shape(4, 2));
        NDArray basisCovariances = managers.manager().zeros(new Shape(4, 2, 2));
        assertEquals("mean must have shape (*, 2), got (2, 3)", assertThrows(IllegalArgumentException.class,
                () -> ContinuousSoftmax2.expectation(managers.manager().zeros(new Shape(2, 3)), covariance, basisMeans,
                        basisCovariances)).getMessage());
        assertEquals("mean has batch size 2, covariance 3", assertThrows(IllegalArgumentException.class,
                () -> ContinuousSoftmax2.expectation(mean, managers.manager().zeros(new Shape(3, 2, 2)), basisMeans,
                        basisCovariances)).getMessage());
        assertEquals("basisMeans has 4 rows, basisCovariances 5", assertThrows(IllegalArgumentException.class,
                () -> ContinuousSoftmax2.expectation(mean, covariance, basisMeans,
                        managers.manager().zeros(new Shape(5, 2, 2)))).getMessage());
        assertEquals("basisMeans must have at least one row, got shape (0, 2)",
                assertThrows(IllegalArgumentException.class, () -> ContinuousSoftmax2.expectation(mean, covariance,
                        managers.manager().zeros(new Shape(0, 2)), managers.manager().zeros(new Shape(0, 2, 2)))).getMessage());
        assertEquals("covariance has data type float64, mean float32", assertThrows(IllegalArgumentException.class,
                () -> ContinuousSoftmax2.expectation(mean, covariance.toType(DataType.FLOAT64, false), basisMeans,
                        basisCovariances)).getMessage());
    }

    @Test
    void basisValidatesItsArguments() {
        assertEquals("a basis needs at least one function, got none",
                assertThrows(IllegalArgumentException.class, () -> GaussianBasis2.of(List.of())).getMessage());
        assertEquals("sigma must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> GaussianBasis2.grid(3, 0.0)).getMessage());
        assertEquals("cellsPerSide must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> GaussianBasis2.grid(0, 0.1)).getMessage());
        GaussianBasis2 grid = GaussianBasis2.grid(3, 0.1);
        // Cell centres (k + 1/2)/3, row-major with the row along y.
        assertEquals(1.0 / 6, grid.function(0).meanX(), 0.0);
        assertEquals(5.0 / 6, grid.function(2).meanX(), 0.0);
        assertEquals(1.0 / 2, grid.function(3).meanY(), 0.0);
        assertEquals(0.1 * 0.1, grid.function(4).covariance().xx(), 0.0);
    }
}
