package dev.fovea.attention.continuous;

import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The regulariser \( \Omega \) of a continuous attention density \( \hat p_\Omega[f] = \arg\max_p \mathbb{E}_p[f] -
 * \Omega(p) \) for a quadratic score \( f(t) = -\tfrac12 (t - \mu)^\top \Sigma^{-1} (t - \mu) \) (Martins et al. 2020,
 * §2): Shannon negentropy gives continuous softmax (a Gaussian), the Tsallis 2-negentropy (Gini) continuous sparsemax
 * (a truncated parabola in 1-D, a truncated paraboloid in 2-D).
 *
 * <p>Each constant evaluates the expectations \( r_j = \mathbb{E}_p[\psi_j] \) of a Gaussian basis, their canonical
 * Jacobian and the support through the double kernels of this package ({@link ContinuousSoftmax1},
 * {@link ContinuousSparsemax1}, {@link ContinuousSoftmax2}, {@link ContinuousSparsemax2}). Thread-safe.
 */
public enum ContinuousMapping {

    /** Continuous softmax, \( \alpha = 1 \): \( p = \mathcal{N}(\mu, \Sigma) \), support the whole space. */
    SOFTMAX("softmax") {
        @Override
        public ContinuousEvaluation evaluate(double mean, double scale, GaussianBasis1 basis, boolean withJacobian) {
            return ContinuousSoftmax1.evaluate(Gaussian1.of(mean, scale), basis, withJacobian);
        }

        @Override
        public ContinuousEvaluation evaluate(
                double meanX, double meanY, SymmetricMatrix2 scale, GaussianBasis2 basis, boolean withJacobian) {
            return ContinuousSoftmax2.evaluate(Gaussian2.of(meanX, meanY, scale), basis, withJacobian);
        }
    },

    /**
     * Continuous sparsemax, \( \alpha = 2 \): \( p = [f - \tau]_+ \), a truncated parabola (1-D) or paraboloid (2-D)
     * with compact support.
     */
    SPARSEMAX("sparsemax") {
        @Override
        public ContinuousEvaluation evaluate(double mean, double scale, GaussianBasis1 basis, boolean withJacobian) {
            return ContinuousSparsemax1.evaluate(TruncatedParabola.of(mean, scale), basis, withJacobian);
        }

        @Override
        public ContinuousEvaluation evaluate(
                double meanX, double meanY, SymmetricMatrix2 scale, GaussianBasis2 basis, boolean withJacobian) {
            return ContinuousSparsemax2.evaluate(TruncatedParaboloid.of(meanX, meanY, scale), basis, withJacobian);
        }
    };

    private final String id;

    ContinuousMapping(String id) {
        this.id = id;
    }

    /** The stable, lower-case identifier used in configuration files, JSON and URLs: {@code "softmax"}, {@code "sparsemax"}. */
    public String id() {
        return id;
    }

    /**
     * The mapping with the given {@link #id()}.
     *
     * @throws IllegalArgumentException if no mapping has that id; the message lists the valid ids
     */
    public static ContinuousMapping parse(String id) {
        for (ContinuousMapping mapping : values()) {
            if (mapping.id.equals(id)) {
                return mapping;
            }
        }
        throw new IllegalArgumentException("unknown continuous mapping '" + id + "', expected one of "
                + Arrays.stream(values()).map(ContinuousMapping::id).collect(Collectors.joining(", ")));
    }

    /**
     * 1-D: the density for the score \( -\frac{(t - \mu)^2}{2\sigma^2} \), evaluated against the basis.
     *
     * @param mean         \( \mu \), finite
     * @param scale        \( \sigma^2 &gt; 0 \) of the score (the variance for softmax)
     * @param basis        \( \psi_1, \dots, \psi_N \)
     * @param withJacobian whether to compute the \( [2][N] \) canonical Jacobian
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public abstract ContinuousEvaluation evaluate(double mean, double scale, GaussianBasis1 basis, boolean withJacobian);

    /**
     * 2-D: the density for the score \( -\tfrac12 (t - \mu)^\top \Sigma^{-1} (t - \mu) \), evaluated against the basis.
     *
     * @param meanX        \( \mu_1 \), finite
     * @param meanY        \( \mu_2 \), finite
     * @param scale        \( \Sigma \) of the score (the covariance for softmax), positive definite
     * @param basis        \( \psi_1, \dots, \psi_N \)
     * @param withJacobian whether to compute the \( [6][N] \) canonical Jacobian
     * @throws IllegalArgumentException if a parameter is out of range
     * @throws ArithmeticException      for sparsemax, if a basis function is too narrow for the angular rule
     */
    public abstract ContinuousEvaluation evaluate(
            double meanX, double meanY, SymmetricMatrix2 scale, GaussianBasis2 basis, boolean withJacobian);
}
