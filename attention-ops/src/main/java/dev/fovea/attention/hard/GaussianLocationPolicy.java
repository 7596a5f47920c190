package dev.fovea.attention.hard;

import ai.djl.ndarray.NDArray;
import dev.fovea.math.Finite;

/**
 * The Gaussian location policy of the recurrent attention model (Mnih, Heess, Graves and Kavukcuoglu, "Recurrent
 * Models of Visual Attention", NIPS 2014, §3): the next glimpse location \( l \in \mathbb{R}^d \) is drawn from
 * \( \mathcal N(\mu, \sigma^2 I) \), \( \mu \) the location network's output, \( \sigma \) fixed.
 *
 * <p>\( \log \pi(l \mid \mu) = -\sum_{j=1}^d \left[ \tfrac{(l_j - \mu_j)^2}{2\sigma^2} + \log\sigma
 * + \tfrac12 \log 2\pi \right] \), \( \nabla_\mu \log\pi = (l - \mu)/\sigma^2 \); entropy
 * \( H = d(\log\sigma + \tfrac12\log 2\pi e) \), a constant for fixed \( \sigma \). The sampled location is detached
 * from the graph: its gradient comes from the REINFORCE surrogate ({@link Reinforce}), not the reparametrisation.
 * Coordinates are whatever the caller's location network uses (RAM: \( [-1, 1]^2 \), not clipped here). Immutable and
 * thread-safe; draws use the engine's generator.
 *
 * @param standardDeviation \( \sigma &gt; 0 \), finite
 */
public record GaussianLocationPolicy(double standardDeviation) {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    /**
     * @throws IllegalArgumentException if \( \sigma \) is not finite and positive
     *                                  ({@code "standardDeviation must be finite and > 0, got 0.0"})
     */
    public GaussianLocationPolicy {
        if (!(standardDeviation > 0.0) || !Double.isFinite(standardDeviation)) {
            throw new IllegalArgumentException("standardDeviation must be finite and > 0, got " + standardDeviation);
        }
    }

    /**
     * The double kernel: \( \log\pi(l \mid \mu) \).
     *
     * @param location \( l \), \( d \ge 1 \) finite entries
     * @param mean     \( \mu \), same length, finite
     * @throws IllegalArgumentException if the lengths differ or a value is not finite
     */
    public double logDensity(double[] location, double[] mean) {
        Finite.check("location", location);
        Finite.check("mean", mean);
        if (location.length != mean.length || location.length == 0) {
            throw new IllegalArgumentException("location has " + location.length + " entries, mean " + mean.length);
        }
        double s = 0.0;
        for (int j = 0; j < location.length; j++) {
            double z = (location[j] - mean[j]) / standardDeviation;
            s -= 0.5 * z * z + Math.log(standardDeviation) + HALF_LOG_TWO_PI;
        }
        return s;
    }

    /**
     * Draws \( l = \mu + \sigma\varepsilon \), \( \varepsilon \sim \mathcal N(0, I) \), detached from the graph.
     *
     * @param mean \( [\text{batch}, d] \), floating point
     * @return \( [\text{batch}, d] \), not requiring a gradient
     */
    public NDArray sample(NDArray mean) {
        NDArray noise = mean.getManager().randomNormal(0f, 1f, mean.getShape(), mean.getDataType());
        return mean.stopGradient().add(noise.mul(standardDeviation));
    }

    /**
     * \( \log\pi(l \mid \mu) \) summed over the last axis; differentiable in {@code mean}.
     *
     * @param location \( [\text{batch}, d] \)
     * @param mean     \( [\text{batch}, d] \)
     * @return \( [\text{batch}] \)
     * @throws IllegalArgumentException if the shapes differ
     */
    public NDArray logProbability(NDArray location, NDArray mean) {
        if (!location.getShape().equals(mean.getShape())) {
            throw new IllegalArgumentException(
                    "location has shape " + location.getShape() + ", mean " + mean.getShape());
        }
        long d = mean.getShape().get(mean.getShape().dimension() - 1);
        NDArray z = location.sub(mean).div(standardDeviation);
        return z.mul(z).sum(new int[] {-1}).mul(-0.5).sub(d * (Math.log(standardDeviation) + HALF_LOG_TWO_PI));
    }

    /** \( H = d(\log\sigma + \tfrac12 \log 2\pi e) \) for \( d \) dimensions. */
    public double entropy(int dimensions) {
        return dimensions * (Math.log(standardDeviation) + HALF_LOG_TWO_PI + 0.5);
    }
}
