package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Scores prepared for a sparse mapping along one axis: which positions take part, the scores shifted so that the
 * largest one taking part is 0, and which slices must come out as NaN.
 *
 * <p>A position <em>takes part</em> ({@link #keep()}) when its mask entry keeps it and its score is finite. A
 * \( -\infty \) score is therefore masked, and a NaN or \( +\infty \) score under a mask entry that drops it is
 * ignored. A NaN or \( +\infty \) score that the mask keeps makes its whole slice NaN ({@link #propagateNaN}): a
 * batched function cannot throw for one row, and a silent zero would hide the bad input.
 *
 * <p>The mappings built on this ({@link Sparsemax}, {@link Entmax15}, {@link Entmax}) are invariant to adding a
 * constant to a slice, so subtracting the slice's largest kept score \( m \) changes nothing but the rounding, and
 * \( m \) is a constant for autograd. Two views of the shifted scores exist:
 * <ul>
 *   <li>{@link #shifted()} \( s - m \) at kept positions and 0 elsewhere: differentiable, never infinite or NaN, so
 *       that arithmetic on it cannot produce NaN in the backward pass;</li>
 *   <li>{@link #sortable()} the same values at kept positions and \( -\infty \) elsewhere, detached from autograd:
 *       for sorting, thresholds and bisection, which only select the support.</li>
 * </ul>
 *
 * @param shifted        \( s - m \) where kept, 0 elsewhere; same shape as the scores; differentiable
 * @param sortable       \( s - m \) where kept, \( -\infty \) elsewhere; detached
 * @param keep           boolean, same shape: the positions that take part
 * @param invalidSlices  boolean, the scores' shape with size 1 along {@code axis}: slices with a kept NaN or
 *                       \( +\infty \)
 * @param axis           the normalised axis, \( 0 \le \) axis \( < \) rank
 */
record MaskedScores(NDArray shifted, NDArray sortable, NDArray keep, NDArray invalidSlices, int axis) {

    /** Every position is kept unless its score is \( -\infty \). */
    static MaskedScores of(NDArray scores, int axis) {
        int a = Softmax.normalizedAxis(scores, axis);
        return prepare(scores, scores.getManager().ones(scores.getShape(), DataType.BOOLEAN), a);
    }

    /**
     * Positions are kept where {@code mask} is true (or non-zero) and the score is finite.
     *
     * @throws IllegalArgumentException if the shapes differ ({@code "mask has shape (2, 4), scores (2, 5)"}), the
     *                                  scores are not floating point or the axis is out of range
     */
    static MaskedScores of(NDArray scores, NDArray mask, int axis) {
        int a = Softmax.normalizedAxis(scores, axis);
        if (!mask.getShape().equals(scores.getShape())) {
            throw new IllegalArgumentException(
                    "mask has shape " + mask.getShape() + ", scores " + scores.getShape());
        }
        return prepare(scores, mask.getDataType() == DataType.BOOLEAN ? mask : mask.neq(0), a);
    }

    private static MaskedScores prepare(NDArray scores, NDArray given, int axis) {
        NDManager manager = scores.getManager();
        DataType type = scores.getDataType();
        Shape shape = scores.getShape();
        NDArray detached = scores.stopGradient();
        NDArray finite = detached.isNaN().logicalOr(detached.isInfinite()).logicalNot();
        NDArray keep = given.logicalAnd(finite);
        NDArray invalid = given.logicalAnd(detached.isNaN().logicalOr(detached.eq(Double.POSITIVE_INFINITY)));
        NDArray invalidSlices = invalid.toType(type, false).sum(new int[] {axis}, true).gt(0);
        NDArray lowest = manager.full(shape, Float.NEGATIVE_INFINITY, type);
        NDArray max = NDArrays.where(keep, detached, lowest).max(new int[] {axis}, true);
        NDArray shift = NDArrays.where(max.isInfinite(), manager.zeros(max.getShape(), type), max);
        NDArray sortable = NDArrays.where(keep, detached.sub(shift), lowest);
        NDArray shifted = NDArrays.where(keep, scores.sub(shift), manager.zeros(shape, type));
        return new MaskedScores(shifted, sortable, keep, invalidSlices, axis);
    }

    /** The number of kept positions per slice, in the scores' data type, with size 1 along the axis. */
    NDArray keptCount() {
        return keep.toType(shifted.getDataType(), false).sum(new int[] {axis}, true);
    }

    /** The size-1-along-the-axis shape of per-slice quantities such as thresholds. */
    Shape sliceShape() {
        long[] dims = shifted.getShape().getShape();
        dims[axis] = 1;
        return new Shape(dims);
    }

    /** \( 1, 2, \dots, n \) along the axis (size 1 along every other axis), in the scores' data type. */
    NDArray ranks() {
        long n = shifted.getShape().get(axis);
        long[] dims = new long[shifted.getShape().dimension()];
        Arrays.fill(dims, 1L);
        dims[axis] = n;
        return shifted.getManager().arange(1.0f, n + 1.0f, 1.0f, shifted.getDataType()).reshape(new Shape(dims));
    }

    /** {@link #sortable()} sorted in decreasing order along the axis; masked positions (\( -\infty \)) come last. */
    NDArray sortedDescending() {
        return sortable.neg().sort(axis).neg();
    }

    /**
     * The support of a sort-based mapping: the kept positions whose score is at least the \( k \)-th largest, where
     * \( k \) is the support size found on the sorted scores. Ties with the \( k \)-th largest are inside, as they
     * must be (equal scores get equal probabilities). A slice with \( k = 0 \) (nothing kept) has an empty support.
     *
     * @param sorted {@link #sortedDescending()}
     * @param size   the support size \( k \) per slice, size 1 along the axis, in the scores' data type
     * @return boolean, the scores' shape; detached
     */
    NDArray topK(NDArray sorted, NDArray size) {
        NDArray atK = ranks().eq(size);
        NDArray kth = NDArrays.where(atK, sorted, sorted.zerosLike()).sum(new int[] {axis}, true);
        return keep.logicalAnd(sortable.gte(kth)).logicalAnd(size.gt(0));
    }

    /** {@code probabilities} with every entry of an {@linkplain #invalidSlices() invalid} slice replaced by NaN. */
    NDArray propagateNaN(NDArray probabilities) {
        Shape shape = probabilities.getShape();
        NDArray nan = probabilities.getManager().full(shape, Float.NaN, probabilities.getDataType());
        return NDArrays.where(invalidSlices.broadcast(shape), nan, probabilities);
    }
}
