/**
 * Attention over a finite set of positions: mappings from scores to the probability simplex and the blocks that use
 * them.
 *
 * <p>Each mapping comes in three layers: a double kernel with the math in its javadoc ({@link
 * dev.fovea.attention.discrete.Softmax#probabilities(double[])}), a differentiable function on DJL
 * {@link ai.djl.ndarray.NDArray}s ({@link dev.fovea.attention.discrete.Softmax#apply(ai.djl.ndarray.NDArray, int)}),
 * and a parameter-free block ({@link dev.fovea.attention.discrete.DiscreteAttention}) that takes the mapping as a
 * {@link dev.fovea.attention.discrete.SimplexMapping} value.
 *
 * <p>Masking convention: a score of \( -\infty \) or a false mask entry gives probability exactly 0; a slice in
 * which every position is masked is all zeros in the masked NDArray functions (never NaN) and an error in the
 * kernels, which have no batch to keep going.
 */
package dev.fovea.attention.discrete;
