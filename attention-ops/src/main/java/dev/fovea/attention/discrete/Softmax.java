package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The softmax mapping onto the probability simplex,
 * \( \operatorname{softmax}(s)_i = e^{s_i} / \sum_k e^{s_k} \).
 *
 * <p>Three entry points, one per layer:
 * <ul>
 *   <li>{@link #probabilities(double[])}: the double kernel, with \( -\infty \) meaning "masked";</li>
 *   <li>{@link #apply(NDArray, int)} and {@link #apply(NDArray, NDArray, int)}: differentiable {@link NDArray}
 *       functions (DJL autograd differentiates them; no custom backward is involved);</li>
 *   <li>{@link #jacobianVectorProduct(double[], double[])}: the closed-form backward
 *       \( J^\top g = p \odot (g - \langle g, p\rangle \mathbf 1) \) (the Jacobian
 *       \( J = \operatorname{diag}(p) - p p^\top \) is symmetric), used to check autograd and where no autograd runs.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Softmax {

    private Softmax() {
    }

    /**
     * Softmax of one score vector, computed as \( p_i = e^{s_i - m} / \sum_k e^{s_k - m} \) with \( m = \max_k s_k \),
     * so no exponent is positive and nothing overflows.
     *
     * <p>\( -\infty \) scores are allowed and mean "masked": they get probability exactly 0. The result is then
     * the softmax of the remaining scores.
     *
     * @param scores the scores \( s \in (\mathbb{R} \cup \{-\infty\})^n \), \( n \ge 1 \), at least one finite
     * @return a new array \( p \) with \( p_i \ge 0 \) and \( \sum_i p_i = 1 \) up to rounding
     * @throws NullPointerException     if {@code scores} is null
     * @throws IllegalArgumentException if {@code scores} is empty, contains NaN or \( +\infty \)
     *                                  ({@code "scores must be finite or -Infinity (masked), got NaN at [3]"}), or
     *                                  is entirely \( -\infty \) (every position masked: no distribution exists)
     */
    public static double[] probabilities(double[] scores) {
        double max = KernelArguments.maxUnmaskedScore(scores, "softmax");
        double[] p = new double[scores.length];
        double total = 0.0;
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i] - max);
            total += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= total;
        }
        return p;
    }

    /**
     * The vector-Jacobian product of softmax at its output \( p \):
     * \( J^\top g = p \odot (g - \langle g, p \rangle \mathbf 1) \), where \( J = \operatorname{diag}(p) - p p^\top \).
     *
     * @param p the softmax output, length \( n \ge 1 \), finite
     * @param g the upstream gradient \( \partial \ell / \partial p \), same length, finite
     * @return a new array \( \partial \ell / \partial s \)
     * @throws IllegalArgumentException if the lengths differ ({@code "p has 3 entries, g has 4"}), either is empty,
     *                                  an entry is not finite or an entry of {@code p} is negative
     */
    public static double[] jacobianVectorProduct(double[] p, double[] g) {
        KernelArguments.checkJacobianVectorProduct(p, g);
        double inner = 0.0;
        for (int i = 0; i < p.length; i++) {
            inner += g[i] * p[i];
        }
        double[] result = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            result[i] = p[i] * (g[i] - inner);
        }
        return result;
    }

    /**
     * Softmax along one axis of a floating-point array, differentiable by DJL autograd.
     *
     * <p>\( -\infty \) scores get probability 0; a slice that is entirely \( -\infty \) gives NaN (as in PyTorch).
     * Use {@link #apply(NDArray, NDArray, int)} when slices may be fully masked.
     *
     * @param scores any shape, floating-point data type
     * @param axis   the axis to normalise over; negative values count from the end
     * @return an array of the same shape and data type whose slices along {@code axis} sum to 1
     * @throws IllegalArgumentException if the data type is not floating point or the axis is out of range
     */
    public static NDArray apply(NDArray scores, int axis) {
        return scores.softmax(normalizedAxis(scores, axis));
    }

    /**
     * Masked softmax along one axis: masked positions get probability exactly 0, the others the softmax of the
     * unmasked scores. A slice with no unmasked position (or only \( -\infty \) unmasked scores) is defined as
     * <em>all zeros</em>, never NaN, and its gradient is 0 — padding rows in a batch are harmless.
     *
     * <p>Computed as \( w_i = m_i\, e^{s_i - c} \), \( p = w / (\sum_k w_k + [\sum_k w_k = 0]) \) with
     * \( c \) the largest unmasked score (0 where there is none). \( c \) is a constant for autograd, which is exact
     * because softmax is shift invariant; masked scores never enter an arithmetic operation, so a \( -\infty \) or
     * huge masked score cannot turn into NaN in the forward or the backward pass.
     *
     * @param scores any shape, floating-point data type
     * @param mask   same shape as {@code scores}; {@code boolean}, or numeric where non-zero means "keep"
     * @param axis   the axis to normalise over; negative values count from the end
     * @return an array of the shape and data type of {@code scores}
     * @throws IllegalArgumentException if the shapes differ ({@code "mask has shape (2, 4), scores (2, 5)"}), the
     *                                  data type of {@code scores} is not floating point or the axis is out of range
     */
    public static NDArray apply(NDArray scores, NDArray mask, int axis) {
        int a = normalizedAxis(scores, axis);
        if (!mask.getShape().equals(scores.getShape())) {
            throw new IllegalArgumentException(
                    "mask has shape " + mask.getShape() + ", scores " + scores.getShape());
        }
        NDManager manager = scores.getManager();
        DataType type = scores.getDataType();
        NDArray keep = mask.getDataType() == DataType.BOOLEAN ? mask : mask.neq(0);
        NDArray lowest = manager.full(scores.getShape(), Float.NEGATIVE_INFINITY, type);
        NDArray max = NDArrays.where(keep, scores, lowest).max(new int[] {a}, true).stopGradient();
        NDArray shift = NDArrays.where(max.isInfinite(), manager.zeros(max.getShape(), type), max);
        NDArray shifted = NDArrays.where(keep, scores.sub(shift), manager.zeros(scores.getShape(), type));
        NDArray weights = shifted.exp().mul(keep.toType(type, false));
        NDArray total = weights.sum(new int[] {a}, true);
        NDArray empty = total.eq(0).toType(type, false);
        return weights.div(total.add(empty));
    }

    /** The axis as a non-negative index, after checking the data type and range. */
    static int normalizedAxis(NDArray scores, int axis) {
        if (!scores.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "scores must have a floating-point data type, got " + scores.getDataType());
        }
        int rank = scores.getShape().dimension();
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(
                    "axis " + axis + " is out of range for scores of shape " + scores.getShape());
        }
        return a;
    }
}
