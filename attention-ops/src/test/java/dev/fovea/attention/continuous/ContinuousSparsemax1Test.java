package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.RelativeError;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinuousSparsemax1Test extends ExpectationContract {

    /** Supports from much narrower to much wider than the basis functions. */
    static List<TruncatedParabola> densities() {
        return List.of(TruncatedParabola.of(0.3, 0.01), TruncatedParabola.of(0.62, 1e-5),
                TruncatedParabola.fromVariance(0.5, 0.2), TruncatedParabola.of(0.05, 0.002));
    }

    @Override
    List<double[]> thetas() {
        return densities().stream().map(p -> p.score().toArray()).toList();
    }

    @Override
    int basisSize() {
        return ContinuousSoftmax1Test.mixedBasis().size();
    }

    private static TruncatedParabola density(double[] theta) {
        QuadraticScore1 score = new QuadraticScore1(theta[0], theta[1]);
        return TruncatedParabola.of(score.location(), score.scale());
    }

    @Override
    double[] expectation(double[] theta) {
        return ContinuousSparsemax1.expectation(density(theta), ContinuousSoftmax1Test.mixedBasis());
    }

    @Override
    double[][] canonicalJacobian(double[] theta) {
        return ContinuousSparsemax1.canonicalJacobian(density(theta), ContinuousSoftmax1Test.mixedBasis());
    }

    /** Composite Gauss–Legendre on the support, where the integrand is smooth; a few panels per basis width. */
    @Override
    double quadrature(double[] theta, int j) {
        TruncatedParabola p = density(theta);
        Gaussian1 psi = ContinuousSoftmax1Test.mixedBasis().function(j);
        Support.Interval s = p.support();
        int panels = 4 + (int) Math.ceil((s.upper() - s.lower()) / Math.sqrt(psi.variance()));
        return GaussLegendre.of(16).integrate(t -> p.density(t) * psi.density(t), s.lower(), s.upper(), panels);
    }

    @Override
    NDArray forward(NDManager manager, NDArray mean, NDArray scale) {
        GaussianBasis1 basis = ContinuousSoftmax1Test.mixedBasis();
        return ContinuousSparsemax1.expectation(mean, scale, basis.means(manager, DataType.FLOAT64),
                basis.variances(manager, DataType.FLOAT64));
    }

    @Test
    void knownValuesFromHighPrecisionQuadrature() {
        // mpmath 1.3.0, mp.dps = 40: quad(p(t) · npdf(t, μ_j, σ_j), [μ − a, μ + a]) for μ = 0.3, σ² = 0.01.
        TruncatedParabola p = TruncatedParabola.of(0.3, 0.01);
        GaussianBasis1 basis = GaussianBasis1.of(
                List.of(Gaussian1.of(0.5, 0.01), Gaussian1.of(0.9, 0.0025), Gaussian1.of(0.3, 1.0)));
        double[] r = ContinuousSparsemax1.expectation(p, basis);
        assertEquals(1.166800839831284529762767, r[0], 1e-15 * r[0]);
        assertEquals(1.289160552955514530577432e-13, r[1], 1e-12 * r[1]);
        // A support 1/4 as wide as ψ₃: the parabola moment cancels by about (σ_j/a)², hence 1e-13.
        assertEquals(0.3965315565440437551352199, r[2], 1e-13 * r[2]);
    }

    @Test
    void canonicalJacobianIsTheUniformCovarianceByQuadrature() {
        // |S| Cov_U(φ, ψ_j) = ∫_S φ ψ_j − (1/|S|) ∫_S φ ∫_S ψ_j, each integral by Gauss–Legendre on the support.
        GaussLegendre rule = GaussLegendre.of(16);
        GaussianBasis1 basis = ContinuousSoftmax1Test.mixedBasis();
        for (TruncatedParabola p : densities()) {
            double[][] explicit = ContinuousSparsemax1.canonicalJacobian(p, basis);
            Support.Interval s = p.support();
            double length = s.upper() - s.lower();
            double[][] quadrature = new double[2][basis.size()];
            for (int j = 0; j < basis.size(); j++) {
                Gaussian1 psi = basis.function(j);
                int panels = 4 + (int) Math.ceil(length / Math.sqrt(psi.variance()));
                double mass = rule.integrate(psi::density, s.lower(), s.upper(), panels);
                double first = rule.integrate(t -> t * psi.density(t), s.lower(), s.upper(), panels);
                double second = rule.integrate(t -> t * t * psi.density(t), s.lower(), s.upper(), panels);
                double meanT = 0.5 * (s.lower() + s.upper());
                double meanT2 = (Math.pow(s.upper(), 3) - Math.pow(s.lower(), 3)) / (3 * length);
                quadrature[0][j] = first - meanT * mass;
                quadrature[1][j] = second - meanT2 * mass;
            }
            double error = CanonicalGradients.normwise(explicit, quadrature);
            assertTrue(error <= 1e-9, p + ": relative error " + error);
        }
    }

    @Test
    void batchedNDArrayMatchesTheKernel() {
        GaussianBasis1 basis = GaussianBasis1.grid(7, 0.1);
        List<TruncatedParabola> batch = densities();
        NDArray mean = managers.manager().create(batch.stream().mapToDouble(TruncatedParabola::mean).toArray());
        NDArray scale = managers.manager().create(batch.stream().mapToDouble(TruncatedParabola::scale).toArray());
        double[] values = ContinuousSparsemax1.expectation(mean, scale, basis.means(managers.manager(), DataType.FLOAT64),
                basis.variances(managers.manager(), DataType.FLOAT64)).toDoubleArray();
        for (int b = 0; b < batch.size(); b++) {
            double[] row = Arrays.copyOfRange(values, b * basis.size(), (b + 1) * basis.size());
            double error = RelativeError.normwise(row, ContinuousSparsemax1.expectation(batch.get(b), basis));
            assertTrue(error <= 1e-12, "row " + b + ": " + error);
        }
        double[] points = UnitIntervalGrid.of(11).centres();
        NDArray density = ContinuousSparsemax1.density(mean, scale, managers.manager().create(points));
        assertEquals(new Shape(batch.size(), points.length), density.getShape());
        double[] shown = density.toDoubleArray();
        for (int b = 0; b < batch.size(); b++) {
            for (int l = 0; l < points.length; l++) {
                assertEquals(batch.get(b).density(points[l]), shown[b * points.length + l], 1e-12);
            }
        }
    }
}
