package dev.fovea.attention.bench;

import dev.fovea.attention.continuous.ContinuousEvaluation;
import dev.fovea.attention.continuous.ContinuousSoftmax2;
import dev.fovea.attention.continuous.ContinuousSparsemax2;
import dev.fovea.attention.continuous.ExpectationJacobian;
import dev.fovea.attention.continuous.Gaussian2;
import dev.fovea.attention.continuous.GaussianBasis2;
import dev.fovea.attention.continuous.TruncatedParaboloid;
import dev.fovea.math.linalg.SymmetricMatrix2;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Per query, for a 10×10 basis (N = 100): the closed-form softmax expectations
 * \( r_j = \mathcal{N}(\mu; \mu_j, \Sigma + \Sigma_j) \) and their Jacobians, and continuous sparsemax with the truncated
 * paraboloid of the same mean and covariance (angle nodes bounded a priori, \( 10^{-9} \)).
 */
public class ContinuousExpectationBenchmark extends NanosecondBenchmark {

    private GaussianBasis2 basis;
    private Gaussian2 density;
    private TruncatedParaboloid paraboloid;

    @Setup
    public void setUp() {
        basis = GaussianBasis2.grid(10, 0.1);
        density = Gaussian2.of(0.42, 0.61, SymmetricMatrix2.of(0.02, 0.005, 0.03));
        paraboloid = TruncatedParaboloid.fromCovariance(0.42, 0.61, density.covariance());
    }

    @Benchmark
    public double[] expectation() {
        return ContinuousSoftmax2.expectation(density, basis);
    }

    @Benchmark
    public ExpectationJacobian jacobian() {
        return ContinuousSoftmax2.jacobian(density, basis);
    }

    @Benchmark
    public ContinuousEvaluation canonicalJacobian() {
        return ContinuousSoftmax2.evaluate(density, basis, true);
    }

    @Benchmark
    public ContinuousEvaluation sparsemaxExpectation() {
        return ContinuousSparsemax2.evaluate(paraboloid, basis, false);
    }

    @Benchmark
    public ContinuousEvaluation sparsemaxWithJacobian() {
        return ContinuousSparsemax2.evaluate(paraboloid, basis, true);
    }
}
