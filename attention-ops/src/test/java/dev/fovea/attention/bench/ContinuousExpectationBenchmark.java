package dev.fovea.attention.bench;

import dev.fovea.attention.continuous.ContinuousSoftmax2;
import dev.fovea.attention.continuous.ExpectationJacobian;
import dev.fovea.attention.continuous.Gaussian2;
import dev.fovea.attention.continuous.GaussianBasis2;
import dev.fovea.math.linalg.SymmetricMatrix2;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** The closed-form expectations \( r_j = \mathcal{N}(\mu; \mu_j, \Sigma + \Sigma_j) \) for a 10×10 basis (N = 100). */
public class ContinuousExpectationBenchmark extends NanosecondBenchmark {

    private GaussianBasis2 basis;
    private Gaussian2 density;

    @Setup
    public void setUp() {
        basis = GaussianBasis2.grid(10, 0.1);
        density = Gaussian2.of(0.42, 0.61, SymmetricMatrix2.of(0.02, 0.005, 0.03));
    }

    @Benchmark
    public double[] expectation() {
        return ContinuousSoftmax2.expectation(density, basis);
    }

    @Benchmark
    public ExpectationJacobian jacobian() {
        return ContinuousSoftmax2.jacobian(density, basis);
    }
}
