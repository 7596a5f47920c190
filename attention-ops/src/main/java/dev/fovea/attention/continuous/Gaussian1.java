package dev.fovea.attention.continuous;

import dev.fovea.math.Finite;

/**
 * A univariate normal density \( \mathcal{N}(t; \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma^2}}
 * \exp\!\big(-\frac{(t-\mu)^2}{2\sigma^2}\big) \) on \( t \in \mathbb{R} \).
 *
 * <p>It is the attention density of 1-D continuous softmax (Martins et al. 2020, "Sparse and Continuous Attention
 * Mechanisms", §2.3 and §3: softmax with the quadratic score \( f(t) = -\frac{(t-\mu)^2}{2\sigma^2} \)) and also each
 * basis function of a {@link GaussianBasis1}. Immutable and thread-safe.
 *
 * @param mean     \( \mu \), finite
 * @param variance \( \sigma^2 &gt; 0 \), finite
 */
public record Gaussian1(double mean, double variance) {

    /**
     * @throws IllegalArgumentException if {@code mean} is not finite ({@code "mean must be finite, got NaN"}) or
     *                                  {@code variance} is not finite and positive
     */
    public Gaussian1 {
        Finite.check("mean", mean);
        if (!(variance > 0.0) || !Double.isFinite(variance)) {
            throw new IllegalArgumentException("variance must be finite and > 0, got " + variance);
        }
    }

    /**
     * \( \mathcal{N}(\mu, \sigma^2) \); same as the constructor.
     *
     * @throws IllegalArgumentException as the constructor
     */
    public static Gaussian1 of(double mean, double variance) {
        return new Gaussian1(mean, variance);
    }

    /** \( \log \mathcal{N}(t; \mu, \sigma^2) \); NaN in, NaN out. */
    public double logDensity(double t) {
        double d = t - mean;
        return -0.5 * (Gaussian2.LOG_TWO_PI + Math.log(variance) + d * d / variance);
    }

    /** \( \mathcal{N}(t; \mu, \sigma^2) \); NaN in, NaN out. */
    public double density(double t) {
        return Math.exp(logDensity(t));
    }
}
