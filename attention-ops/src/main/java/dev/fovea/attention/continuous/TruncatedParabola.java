package dev.fovea.attention.continuous;

import dev.fovea.math.Finite;

/**
 * The truncated parabola, the density of 1-D continuous sparsemax with a quadratic score (Martins et al. 2020,
 * §2.4, "truncated parabola"):
 * \[ p(t) = \Big[-\frac{(t - \mu)^2}{2\sigma^2} - \tau\Big]_+ = \frac{a^2 - (t - \mu)^2}{2\sigma^2}
 *    \ \text{ on } [\mu - a, \mu + a], \qquad a = \big(\tfrac32 \sigma^2\big)^{1/3}, \quad \tau = -\frac{a^2}{2\sigma^2}. \]
 * The threshold follows from \( \int p = \frac{2a^3}{3\sigma^2} = 1 \); it equals the paper's
 * \( \tau = -\big(\Gamma(d/2 + 2) / \sqrt{\det(2\pi\Sigma)}\big)^{2/(d+2)} \) at \( d = 1 \).
 *
 * <p>Here \( \sigma^2 \) is the scale of the <em>score</em>, not the variance of \( p \):
 * \[ \operatorname{Var}_p[t] = \frac{a^2}{5} = \frac{(3/2)^{2/3}}{5}\, \sigma^{4/3}, \qquad\text{so}\qquad
 *    \sigma^2 = \tfrac23\, (5 v)^{3/2} \ \text{ gives variance } v \]
 * ({@link #fromVariance(double, double)}; the moment-matching head of continuous sparsemax).
 *
 * <p>Immutable and thread-safe.
 *
 * @param mean  \( \mu \), finite
 * @param scale \( \sigma^2 &gt; 0 \), finite
 */
public record TruncatedParabola(double mean, double scale) {

    /**
     * @throws IllegalArgumentException if {@code mean} is not finite or {@code scale} is not finite and positive
     */
    public TruncatedParabola {
        Finite.check("mean", mean);
        if (!(scale > 0.0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and > 0, got " + scale);
        }
    }

    /**
     * The truncated parabola with score \( -\frac{(t - \mu)^2}{2\sigma^2} \); same as the constructor.
     *
     * @throws IllegalArgumentException as the constructor
     */
    public static TruncatedParabola of(double mean, double scale) {
        return new TruncatedParabola(mean, scale);
    }

    /**
     * The truncated parabola with mean \( \mu \) and variance \( v \): \( \sigma^2 = \frac23 (5v)^{3/2} \).
     *
     * @param mean     \( \mu \), finite
     * @param variance \( v &gt; 0 \), finite
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static TruncatedParabola fromVariance(double mean, double variance) {
        if (!(variance > 0.0) || !Double.isFinite(variance)) {
            throw new IllegalArgumentException("variance must be finite and > 0, got " + variance);
        }
        return new TruncatedParabola(mean, scaleForVariance(variance));
    }

    /** \( \sigma^2 = \frac23 (5v)^{3/2} \), the scale whose truncated parabola has variance \( v \). */
    static double scaleForVariance(double variance) {
        double five = 5.0 * variance;
        return 2.0 / 3.0 * five * Math.sqrt(five);
    }

    /** \( a = (\tfrac32 \sigma^2)^{1/3} \), half the length of the support. */
    public double halfWidth() {
        return Math.cbrt(1.5 * scale);
    }

    /** \( \tau = -a^2 / (2\sigma^2) \). */
    public double threshold() {
        double a = halfWidth();
        return -a * a / (2.0 * scale);
    }

    /** \( \operatorname{Var}_p[t] = a^2/5 \). */
    public double variance() {
        double a = halfWidth();
        return a * a / 5.0;
    }

    /** \( [\mu - a, \mu + a] \). */
    public Support.Interval support() {
        double a = halfWidth();
        return new Support.Interval(mean - a, mean + a);
    }

    /** \( p(t) \), 0 outside the support; NaN in, NaN out. */
    public double density(double t) {
        double a = halfWidth();
        double d = t - mean;
        return Math.max(0.0, (a - d) * (a + d) / (2.0 * scale));
    }

    /** The canonical parameters \( \theta = (\mu/\sigma^2, -1/(2\sigma^2)) \) of the score. */
    public QuadraticScore1 score() {
        return QuadraticScore1.fromLocationScale(mean, scale);
    }
}
