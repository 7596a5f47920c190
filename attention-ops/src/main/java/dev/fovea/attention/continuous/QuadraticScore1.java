package dev.fovea.attention.continuous;

import dev.fovea.math.Finite;

/**
 * The quadratic score \( f(t) = \theta^\top \phi(t) = \theta_1 t + \theta_2 t^2 \), \( \phi(t) = (t, t^2) \), of 1-D
 * continuous attention in canonical parameters, and its location–scale form
 * \( f(t) = -\frac{(t - \mu)^2}{2\sigma^2} + \mathrm{const} \) (Martins et al. 2020, §2.3–2.4):
 * \[ \theta_1 = \mu / \sigma^2, \quad \theta_2 = -\tfrac{1}{2\sigma^2} \qquad\Longleftrightarrow\qquad
 *    \mu = -\tfrac{\theta_1}{2\theta_2}, \quad \sigma^2 = -\tfrac{1}{2\theta_2}. \]
 * Continuous softmax maps \( f \) to \( \mathcal{N}(\mu, \sigma^2) \) ({@link Gaussian1}), continuous sparsemax to the
 * truncated parabola with the same \( \mu, \sigma^2 \) ({@link TruncatedParabola}); \( \sigma^2 \) is the variance
 * of the first but not of the second. Immutable and thread-safe.
 *
 * @param theta1 \( \theta_1 \), finite
 * @param theta2 \( \theta_2 &lt; 0 \), finite (a score that does not go to \( -\infty \) has no normalised density)
 */
public record QuadraticScore1(double theta1, double theta2) {

    /**
     * @throws IllegalArgumentException if an entry is not finite or \( \theta_2 \ge 0 \)
     */
    public QuadraticScore1 {
        Finite.check("theta1", theta1);
        if (!(theta2 < 0.0) || !Double.isFinite(theta2)) {
            throw new IllegalArgumentException("theta2 must be finite and < 0, got " + theta2);
        }
    }

    /**
     * \( \theta = (\mu/\sigma^2, -1/(2\sigma^2)) \).
     *
     * @param location \( \mu \), finite
     * @param scale    \( \sigma^2 &gt; 0 \), finite
     * @throws IllegalArgumentException if an argument is out of range or \( \theta \) overflows
     */
    public static QuadraticScore1 fromLocationScale(double location, double scale) {
        Finite.check("location", location);
        if (!(scale > 0.0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and > 0, got " + scale);
        }
        return new QuadraticScore1(location / scale, -0.5 / scale);
    }

    /** \( \mu = -\theta_1 / (2\theta_2) \), the maximiser of \( f \). */
    public double location() {
        return -0.5 * theta1 / theta2;
    }

    /** \( \sigma^2 = -1/(2\theta_2) \). */
    public double scale() {
        return -0.5 / theta2;
    }

    /** \( f(t) = \theta_1 t + \theta_2 t^2 \). */
    public double value(double t) {
        return theta1 * t + theta2 * t * t;
    }

    /** \( (\theta_1, \theta_2) \) as a new array, in the order of \( \phi(t) = (t, t^2) \). */
    public double[] toArray() {
        return new double[] {theta1, theta2};
    }
}
