package dev.fovea.attention.mixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Fits a Gaussian mixture to attention weights and selects the number of components by a penalised likelihood
 * (Farinhas, Martins &amp; Aguiar 2021, §3.2: EM for each candidate \( K \), a description-length penalty to choose).
 *
 * <p>For every candidate \( K \) (just the requested one, or \( 1, \dots, \min(K_{\max}, L_+) \)) and every start
 * \( s = 0, \dots, r - 1 \), {@link WeightedEm} runs exactly {@code iterations} steps from a weighted k-means++ start
 * ({@link MixtureInitialisation#kMeansPlusPlus}) drawn from the random stream seeded by {@code (seed, K, s)}. The
 * stream depends on nothing else, so the \( K = 2 \) candidates of {@code atMost(4)} are those of {@code exactly(2)}
 * with the same seed, and equal requests give bit-identical results. \( K = 1 \) is fitted once: one EM step already
 * gives the weighted moments whatever the start. With {@code initialMeans} there is one start,
 * {@link MixtureInitialisation#fromMeans}.
 *
 * <p>Per \( K \) the start of largest \( \ell = \sum_\ell w_\ell \log p(x_\ell) \) is kept (the first on ties); among
 * those, the \( K \) of least
 * \[ C(K) = -2 \sum_\ell w_\ell \log p(x_\ell) + \lambda K \]
 * is selected (the smallest \( K \) on ties).
 *
 * <h2>The scale of \( \lambda \)</h2>
 * The weights sum to 1, so \( \ell \) is an <em>average</em> log-likelihood per unit of attention mass, not a sum over
 * \( L \) observations. A penalty written for a total log-likelihood over \( N \) samples,
 * \( -2 \sum_{i=1}^N \log p(x_i) + \lambda_{\text{total}} K \), corresponds here to \( \lambda = \lambda_{\text{total}} / N \);
 * e.g. BIC with \( 6K - 1 \) free parameters per 2-D mixture and \( N = L = 196 \) would charge about
 * \( 6 \log(196) / 196 \approx 0.16 \) per component. The authors' code scores candidates with exactly our \( C \)
 * (\( \lambda K - 2 \sum_\ell w_\ell \log p \), attention weights summing to 1, positions in the unit square) and
 * \( \lambda = 5 \), so their 5 is our 5. That is a strong penalty: two well-separated blobs of standard deviation
 * 0.05 at (0.25, 0.25) and (0.75, 0.75) on a 14×14 grid gain only about 1.27 nats of \( \ell \) from a second
 * component (2.5 of \( C \)), so \( \lambda = 5 \) keeps them unimodal. Our default {@link MixtureRequest#DEFAULT_PENALTY} of 1
 * separates such blobs and still keeps a single Gaussian blob on a 14×14 grid at \( K = 1 \) (both checked in the
 * tests). \( \ell \) and \( C \) depend on the units of the points (a density has units of 1/area): \( \lambda \) is
 * meant for the unit square.
 *
 * <p>Stateless and thread-safe.
 */
public final class MixtureSelection {

    private MixtureSelection() {
    }

    /**
     * Fits and selects; see the class comment.
     *
     * @param request the validated request
     * @return the selected fit with all candidates
     * @throws ArithmeticException if a covariance becomes singular (only with {@code covarianceFloor} 0; the message
     *                             says which component and iteration)
     */
    public static GaussianMixtureFit fit(MixtureRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        WeightedPoints data = request.data();
        int first;
        int last;
        if (request.components() instanceof ComponentCount.Exactly exactly) {
            first = exactly.components();
            last = first;
        } else {
            first = 1;
            last = Math.min(request.components().largest(), data.positive);
        }
        List<MixtureCandidate> candidates = new ArrayList<>();
        ComponentArrays best = null;
        ComponentArrays bestStart = null;
        double bestLogLikelihood = Double.NaN;
        double bestCriterion = Double.POSITIVE_INFINITY;
        int bestComponents = 0;
        for (int k = first; k <= last; k++) {
            int starts = request.initialMeansView() != null || k == 1 ? 1 : request.restarts();
            WeightedEm.Workspace workspace = new WeightedEm.Workspace(data.size(), k);
            ComponentArrays kBest = null;
            ComponentArrays kStart = null;
            double kLogLikelihood = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < starts; s++) {
                ComponentArrays start = request.initialMeansView() != null
                        ? MixtureInitialisation.fromMeansArrays(request.initialMeansView())
                        : MixtureInitialisation.kMeansPlusPlus(data, k, request.covarianceFloor(), stream(request.seed(), k, s));
                ComponentArrays fitted = start.copy();
                workspace.iterate(data, fitted, request.iterations(), request.covarianceFloor());
                double logLikelihood = workspace.logLikelihood(data, fitted);
                candidates.add(new MixtureCandidate(k, s, logLikelihood, -2.0 * logLikelihood + request.penalty() * k));
                if (kBest == null || logLikelihood > kLogLikelihood) {
                    kBest = fitted;
                    kStart = start;
                    kLogLikelihood = logLikelihood;
                }
            }
            double criterion = -2.0 * kLogLikelihood + request.penalty() * k;
            if (best == null || criterion < bestCriterion) {
                best = kBest;
                bestStart = kStart;
                bestLogLikelihood = kLogLikelihood;
                bestCriterion = criterion;
                bestComponents = k;
            }
        }
        return new GaussianMixtureFit(best.toMixture(), bestLogLikelihood, bestCriterion, bestComponents, candidates,
                bestStart.toMixture());
    }

    /** The random stream of start {@code s} for {@code k} components: a function of the three numbers only. */
    static SplittableRandom stream(long seed, int k, int s) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L + s * 0x94D049BB133111EBL);
    }
}
