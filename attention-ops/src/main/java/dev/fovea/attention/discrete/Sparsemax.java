package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * Sparsemax, the Euclidean projection of the scores onto the probability simplex (Martins &amp; Astudillo 2016,
 * "From Softmax to Sparsemax", Eq. 2):
 * \( \operatorname{sparsemax}(s) = \arg\min_{p \in \Delta^{n-1}} \lVert p - s \rVert_2^2 \), i.e.
 * \( p_i = [s_i - \tau]_+ \) with the threshold \( \tau \) chosen so that \( \sum_i p_i = 1 \). Unlike softmax it
 * gives exact zeros to scores more than \( \tau \) below the top; it is \( \alpha \)-entmax at \( \alpha = 2 \).
 *
 * <p>Entry points, one per layer:
 * <ul>
 *   <li>{@link #probabilities(double[])}: the double kernel, sort-based (Martins &amp; Astudillo 2016, Alg. 1);
 *       {@link #probabilitiesByBisection(double[])} is the independent bisection route that tests compare it with;</li>
 *   <li>{@link #apply(NDArray, int)} and {@link #apply(NDArray, NDArray, int)}: differentiable {@link NDArray}
 *       functions: the support is found on detached sorted scores, then \( \tau \) and \( p \) are recomputed from
 *       the support in closed form, so DJL autograd yields the exact Jacobian;</li>
 *   <li>{@link #jacobianVectorProduct(double[], double[])}: the closed-form backward.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Sparsemax {

    private Sparsemax() {
    }

    /**
     * Sparsemax of one score vector by sorting (Martins &amp; Astudillo 2016, Alg. 1): with the unmasked scores
     * sorted as \( z_{(1)} \ge z_{(2)} \ge \dots \), the support size is
     * \( k = \max\{ j : 1 + j z_{(j)} &gt; \sum_{i \le j} z_{(i)} \} \), the threshold
     * \( \tau = (\sum_{i \le k} z_{(i)} - 1)/k \) and \( p_i = \max(s_i - \tau, 0) \). Cost \( O(n \log n) \).
     *
     * <p>The scores are first shifted so that the largest is 0 (sparsemax is shift invariant): the support lies
     * within 1 of the top, so every support score is then in \( (-1, 0] \) and large scores lose no precision in
     * \( \tau \).
     *
     * <p>\( -\infty \) scores mean "masked" and get exactly 0; the result is the sparsemax of the other scores.
     *
     * @param scores \( s \in (\mathbb{R} \cup \{-\infty\})^n \), \( n \ge 1 \), at least one finite
     * @return a new array \( p \) with \( p_i \ge 0 \) and \( \sum_i p_i = 1 \) up to rounding
     * @throws NullPointerException     if {@code scores} is null
     * @throws IllegalArgumentException if {@code scores} is empty, contains NaN or \( +\infty \)
     *                                  ({@code "scores must be finite or -Infinity (masked), got NaN at [3]"}), or
     *                                  is entirely \( -\infty \)
     */
    public static double[] probabilities(double[] scores) {
        double max = KernelArguments.maxUnmaskedScore(scores, "sparsemax");
        double[] sorted = unmaskedDescending(scores, max, 1.0);
        double sum = 0.0;
        double tau = 0.0;
        for (int k = 1; k <= sorted.length; k++) {
            sum += sorted[k - 1];
            if (1.0 + k * sorted[k - 1] <= sum) {
                break;
            }
            tau = (sum - 1.0) / k;
        }
        double[] p = new double[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.max(scores[i] - max - tau, 0.0);
        }
        return p;
    }

    /**
     * Sparsemax of one score vector by bisection on the threshold: {@link Entmax#probabilities(double[], double)}
     * at \( \alpha = 2 \). It shares no code with the sort-based {@link #probabilities(double[])}, which makes it
     * the independent route for tests (the two agree to about \( 10^{-15} \)); slower, \( O(n \cdot 60) \).
     *
     * @throws IllegalArgumentException as {@link #probabilities(double[])}, naming entmax in the all-masked message
     */
    public static double[] probabilitiesByBisection(double[] scores) {
        return Entmax.probabilities(scores, 2.0);
    }

    /**
     * The Jacobian–vector product of sparsemax at its output \( p \) (Martins &amp; Astudillo 2016, §2, "Jacobian of
     * sparsemax"): with
     * the support \( S = \{ i : p_i &gt; 0 \} \), \( J = \operatorname{diag}(\mathbb 1_S) - \mathbb 1_S \mathbb 1_S^\top / |S| \),
     * which is symmetric, so
     * \( (J^\top g)_i = g_i - \frac{1}{|S|}\sum_{j \in S} g_j \) for \( i \in S \) and 0 elsewhere.
     *
     * <p>The Jacobian exists wherever the support does not change under small perturbations (almost everywhere);
     * on the boundary this is the one-sided derivative that keeps the current support.
     *
     * @param p the sparsemax output, length \( n \ge 1 \), finite and non-negative
     * @param g the upstream gradient \( \partial \ell / \partial p \), same length, finite
     * @return a new array \( \partial \ell / \partial s \); all zeros if \( p \) has no positive entry
     * @throws IllegalArgumentException if the lengths differ ({@code "p has 3 entries, g has 4"}), either is empty,
     *                                  an entry is not finite or an entry of {@code p} is negative
     */
    public static double[] jacobianVectorProduct(double[] p, double[] g) {
        KernelArguments.checkJacobianVectorProduct(p, g);
        int size = 0;
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0.0) {
                size++;
                sum += g[i];
            }
        }
        double mean = size == 0 ? 0.0 : sum / size;
        double[] result = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            result[i] = p[i] > 0.0 ? g[i] - mean : 0.0;
        }
        return result;
    }

    /**
     * Sparsemax along one axis of a floating-point array, differentiable by DJL autograd.
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
     * Masked sparsemax along one axis: masked positions get probability exactly 0, the others the sparsemax of
     * the unmasked scores. A slice with no unmasked finite score is all zeros with zero gradient, never NaN, so
     * padding rows are harmless; masked scores may be anything, NaN and \( \pm\infty \) included.
     *
     * <p>Computed in two steps (see {@link MaskedScores}): the support size \( k \) by Alg. 1 on the detached
     * sorted scores; then, with \( S \) the \( k \) largest, \( \tau = (\sum_{i \in S} s_i - 1)/|S| \) and
     * \( p = [s - \tau]_+ \) on \( S \), 0 elsewhere, as differentiable operations. Autograd through the second
     * step is exactly {@link #jacobianVectorProduct(double[], double[])}, since \( \partial \tau / \partial s_j =
     * \mathbb 1_S(j) / |S| \).
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

    private static NDArray project(MaskedScores z) {
        int[] axis = {z.axis()};
        DataType type = z.shifted().getDataType();
        NDArray sorted = z.sortedDescending();
        NDArray ranks = z.ranks();
        NDArray inside = ranks.mul(sorted).add(1).gt(sorted.cumSum(z.axis()));
        NDArray size = inside.toType(type, false).mul(ranks).max(axis, true);
        NDArray support = z.topK(sorted, size);
        NDArray zeros = z.shifted().zerosLike();
        NDArray count = support.toType(type, false).sum(axis, true).maximum(1);
        NDArray tau = NDArrays.where(support, z.shifted(), zeros).sum(axis, true).sub(1).div(count);
        NDArray p = NDArrays.where(support, z.shifted().sub(tau).maximum(0), zeros);
        return z.propagateNaN(p);
    }

    /**
     * The unmasked scores, shifted by {@code shift} and multiplied by {@code scale} &gt; 0, in decreasing order:
     * the sorted input of the sort-based kernels.
     */
    static double[] unmaskedDescending(double[] scores, double shift, double scale) {
        double[] negated = new double[scores.length];
        int count = 0;
        for (double s : scores) {
            if (s != Double.NEGATIVE_INFINITY) {
                negated[count++] = -scale * (s - shift);
            }
        }
        double[] sorted = Arrays.copyOf(negated, count);
        Arrays.sort(sorted);
        for (int i = 0; i < count; i++) {
            sorted[i] = -sorted[i];
        }
        return sorted;
    }
}
