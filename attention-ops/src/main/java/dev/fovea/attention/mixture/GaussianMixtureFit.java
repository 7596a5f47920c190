package dev.fovea.attention.mixture;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link MixtureSelection#fit(MixtureRequest)}: the selected mixture and the numbers it was selected by.
 *
 * @param mixture            the fitted mixture; \( K \) = {@code selectedComponents} components (some may have weight
 *                           0, see {@link WeightedEm})
 * @param logLikelihood      \( \ell = \sum_\ell w_\ell \log p(x_\ell) \) of {@code mixture}
 * @param criterion          \( C = -2\ell + \lambda K \) of {@code mixture}
 * @param selectedComponents \( K \)
 * @param candidates         every fitted (K, start) pair in the order fitted, the selected one among them
 * @param initialMixture     the starting mixture of the selected candidate: {@link WeightedEm#run} from it with the
 *                           request's iterations and floor reproduces {@code mixture} bit for bit, and
 *                           {@link MixtureEm#run} reproduces it differentiably
 */
public record GaussianMixtureFit(GaussianMixture2 mixture, double logLikelihood, double criterion,
        int selectedComponents, List<MixtureCandidate> candidates, GaussianMixture2 initialMixture) {

    /**
     * @throws NullPointerException if a reference is null
     */
    public GaussianMixtureFit {
        Objects.requireNonNull(mixture, "mixture must not be null");
        candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates must not be null"));
        Objects.requireNonNull(initialMixture, "initialMixture must not be null");
    }

    /** The components \( (\pi_k, \mu_k, \Sigma_k) \) of the selected mixture. */
    public List<MixtureComponent> components() {
        return mixture.components();
    }
}
