package dev.fovea.attention.continuous;

import dev.fovea.math.Finite;
import dev.fovea.math.linalg.Cholesky2;
import dev.fovea.math.linalg.NotPositiveDefiniteException;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.Objects;

/**
 * A bivariate normal density
 * \( \mathcal{N}(t; \mu, \Sigma) = \frac{1}{2\pi \sqrt{\det\Sigma}} \exp\!\big(-\tfrac12 (t-\mu)^\top \Sigma^{-1} (t-\mu)\big) \)
 * on \( t = (x, y) \in \mathbb{R}^2 \).
 *
 * <p>It is the attention density of 2-D continuous softmax (Martins et al. 2020, "Sparse and Continuous Attention
 * Mechanisms", §3: softmax with a quadratic score function \( f(t) = -\tfrac12 (t-\mu)^\top \Sigma^{-1} (t-\mu) \))
 * and also each basis function of a {@link GaussianBasis2}.
 *
 * <p>Densities are evaluated through the Cholesky factor, so the Mahalanobis term is a sum of squares and the log
 * determinant cannot overflow. Immutable and thread-safe.
 *
 * @param meanX      \( \mu_x \), finite
 * @param meanY      \( \mu_y \), finite
 * @param covariance \( \Sigma \), symmetric positive definite
 */
public record Gaussian2(double meanX, double meanY, SymmetricMatrix2 covariance) {

    /** \( \log 2\pi \). */
    static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    /**
     * @throws IllegalArgumentException     if a mean coordinate is not finite ({@code "mean must be finite, got NaN at [1]"})
     * @throws NotPositiveDefiniteException if \( \Sigma \) is not positive definite (the message starts
     *                                      {@code "covariance matrix [[...]] must be positive definite"})
     */
    public Gaussian2 {
        Finite.check("mean", new double[] {meanX, meanY});
        Objects.requireNonNull(covariance, "covariance must not be null");
        requirePositiveDefinite("covariance", covariance);
    }

    /**
     * \( \mathcal{N}(\mu, \Sigma) \) with \( \mu = \) {@code (meanX, meanY)}.
     *
     * @throws IllegalArgumentException as the constructor
     */
    public static Gaussian2 of(double meanX, double meanY, SymmetricMatrix2 covariance) {
        return new Gaussian2(meanX, meanY, covariance);
    }

    /**
     * \( \mathcal{N}(\mu, \Sigma) \) from arrays, e.g. parsed from JSON.
     *
     * @param mean       \( \mu \), length 2
     * @param covariance \( \Sigma \), 2×2 row-major, symmetric up to {@link SymmetricMatrix2#SYMMETRY_TOLERANCE}
     * @throws IllegalArgumentException if {@code mean} does not have 2 entries ({@code "mean has 3 entries, expected 2"}),
     *                                  {@code covariance} is not 2×2 and symmetric, or as the constructor
     */
    public static Gaussian2 of(double[] mean, double[][] covariance) {
        Objects.requireNonNull(mean, "mean must not be null");
        if (mean.length != 2) {
            throw new IllegalArgumentException("mean has " + mean.length + " entries, expected 2");
        }
        return new Gaussian2(mean[0], mean[1], SymmetricMatrix2.fromRows(covariance));
    }

    /** \( \log \mathcal{N}(t; \mu, \Sigma) \) at \( t = (x, y) \); NaN in, NaN out. */
    public double logDensity(double x, double y) {
        return logNormal(x - meanX, y - meanY, covariance.cholesky());
    }

    /** \( \mathcal{N}(t; \mu, \Sigma) \) at \( t = (x, y) \); NaN in, NaN out. */
    public double density(double x, double y) {
        return Math.exp(logDensity(x, y));
    }

    /**
     * \( \log \mathcal{N}(d; 0, M) = -\log 2\pi - \tfrac12 \log\det M - \tfrac12 d^\top M^{-1} d \) for
     * \( d = (dx, dy) \) and \( M = L L^\top \).
     */
    static double logNormal(double dx, double dy, Cholesky2 factor) {
        return -LOG_TWO_PI - 0.5 * factor.logDeterminant() - 0.5 * factor.inverseQuadraticForm(dx, dy);
    }

    /** Rethrows a failed positive-definiteness check with the argument's name in front. */
    static void requirePositiveDefinite(String name, SymmetricMatrix2 matrix) {
        try {
            matrix.cholesky();
        } catch (NotPositiveDefiniteException e) {
            throw new NotPositiveDefiniteException(name + " " + e.getMessage());
        }
    }
}
