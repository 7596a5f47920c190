package dev.fovea.attention.mixture;

/**
 * One fitted candidate of {@link MixtureSelection}: \( K \) components from start number {@code restart}, its
 * weighted log-likelihood and its criterion.
 *
 * @param components    \( K \)
 * @param restart       the 0-based start
 * @param logLikelihood \( \ell = \sum_\ell w_\ell \log p(x_\ell) \) after the last EM step
 * @param criterion     \( C = -2\ell + \lambda K \)
 */
public record MixtureCandidate(int components, int restart, double logLikelihood, double criterion) {
}
