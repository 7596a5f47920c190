/**
 * Attention over a finite set of positions: mappings from scores to the probability simplex, their Fenchel–Young
 * losses, and the blocks that use them.
 *
 * <p>The mappings are the \( \alpha \)-entmax family, \( \arg\max_{p \in \Delta} \langle s, p \rangle + H_\alpha(p) \)
 * with the Tsallis entropy {@link dev.fovea.attention.discrete.TsallisEntropy}: {@link
 * dev.fovea.attention.discrete.Softmax} (\( \alpha = 1 \)), {@link dev.fovea.attention.discrete.Sparsemax}
 * (\( \alpha = 2 \)), {@link dev.fovea.attention.discrete.Entmax15} (\( \alpha = 3/2 \)) and
 * {@link dev.fovea.attention.discrete.Entmax} (any \( \alpha &gt; 1 \)). Each comes in three layers: a double kernel
 * with the math in its javadoc and a closed-form Jacobian–vector product; a differentiable function on DJL
 * {@link ai.djl.ndarray.NDArray}s; and a block — the parameter-free {@link
 * dev.fovea.attention.discrete.DiscreteAttention}, which takes the mapping as a {@link
 * dev.fovea.attention.discrete.SimplexMapping} value, or {@link dev.fovea.attention.discrete.AdaptiveEntmax}, which
 * learns \( \alpha \). {@link dev.fovea.attention.discrete.FenchelYoungLoss} gives each mapping its loss (softmax:
 * cross-entropy) with gradient \( p - y \).
 *
 * <p>Masking convention: a score of \( -\infty \) or a false mask entry gives probability exactly 0; a slice in
 * which every position is masked is all zeros in the NDArray functions (never NaN, zero gradient) and an error in
 * the kernels, which have no batch to keep going. NaN or \( +\infty \) among the unmasked scores is an error in the
 * kernels (with its index) and makes that slice NaN in the NDArray functions.
 */
package dev.fovea.attention.discrete;
