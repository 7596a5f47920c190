package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;

/**
 * 1.5-entmax, \( \alpha \)-entmax at \( \alpha = 3/2 \) (Peters, Niculae &amp; Martins 2019, "Sparse
 * Sequence-to-Sequence Models"): \( p_i = [s_i/2 - \tau]_+^2 \) with \( \tau \) chosen so that \( \sum_i p_i = 1 \);
 * the maximiser of \( \langle s, p \rangle + H_{3/2}(p) \) over the simplex, \( H_\alpha \) the Tsallis entropy
 * ({@link TsallisEntropy}). Sparse like sparsemax, but the probabilities near the edge of the support decay
 * smoothly (quadratically) instead of linearly.
 *
 * <p>Entry points, one per layer:
 * <ul>
 *   <li>{@link #probabilities(double[])}: the double kernel, exact and sort-based (Peters et al. 2019, Alg. 2);
 *       {@link Entmax#probabilities(double[], double)} at \( \alpha = 1.5 \) is the independent bisection route;</li>
 *   <li>{@link #apply(NDArray, int)} and {@link #apply(NDArray, NDArray, int)}: differentiable {@link NDArray}
 *       functions: support from the detached sorted scores, then \( \tau \) and \( p \) in closed form;</li>
 *   <li>{@link #jacobianVectorProduct(double[], double[])}: the closed-form backward.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Entmax15 {

    private Entmax15() {
    }

    /**
     * 1.5-entmax of one score vector, exactly, by sorting (Peters et al. 2019, Alg. 2). With \( z = s/2 \) sorted
     * as \( z_{(1)} \ge z_{(2)} \ge \dots \), each candidate support size \( k \) gives the mean
     * \( M_k = \frac1k \sum_{i \le k} z_{(i)} \), the spread \( \sigma_k = \sum_{i \le k} (z_{(i)} - M_k)^2 \) and the
     * threshold that makes the \( k \) largest sum to 1,
     * \( \tau_k = M_k - \sqrt{\max(0, (1 - \sigma_k)/k)} \) (the smaller root of
     * \( \sum_{i \le k} (z_{(i)} - \tau)^2 = 1 \)). The support size is the largest \( k \) with
     * \( \tau_k \le z_{(k)} \), \( \tau = \tau_k \) and \( p_i = [z_i - \tau]_+^2 \). Cost \( O(n \log n) \).
     *
     * <p>The scores are shifted so that the largest is 0 first (1.5-entmax is shift invariant): support values of
     * \( z \) then lie in \( (-1, 0] \), so the running sums lose no precision to large scores.
     *
     * <p>\( -\infty \) scores mean "masked" and get exactly 0.
     *
     * @param scores \( s \in (\mathbb{R} \cup \{-\infty\})^n \), \( n \ge 1 \), at least one finite
     * @return a new array \( p \) with \( p_i \ge 0 \) and \( \sum_i p_i = 1 \) up to rounding
     * @throws NullPointerException     if {@code scores} is null
     * @throws IllegalArgumentException if {@code scores} is empty, contains NaN or \( +\infty \)
     *                                  ({@code "scores must be finite or -Infinity (masked), got NaN at [3]"}), or
     *                                  is entirely \( -\infty \)
     */
    public static double[] probabilities(double[] scores) {
        double max = KernelArguments.maxUnmaskedScore(scores, "entmax15");
        double[] sorted = Sparsemax.unmaskedDescending(scores, max, 0.5);
        double sum = 0.0;
        double sumOfSquares = 0.0;
        double tau = -1.0;
        for (int k = 1; k <= sorted.length; k++) {
            double z = sorted[k - 1];
            sum += z;
            sumOfSquares += z * z;
            double mean = sum / k;
            double spread = sumOfSquares - sum * mean;
            double candidate = mean - Math.sqrt(Math.max(0.0, (1.0 - spread) / k));
            if (candidate > z) {
                break;
            }
            tau = candidate;
        }
        double[] p = new double[scores.length];
        for (int i = 0; i < p.length; i++) {
            double x = Math.max(0.5 * (scores[i] - max) - tau, 0.0);
            p[i] = x * x;
        }
        return p;
    }

    /**
     * The Jacobian–vector product of 1.5-entmax at its output \( p \) (Peters et al. 2019, §3, the entmax
     * Jacobian at \( \alpha = 3/2 \)): with \( u_i = \sqrt{p_i} \),
     * \( J = \operatorname{diag}(u) - u u^\top / \sum_j u_j \), symmetric, so
     * \( J^\top g = u \odot (g - \frac{\langle u, g \rangle}{\sum_j u_j} \mathbf 1) \);
     * {@link Entmax#jacobianVectorProduct(double[], double[], double)} at \( \alpha = 1.5 \).
     *
     * @param p the 1.5-entmax output, length \( n \ge 1 \), finite and non-negative
     * @param g the upstream gradient \( \partial \ell / \partial p \), same length, finite
     * @return a new array \( \partial \ell / \partial s \)
     * @throws IllegalArgumentException if the lengths differ ({@code "p has 3 entries, g has 4"}), either is empty,
     *                                  an entry is not finite or an entry of {@code p} is negative
     */
    public static double[] jacobianVectorProduct(double[] p, double[] g) {
        return Entmax.jacobianVectorProduct(p, g, 1.5);
    }

    /**
     * 1.5-entmax along one axis of a floating-point array, differentiable by DJL autograd.
     *
     * <p>\( -\infty \) scores get probability 0; a slice that is entirely \( -\infty \) is all zeros (never NaN) with
     * zero gradient. A slice containing NaN or \( +\infty \) is all NaN; the other slices are unaffected.
     *
     * @param scores any shape, floating-point data type
     * @param axis   the axis to normalise over; negative values count from the end
     * @return an array of the same shape and data type whose slices along {@code axis} sum to 1 (or are all zero)
     * @throws IllegalArgumentException if the data type is not floating point or the axis is out of range
     */
    public static NDArray apply(NDArray scores, int axis) {
        return project(MaskedScores.of(scores, axis));
    }

    /**
     * Masked 1.5-entmax along one axis: masked positions get probability exactly 0, the others the 1.5-entmax of
     * the unmasked scores; a slice with no unmasked finite score is all zeros with zero gradient, never NaN.
     *
     * <p>Computed in two steps (see {@link MaskedScores}): the support size by Alg. 2 on the detached sorted
     * scores; then, with \( S \) the support and \( z = s/2 \), \( M = \operatorname{mean}_S z \),
     * \( \tau = M - \sqrt{(1 - \sum_S (z - M)^2)/|S|} \) and \( p = [z - \tau]_+^2 \) on \( S \), 0 elsewhere, as
     * differentiable operations. For a fixed support this is the exact threshold, so autograd through it is the
     * exact Jacobian ({@link #jacobianVectorProduct(double[], double[])}).
     *
     * @param scores any shape, floating-point data type
     * @param mask   same shape as {@code scores}; {@code boolean}, or numeric where non-zero means "keep"
     * @param axis   the axis to normalise over; negative values count from the end
     * @return an array of the shape and data type of {@code scores}
     * @throws IllegalArgumentException if the shapes differ ({@code "mask has shape (2, 4), scores (2, 5)"}), the
     *                                  data type of {@code scores} is not floating point or the axis is out of range
     */
    public static NDArray apply(NDArray scores, NDArray mask, int axis) {
        return project(MaskedScores.of(scores, mask, axis));
    }

    private static NDArray project(MaskedScores scores) {
        int[] axis = {scores.axis()};
        DataType type = scores.shifted().getDataType();
        NDArray sorted = scores.sortedDescending();
        NDArray ranks = scores.ranks();
        NDArray z = sorted.div(2);
        NDArray sum = z.cumSum(scores.axis());
        NDArray mean = sum.div(ranks);
        NDArray spread = z.square().cumSum(scores.axis()).sub(sum.mul(mean));
        NDArray candidates = mean.sub(spread.neg().add(1).div(ranks).maximum(0).sqrt());
        NDArray size = candidates.lte(z).toType(type, false).mul(ranks).max(axis, true);
        NDArray support = scores.topK(sorted, size);

        NDArray half = scores.shifted().div(2);
        NDArray zeros = half.zerosLike();
        NDArray count = support.toType(type, false).sum(axis, true).maximum(1);
        NDArray supportMean = NDArrays.where(support, half, zeros).sum(axis, true).div(count);
        NDArray deviation = NDArrays.where(support, half.sub(supportMean), zeros);
        NDArray root = deviation.square().sum(axis, true).neg().add(1).div(count).maximum(0).sqrt();
        NDArray tau = supportMean.sub(root);
        NDArray p = NDArrays.where(support, half.sub(tau).maximum(0).square(), zeros);
        return scores.propagateNaN(p);
    }
}
