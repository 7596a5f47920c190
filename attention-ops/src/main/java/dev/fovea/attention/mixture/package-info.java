/**
 * Multimodal continuous attention: the attention density is a mixture of 2-D Gaussians fitted by weighted EM to the
 * discrete attention weights over the cells of an image grid (Farinhas, Martins &amp; Aguiar 2021, "Multimodal
 * Continuous Visual Attention Mechanisms", arXiv 2104.03046).
 *
 * <p>Pieces, in the three layers of the project:
 * <ul>
 *   <li>values: {@link dev.fovea.attention.mixture.GaussianMixture2} and its
 *       {@link dev.fovea.attention.mixture.MixtureComponent}s;</li>
 *   <li>double kernels: {@link dev.fovea.attention.mixture.WeightedEm} (the EM iteration, batched),
 *       {@link dev.fovea.attention.mixture.MixtureInitialisation} (weighted k-means++ or given means) and
 *       {@link dev.fovea.attention.mixture.MixtureSelection} (restarts and the penalised likelihood
 *       \( C = -2 \sum_\ell w_\ell \log p(x_\ell) + \lambda K \)), driven by a validated
 *       {@link dev.fovea.attention.mixture.MixtureRequest} and answering a
 *       {@link dev.fovea.attention.mixture.GaussianMixtureFit} (the JSON op {@code attention/mixture});</li>
 *   <li>the differentiable, batched EM on NDArrays: {@link dev.fovea.attention.mixture.MixtureEm} over
 *       {@link dev.fovea.attention.mixture.MixtureParameters};</li>
 *   <li>the block {@link dev.fovea.attention.mixture.MixtureAttention}: context
 *       \( c = \sum_k \pi_k B r_k \) with the continuous softmax expectations \( r_k \) and ridge value function of
 *       {@code dev.fovea.attention.continuous}.</li>
 * </ul>
 *
 * <p>Coordinates are those of the points given; the block uses the cell centres of
 * {@link dev.fovea.attention.continuous.UnitSquareGrid}, on which the default penalty is calibrated.
 */
package dev.fovea.attention.mixture;
