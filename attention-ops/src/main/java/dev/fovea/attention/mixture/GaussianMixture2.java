package dev.fovea.attention.mixture;

import dev.fovea.math.LogSumExp;
import java.util.List;
import java.util.Objects;

/**
 * A mixture of \( K \) bivariate normal densities
 * \[ p(t) = \sum_{k=1}^{K} \pi_k\, \mathcal{N}(t; \mu_k, \Sigma_k), \qquad \pi_k \ge 0,\ \sum_k \pi_k = 1, \]
 * the attention density of multimodal continuous attention (Farinhas, Martins &amp; Aguiar 2021, "Multimodal
 * Continuous Visual Attention Mechanisms", §3).
 *
 * <p>Densities are evaluated in log space, \( \log p(t) = \operatorname{LSE}_k(\log \pi_k + \log \mathcal{N}(t; \mu_k,
 * \Sigma_k)) \) through {@link LogSumExp}, so a point far from every component gets a finite, very negative log
 * density instead of \( \log 0 \). Components of weight 0 contribute \( \log 0 = -\infty \) to the sum and nothing
 * to the result. Immutable and thread-safe.
 *
 * @param components \( K \ge 1 \) components whose weights sum to 1 within {@link #WEIGHT_SUM_TOLERANCE}; copied
 */
public record GaussianMixture2(List<MixtureComponent> components) {

    /** The largest accepted \( |\sum_k \pi_k - 1| \). */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    /**
     * @throws IllegalArgumentException if there is no component or the weights do not sum to 1 within
     *                                  {@link #WEIGHT_SUM_TOLERANCE} ({@code "component weights must sum to 1 within
     *                                  1.0E-9, got 0.9"})
     * @throws NullPointerException     if the list or an element is null
     */
    public GaussianMixture2 {
        components = List.copyOf(Objects.requireNonNull(components, "components must not be null"));
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a mixture needs at least one component, got none");
        }
        double sum = 0.0;
        for (MixtureComponent component : components) {
            sum += component.weight();
        }
        if (!(Math.abs(sum - 1.0) <= WEIGHT_SUM_TOLERANCE)) {
            throw new IllegalArgumentException(
                    "component weights must sum to 1 within " + WEIGHT_SUM_TOLERANCE + ", got " + sum);
        }
    }

    /** The mixture of the given components; same as the constructor. */
    public static GaussianMixture2 of(List<MixtureComponent> components) {
        return new GaussianMixture2(components);
    }

    /** \( K \), counting components of weight 0. */
    public int size() {
        return components.size();
    }

    /** Component \( k \), 0-based. */
    public MixtureComponent component(int k) {
        return components.get(k);
    }

    /** \( \log p(t) \) at \( t = (x, y) \); NaN in, NaN out. */
    public double logDensity(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        double[] terms = new double[components.size()];
        for (int k = 0; k < terms.length; k++) {
            MixtureComponent c = components.get(k);
            terms[k] = Math.log(c.weight()) + c.density().logDensity(x, y);
        }
        return LogSumExp.of(terms);
    }

    /** \( p(t) \) at \( t = (x, y) \); NaN in, NaN out. */
    public double density(double x, double y) {
        return Math.exp(logDensity(x, y));
    }

    /**
     * The weighted log-likelihood \( \ell = \sum_\ell w_\ell \log p(x_\ell) \) that weighted EM increases; points of
     * weight 0 contribute 0 (not \( 0 \cdot \log p \), which could be NaN).
     *
     * <p>With attention weights (\( \sum_\ell w_\ell = 1 \)) this is an average log-likelihood, the scale on which the
     * penalty of {@link MixtureRequest#penalty()} is read.
     *
     * @param points  \( x_\ell \), \( [L][2] \), finite
     * @param weights \( w_\ell \ge 0 \), length \( L \), positive sum
     * @throws IllegalArgumentException if the lengths differ or a value is out of range; the message names the field
     */
    public double logLikelihood(double[][] points, double[] weights) {
        WeightedPoints data = WeightedPoints.of(points, weights);
        double sum = 0.0;
        for (int l = 0; l < data.size(); l++) {
            if (data.w[l] > 0.0) {
                sum += data.w[l] * logDensity(data.x[l], data.y[l]);
            }
        }
        return sum;
    }
}
