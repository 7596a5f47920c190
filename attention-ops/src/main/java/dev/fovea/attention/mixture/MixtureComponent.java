package dev.fovea.attention.mixture;

import dev.fovea.attention.continuous.Gaussian2;
import java.util.Objects;

/**
 * One component \( \pi_k\, \mathcal{N}(t; \mu_k, \Sigma_k) \) of a {@link GaussianMixture2}: its mixing weight and its
 * bivariate normal density.
 *
 * <p>A weight of exactly 0 marks a component that EM has emptied (its total responsibility underflowed to 0); it keeps
 * the mean and covariance it had and contributes nothing to the mixture density. Immutable and thread-safe.
 *
 * @param weight  \( \pi_k \in [0, 1] \)
 * @param density \( \mathcal{N}(\mu_k, \Sigma_k) \), validated on its own construction
 */
public record MixtureComponent(double weight, Gaussian2 density) {

    /**
     * @throws IllegalArgumentException if {@code weight} is NaN or outside \( [0, 1] \)
     *                                  ({@code "weight must be in [0, 1], got 1.5"})
     * @throws NullPointerException     if {@code density} is null
     */
    public MixtureComponent {
        if (!(weight >= 0.0 && weight <= 1.0)) {
            throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
        }
        Objects.requireNonNull(density, "density must not be null");
    }

    /** The component with weight {@code weight} and density \( \mathcal{N}(\mu, \Sigma) \); same as the constructor. */
    public static MixtureComponent of(double weight, Gaussian2 density) {
        return new MixtureComponent(weight, density);
    }

    /** \( \mu_k = (x, y) \) as a new array of length 2. */
    public double[] mean() {
        return new double[] {density.meanX(), density.meanY()};
    }

    /** \( \Sigma_k \) as a new row-major 2×2 array. */
    public double[][] covariance() {
        return density.covariance().toRows();
    }
}
