package dev.fovea.attention.continuous;

import dev.fovea.math.special.Erf;

/**
 * The standard normal \( \varphi \) on a segment \( [z_l, z_u] \): its mass and its end densities, the pieces of every
 * closed form of continuous sparsemax in 1-D.
 *
 * <p>Tails are written with the Mills ratio \( m(z) = \frac{1 - \Phi(z)}{\varphi(z)} = \sqrt{\pi/2}\,
 * \operatorname{erfcx}(z/\sqrt2) \) (\( z \ge 0 \)), a rational function that needs no exponential. On the right of 0
 * the mass is \( \Delta\Phi = m(z_l)\varphi(z_l) - m(z_u)\varphi(z_u) \), on the left the mirror image, across 0 one
 * minus two tails: it is never a difference of two numbers near 1, and \( \varphi(z_l), \varphi(z_u) \) are shared
 * factors of every term, so their own rounding cannot be amplified by the cancellations of
 * {@link #parabolaMoment()}.
 *
 * @param lower   \( z_l \), finite
 * @param upper   \( z_u \ge z_l \), finite
 * @param atLower \( \varphi(z_l) \)
 * @param atUpper \( \varphi(z_u) \)
 */
record NormalSegment(double lower, double upper, double atLower, double atUpper) {

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double SQRT_HALF_PI = Math.sqrt(0.5 * Math.PI);
    private static final double ONE_OVER_SQRT_TWO_PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    /** The segment \( [z_l, z_u] \), \( z_l \le z_u \). */
    static NormalSegment of(double lower, double upper) {
        return new NormalSegment(lower, upper, density(lower), density(upper));
    }

    /** \( \varphi(z) = e^{-z^2/2} / \sqrt{2\pi} \). */
    static double density(double z) {
        return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * z * z);
    }

    /** \( m(z) = \sqrt{\pi/2}\, \operatorname{erfcx}(z/\sqrt2) \), the Mills ratio, for \( z \ge 0 \). */
    private static double millsRatio(double z) {
        return SQRT_HALF_PI * Erf.erfcx(z * SQRT_HALF);
    }

    /** \( I_0 = \Phi(z_u) - \Phi(z_l) \). */
    double mass() {
        if (lower >= 0.0) {
            return millsRatio(lower) * atLower - millsRatio(upper) * atUpper;
        }
        if (upper <= 0.0) {
            return millsRatio(-upper) * atUpper - millsRatio(-lower) * atLower;
        }
        return 1.0 - millsRatio(upper) * atUpper - millsRatio(-lower) * atLower;
    }

    /** \( I_1 = \int_{z_l}^{z_u} z \varphi(z)\, dz = \varphi(z_l) - \varphi(z_u) \). */
    double firstMoment() {
        return atLower - atUpper;
    }

    /** \( I_2 = \int_{z_l}^{z_u} z^2 \varphi(z)\, dz = I_0 + z_l \varphi(z_l) - z_u \varphi(z_u) \). */
    double secondMoment() {
        return mass() + lower * atLower - upper * atUpper;
    }

    /**
     * \( \int_{z_l}^{z_u} (z - z_l)(z_u - z) \varphi(z)\, dz = z_u \varphi(z_l) - z_l \varphi(z_u) - (1 + z_l z_u) I_0
     * \ge 0 \): the parabola that vanishes at both ends, integrated against \( \varphi \) in one expression. In a tail
     * the terms are grouped by \( \varphi(z_l) \) and \( \varphi(z_u) \), e.g. for \( z_l \ge 0 \)
     * \( \varphi(z_l)\,[z_u - (1 + z_l z_u) m(z_l)] - \varphi(z_u)\,[z_l - (1 + z_l z_u) m(z_u)] \), so what cancels is
     * only the rational \( m \), accurate to a few ulps; the result is symmetric under \( z \mapsto -z \).
     */
    double parabolaMoment() {
        double product = 1.0 + lower * upper;
        double value;
        if (lower >= 0.0) {
            value = atLower * (upper - product * millsRatio(lower)) - atUpper * (lower - product * millsRatio(upper));
        } else if (upper <= 0.0) {
            value = atUpper * (-lower - product * millsRatio(-upper)) - atLower * (-upper - product * millsRatio(-lower));
        } else {
            value = upper * atLower - lower * atUpper - product * mass();
        }
        return Math.max(0.0, value);
    }
}
