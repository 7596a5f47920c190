package dev.fovea.attention.continuous;

import dev.fovea.math.Finite;
import dev.fovea.math.linalg.NotPositiveDefiniteException;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.Objects;

/**
 * The quadratic score \( f(t) = \theta^\top \phi(t) = \theta_1^\top t + t^\top \theta_2\, t \) of 2-D continuous
 * attention in canonical parameters, \( \phi(t) = (t_1, t_2, t_1^2, t_1 t_2, t_2 t_1, t_2^2) \), and its
 * location–scale form \( f(t) = -\tfrac12 (t - \mu)^\top \Sigma^{-1} (t - \mu) + \mathrm{const} \)
 * (Martins et al. 2020, §2.4 and §3.1):
 * \[ \theta_1 = \Sigma^{-1}\mu, \quad \theta_2 = -\tfrac12 \Sigma^{-1} \qquad\Longleftrightarrow\qquad
 *    \Sigma = \big(-(\theta_2 + \theta_2^\top)\big)^{-1}, \quad \mu = \Sigma\, \theta_1. \]
 *
 * <p>\( \theta_2 \) is a full 2×2 matrix whose four entries \( \theta_{2,ab} \) are independent coordinates of
 * \( \theta \) (row-major, the order of \( \phi \)): the score depends only on its symmetric part, so moving
 * \( \theta_{2,12} \) alone by \( h \) changes \( \Sigma^{-1} \) off the diagonal by \( -h \), and
 * \( \partial f / \partial \theta_{2,ab} = t_a t_b \) for each entry. This is the parametrisation of every canonical
 * Jacobian in this package; {@link #toArray()} gives \( \theta \) in that order.
 *
 * <p>Continuous softmax maps \( f \) to \( \mathcal{N}(\mu, \Sigma) \) ({@link Gaussian2}), continuous sparsemax to
 * the truncated paraboloid with the same \( \mu, \Sigma \) ({@link TruncatedParaboloid}). Immutable and thread-safe.
 *
 * @param theta1x  \( \theta_{1,1} \)
 * @param theta1y  \( \theta_{1,2} \)
 * @param theta2xx \( \theta_{2,11} \)
 * @param theta2xy \( \theta_{2,12} \)
 * @param theta2yx \( \theta_{2,21} \)
 * @param theta2yy \( \theta_{2,22} \)
 */
public record QuadraticScore2(
        double theta1x, double theta1y, double theta2xx, double theta2xy, double theta2yx, double theta2yy) {

    /**
     * @throws IllegalArgumentException     if an entry is not finite ({@code "theta must be finite, got NaN at [3]"})
     * @throws NotPositiveDefiniteException if \( -(\theta_2 + \theta_2^\top) \) is not positive definite (the score
     *                                      does not go to \( -\infty \) in every direction)
     */
    public QuadraticScore2 {
        Finite.check("theta", new double[] {theta1x, theta1y, theta2xx, theta2xy, theta2yx, theta2yy});
        Gaussian2.requirePositiveDefinite("-(theta2 + theta2ᵀ)", precisionOf(theta2xx, theta2xy, theta2yx, theta2yy));
    }

    /**
     * The score with \( \theta_1 \) and \( \theta_2 \) given as arrays, e.g. parsed from JSON.
     *
     * @param theta1 length 2
     * @param theta2 2×2 row-major, not necessarily symmetric
     * @throws IllegalArgumentException if a shape is wrong or as the constructor
     */
    public static QuadraticScore2 of(double[] theta1, double[][] theta2) {
        Objects.requireNonNull(theta1, "theta1 must not be null");
        Objects.requireNonNull(theta2, "theta2 must not be null");
        if (theta1.length != 2) {
            throw new IllegalArgumentException("theta1 has " + theta1.length + " entries, expected 2");
        }
        if (theta2.length != 2 || theta2[0].length != 2 || theta2[1].length != 2) {
            throw new IllegalArgumentException("theta2 must be 2×2");
        }
        return new QuadraticScore2(theta1[0], theta1[1], theta2[0][0], theta2[0][1], theta2[1][0], theta2[1][1]);
    }

    /**
     * \( \theta_1 = \Sigma^{-1}\mu \), \( \theta_2 = -\tfrac12 \Sigma^{-1} \) (symmetric).
     *
     * @param meanX \( \mu_1 \), finite
     * @param meanY \( \mu_2 \), finite
     * @param scale \( \Sigma \), positive definite
     * @throws NotPositiveDefiniteException if \( \Sigma \) is not positive definite
     */
    public static QuadraticScore2 fromLocationScale(double meanX, double meanY, SymmetricMatrix2 scale) {
        Finite.check("mean", new double[] {meanX, meanY});
        Gaussian2.requirePositiveDefinite("scale", scale);
        SymmetricMatrix2 precision = scale.inverse();
        double[] theta1 = precision.times(meanX, meanY);
        return new QuadraticScore2(theta1[0], theta1[1], -0.5 * precision.xx(), -0.5 * precision.xy(),
                -0.5 * precision.xy(), -0.5 * precision.yy());
    }

    private static SymmetricMatrix2 precisionOf(double xx, double xy, double yx, double yy) {
        return SymmetricMatrix2.of(-2.0 * xx, -(xy + yx), -2.0 * yy);
    }

    /** \( \Sigma = (-(\theta_2 + \theta_2^\top))^{-1} \). */
    public SymmetricMatrix2 scale() {
        return precisionOf(theta2xx, theta2xy, theta2yx, theta2yy).inverse();
    }

    /** \( \mu = \Sigma \theta_1 \), the maximiser of \( f \), as a new array. */
    public double[] location() {
        return scale().times(theta1x, theta1y);
    }

    /** \( f(t) = \theta_1^\top t + t^\top \theta_2 t \). */
    public double value(double x, double y) {
        return theta1x * x + theta1y * y + theta2xx * x * x + (theta2xy + theta2yx) * x * y + theta2yy * y * y;
    }

    /** \( \theta \) as a new array in the order of \( \phi \): \( (\theta_{1,1}, \theta_{1,2}, \theta_{2,11}, \theta_{2,12}, \theta_{2,21}, \theta_{2,22}) \). */
    public double[] toArray() {
        return new double[] {theta1x, theta1y, theta2xx, theta2xy, theta2yx, theta2yy};
    }
}
