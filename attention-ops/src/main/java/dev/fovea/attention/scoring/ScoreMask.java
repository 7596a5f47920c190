package dev.fovea.attention.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * Padding masks for scores: a padded position \( l \) gets the score \( -\infty \),
 * \[ s'_l = \begin{cases} s_l & \text{if } m_l \\ -\infty & \text{otherwise,} \end{cases} \]
 * so that every mapping onto the simplex gives it probability exactly 0.
 *
 * <p>A batch of sequences of lengths \( n_b \le L \) padded to \( L \) positions has the mask
 * \( m_{bl} = [\, l < n_b \,] \) ({@link #ofLengths(NDArray, long)}). Masks are \( [B, L] \), one per batch row; for
 * several queries per row (scores \( [B, T, L] \)) the same mask holds for every query ({@link #broadcast}).
 *
 * <p><b>The contract with the mapping downstream.</b> The mask is selected in, never multiplied in: \( s'_l \) is
 * {@code where(m, s, -inf)}, so a padded position never takes part in arithmetic, whatever its score was (NaN,
 * \( \pm\infty \), a huge finite value); computing \( s \cdot m + (1 - m)(-\infty) \) instead would give
 * \( 0 \cdot (-\infty) = \) NaN. Its gradient is exactly 0 at padded positions and passes unchanged elsewhere. A row
 * whose positions are all padded has all scores \( -\infty \): pass the same mask, broadcast to the scores' shape, to
 * the masked mapping ({@code SimplexMapping.apply(scores, mask, axis)}, e.g.
 * {@link dev.fovea.attention.discrete.Softmax#apply(NDArray, NDArray, int)}), which defines such a row as all zeros
 * with zero gradient; the unmasked {@code apply(scores, axis)} gives NaN there, as PyTorch's softmax does. One caveat
 * the mask cannot remove: padded <em>keys</em> must be finite (zeros are customary), because the score function runs
 * on them before masking, and in the backward pass \( 0 \cdot \text{NaN} = \text{NaN} \) would carry a NaN from a
 * padded key into the gradients of the parameters.
 *
 * <p>Stateless and thread-safe.
 */
public final class ScoreMask {

    private ScoreMask() {
    }

    /**
     * The double kernel: \( s'_l = s_l \) where {@code keep[l]}, \( -\infty \) elsewhere.
     *
     * @param scores any values; kept ones are copied unchanged (NaN included), padded ones are replaced
     * @param keep   {@code true} for a real position, {@code false} for padding; same length as {@code scores}
     * @return a new array
     * @throws IllegalArgumentException if the lengths differ ({@code "keep has 3 entries, scores 4"})
     */
    public static double[] apply(double[] scores, boolean[] keep) {
        Objects.requireNonNull(scores, "scores must not be null");
        Objects.requireNonNull(keep, "keep must not be null");
        if (keep.length != scores.length) {
            throw new IllegalArgumentException("keep has " + keep.length + " entries, scores " + scores.length);
        }
        double[] masked = new double[scores.length];
        for (int l = 0; l < scores.length; l++) {
            masked[l] = keep[l] ? scores[l] : Double.NEGATIVE_INFINITY;
        }
        return masked;
    }

    /**
     * The kernel mask of a sequence of {@code length} real positions padded to {@code positions}:
     * \( m_l = [\, l < n \,] \).
     *
     * @throws IllegalArgumentException unless \( 0 \le \) {@code length} \( \le \) {@code positions}
     *                                  ({@code "length must be in [0, 4], got 5"})
     */
    public static boolean[] ofLength(int length, int positions) {
        if (length < 0 || length > positions) {
            throw new IllegalArgumentException("length must be in [0, " + positions + "], got " + length);
        }
        boolean[] keep = new boolean[positions];
        for (int l = 0; l < length; l++) {
            keep[l] = true;
        }
        return keep;
    }

    /**
     * The mask \( m_{bl} = [\, l < n_b \,] \) of sequences of lengths \( n_b \) padded to {@code positions}.
     *
     * <p>Reads the lengths to the host once to check them; not differentiable (nothing to differentiate).
     *
     * @param lengths   \( [B] \), an integer data type, each \( 0 \le n_b \le L \) (0 = a fully padded row)
     * @param positions \( L \)
     * @return boolean \( [B, L] \) on the device of {@code lengths}
     * @throws IllegalArgumentException if {@code lengths} is not a vector of integers or a length is out of range
     *                                  ({@code "lengths must be in [0, 4], got 5 at [1]"})
     */
    public static NDArray ofLengths(NDArray lengths, long positions) {
        Shape shape = lengths.getShape();
        if (shape.dimension() != 1) {
            throw new IllegalArgumentException("lengths must have shape (B), got " + shape);
        }
        if (!lengths.getDataType().isInteger()) {
            throw new IllegalArgumentException(
                    "lengths must have an integer data type, got " + lengths.getDataType());
        }
        if (positions < 0 || positions > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("positions must be in [0, " + Integer.MAX_VALUE + "], got " + positions);
        }
        NDArray asLong = lengths.toType(DataType.INT64, false);
        long[] values = asLong.toLongArray();
        for (int b = 0; b < values.length; b++) {
            if (values[b] < 0 || values[b] > positions) {
                throw new IllegalArgumentException(
                        "lengths must be in [0, " + positions + "], got " + values[b] + " at [" + b + "]");
            }
        }
        NDArray index = lengths.getManager().arange(0, (int) positions, 1, DataType.INT64).reshape(1, positions);
        return index.lt(asLong.reshape(values.length, 1));
    }

    /**
     * A \( [B, L] \) mask repeated for every query: the mask in the shape of the scores, as the masked mapping needs
     * it.
     *
     * @param keep   \( [B, L] \) or already the shape of the scores; boolean, or numeric where non-zero means "keep"
     * @param scores the shape of the scores, \( [B, L] \) or \( [B, T, L] \)
     * @return boolean, of shape {@code scores}
     * @throws IllegalArgumentException if the shapes do not fit
     *                                  ({@code "mask must have shape (B, L) = (2, 5), got (2, 4)"})
     */
    public static NDArray broadcast(NDArray keep, Shape scores) {
        Shape mask = keep.getShape();
        int rank = scores.dimension();
        if (rank != 2 && rank != 3) {
            throw new IllegalArgumentException("scores must have shape (B, L) or (B, T, L), got " + scores);
        }
        Shape rows = new Shape(scores.get(0), scores.get(rank - 1));
        if (!mask.equals(rows) && !mask.equals(scores)) {
            throw new IllegalArgumentException("mask must have shape (B, L) = " + rows
                    + (rank == 3 ? " or (B, T, L) = " + scores : "") + ", got " + mask);
        }
        NDArray bool = keep.getDataType() == DataType.BOOLEAN ? keep : keep.neq(0);
        return mask.equals(scores) ? bool : bool.expandDims(1).broadcast(scores);
    }

    /**
     * The masked scores \( s'_l \) of the class comment, differentiable with respect to {@code scores}.
     *
     * @param scores \( [B, L] \) or \( [B, T, L] \), floating point
     * @param keep   \( [B, L] \) or the shape of {@code scores}; boolean, or numeric where non-zero means "keep"
     * @return the shape and data type of {@code scores}; \( -\infty \) exactly at padded positions
     * @throws IllegalArgumentException if the shapes do not fit or {@code scores} is not floating point
     */
    public static NDArray apply(NDArray scores, NDArray keep) {
        if (!scores.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "scores must have a floating-point data type, got " + scores.getDataType());
        }
        NDArray mask = broadcast(keep, scores.getShape());
        NDArray padded = scores.getManager().full(scores.getShape(), Float.NEGATIVE_INFINITY, scores.getDataType());
        return NDArrays.where(mask, scores, padded);
    }
}
