package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * \( \alpha \)-entmax for any \( \alpha &gt; 1 \) (Peters, Niculae &amp; Martins 2019, "Sparse Sequence-to-Sequence
 * Models", §3): the maximiser of \( \langle s, p \rangle + H_\alpha(p) \) over the probability simplex,
 * \( H_\alpha \) the Tsallis entropy ({@link TsallisEntropy}), which is
 * \[ p_i = [(\alpha - 1) s_i - \tau]_+^{1/(\alpha - 1)}, \qquad \tau \text{ such that } \textstyle\sum_i p_i = 1. \]
 * \( \alpha = 2 \) is {@link Sparsemax}, \( \alpha = 3/2 \) is {@link Entmax15}, and \( \alpha \to 1^+ \) tends to
 * softmax; every \( \alpha &gt; 1 \) can give exact zeros, more of them as \( \alpha \) grows.
 *
 * <p>\( \alpha = 1 \) itself is rejected, not approximated: this route would have to divide by \( \alpha - 1 = 0 \)
 * (the entmax library's bisection silently returns the uniform distribution there, its issues #23/#24). Use
 * {@link SimplexMapping#softmax()}.
 *
 * <p>Entry points, one per layer:
 * <ul>
 *   <li>{@link #probabilities(double[], double)}: the double kernel, bisection on \( \tau \);</li>
 *   <li>{@link #apply(NDArray, double, int)}, {@link #apply(NDArray, NDArray, double, int)} and
 *       {@link #apply(NDArray, NDArray, NDArray, int)}: differentiable {@link NDArray} functions, the last one also
 *       in \( \alpha \) (used by {@link AdaptiveEntmax});</li>
 *   <li>{@link #jacobianVectorProduct(double[], double[], double)} and {@link #alphaDerivative(double[], double)}:
 *       the closed-form backward in the scores and in \( \alpha \).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Entmax {

    private Entmax() {
    }

    /**
     * \( \alpha \)-entmax of one score vector by bisection on the threshold. With the scores shifted so that the
     * largest is 0 and \( x = (\alpha - 1) s \), the mass \( f(\tau) = \sum_i [x_i - \tau]_+^{1/(\alpha-1)} \)
     * decreases in \( \tau \), and \( f(-1) \ge 1 \ge f(-n^{1-\alpha}) \) (\( n \) the number of unmasked scores):
     * the interval is halved until no double lies strictly inside (about 60 steps), then
     * \( p_i = [x_i - \tau]_+^{1/(\alpha-1)} \) is divided by its sum so that it sums to 1 up to rounding (the
     * remaining error of \( \tau \), about one ulp, moves \( p \) by the same relative amount). Cost
     * \( O(60\, n) \) powers, over the scores within \( 1/(\alpha-1) \) of the top only.
     *
     * <p>\( -\infty \) scores mean "masked" and get exactly 0.
     *
     * @param scores \( s \in (\mathbb{R} \cup \{-\infty\})^n \), \( n \ge 1 \), at least one finite
     * @param alpha  \( \alpha &gt; 1 \), finite
     * @return a new array \( p \) with \( p_i \ge 0 \) and \( \sum_i p_i = 1 \) up to rounding
     * @throws NullPointerException     if {@code scores} is null
     * @throws IllegalArgumentException if {@code alpha} is not \( &gt; 1 \) ({@code "alpha must be > 1 (alpha = 1 is
     *                                  softmax: use SimplexMapping.softmax()), got 1.0"}) or infinite; if
     *                                  {@code scores} is empty, contains NaN or \( +\infty \)
     *                                  ({@code "scores must be finite or -Infinity (masked), got NaN at [3]"}), or
     *                                  is entirely \( -\infty \)
     */
    public static double[] probabilities(double[] scores, double alpha) {
        checkAlpha(alpha);
        double max = KernelArguments.maxUnmaskedScore(scores, "entmax");
        double slope = alpha - 1.0;
        double exponent = 1.0 / slope;
        double[] x = new double[scores.length];
        double[] candidates = new double[scores.length];
        int unmasked = 0;
        int count = 0;
        for (int i = 0; i < scores.length; i++) {
            x[i] = slope * (scores[i] - max);
            unmasked += scores[i] == Double.NEGATIVE_INFINITY ? 0 : 1;
            // tau >= -1, so a score at or below -1 is outside the support whatever tau turns out to be.
            if (x[i] > -1.0) {
                candidates[count++] = x[i];
            }
        }
        double lo = -1.0;
        double hi = -Math.pow(1.0 / unmasked, slope);
        for (double mid = 0.5 * (lo + hi); mid > lo && mid < hi; mid = 0.5 * (lo + hi)) {
            if (mass(candidates, count, mid, exponent) >= 1.0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double[] p = new double[scores.length];
        double total = 0.0;
        for (int i = 0; i < p.length; i++) {
            p[i] = x[i] > lo ? Math.pow(x[i] - lo, exponent) : 0.0;
            total += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= total;
        }
        return p;
    }

    private static double mass(double[] x, int count, double tau, double exponent) {
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            if (x[i] > tau) {
                sum += Math.pow(x[i] - tau, exponent);
            }
        }
        return sum;
    }

    /**
     * The Jacobian–vector product of \( \alpha \)-entmax at its output \( p \) (Peters et al. 2019, §3): with
     * \( u_i = p_i^{2-\alpha} \) on the support (\( p_i &gt; 0 \)) and \( u_i = 0 \) off it,
     * \( J = \operatorname{diag}(u) - u u^\top / \sum_j u_j \), symmetric, so
     * \( J^\top g = u \odot (g - \frac{\langle u, g \rangle}{\sum_j u_j} \mathbf 1) \).
     * At \( \alpha = 2 \), \( u = \mathbb 1_S \) (the sparsemax Jacobian); as \( \alpha \to 1 \), \( u \to p \) (the
     * softmax Jacobian).
     *
     * @param p     the \( \alpha \)-entmax output, length \( n \ge 1 \), finite and non-negative
     * @param g     the upstream gradient \( \partial \ell / \partial p \), same length, finite
     * @param alpha \( \alpha &gt; 1 \), finite
     * @return a new array \( \partial \ell / \partial s \); all zeros if \( p \) has no positive entry
     * @throws IllegalArgumentException if {@code alpha} is not \( &gt; 1 \) or infinite, the lengths differ
     *                                  ({@code "p has 3 entries, g has 4"}), either is empty, an entry is not
     *                                  finite or an entry of {@code p} is negative
     */
    public static double[] jacobianVectorProduct(double[] p, double[] g, double alpha) {
        checkAlpha(alpha);
        KernelArguments.checkJacobianVectorProduct(p, g);
        double[] u = new double[p.length];
        double total = 0.0;
        double inner = 0.0;
        for (int i = 0; i < p.length; i++) {
            u[i] = p[i] > 0.0 ? Math.pow(p[i], 2.0 - alpha) : 0.0;
            total += u[i];
            inner += u[i] * g[i];
        }
        double mean = total > 0.0 ? inner / total : 0.0;
        double[] result = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            result[i] = u[i] * (g[i] - mean);
        }
        return result;
    }

    /**
     * The derivative of \( \alpha \)-entmax in \( \alpha \) at fixed scores (Correia, Niculae &amp; Martins 2019,
     * "Adaptively Sparse Transformers", Prop. 1):
     * \[ \frac{\partial p_i}{\partial \alpha} = \frac{p_i - \tilde p_i}{(\alpha - 1)^2}
     *    - \frac{p_i \log p_i - \tilde p_i \sum_j p_j \log p_j}{\alpha - 1}, \qquad
     *    \tilde p_i = \frac{p_i^{2-\alpha}}{\sum_{j : p_j &gt; 0} p_j^{2-\alpha}}, \]
     * with \( \tilde p_i = 0 \) and \( p_i \log p_i = 0 \) off the support. It depends on the scores only through
     * \( p \) (the threshold cancels), sums to 0, and is 0 off the support. The gradient of a loss in \( \alpha \)
     * is \( \langle \partial \ell / \partial p, \partial p / \partial \alpha \rangle \).
     *
     * @param p     the \( \alpha \)-entmax output, length \( n \ge 1 \), finite and non-negative
     * @param alpha \( \alpha &gt; 1 \), finite
     * @return a new array \( \partial p / \partial \alpha \)
     * @throws IllegalArgumentException if {@code alpha} is not \( &gt; 1 \) or infinite, {@code p} is empty, has a
     *                                  non-finite or a negative entry
     */
    public static double[] alphaDerivative(double[] p, double alpha) {
        checkAlpha(alpha);
        KernelArguments.checkProbabilities(p);
        double total = 0.0;
        double entropyTerm = 0.0;
        for (double pi : p) {
            if (pi > 0.0) {
                total += Math.pow(pi, 2.0 - alpha);
                entropyTerm += pi * Math.log(pi);
            }
        }
        double slope = alpha - 1.0;
        double[] result = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0.0) {
                double tilde = Math.pow(p[i], 2.0 - alpha) / total;
                result[i] = (p[i] - tilde) / (slope * slope) - (p[i] * Math.log(p[i]) - tilde * entropyTerm) / slope;
            }
        }
        return result;
    }

    /**
     * \( \alpha \)-entmax along one axis, differentiable in the scores; \( -\infty \) scores are masked. A slice
     * that is entirely \( -\infty \) is all zeros (never NaN); a slice with NaN or \( +\infty \) is all NaN.
     *
     * @param scores any shape, floating-point data type
     * @param alpha  \( \alpha &gt; 1 \), finite
     * @param axis   the axis to normalise over; negative values count from the end
     * @return an array of the shape and data type of {@code scores}
     * @throws IllegalArgumentException if {@code alpha} is not \( &gt; 1 \) or infinite, the data type is not
     *                                  floating point or the axis is out of range
     */
    public static NDArray apply(NDArray scores, double alpha, int axis) {
        checkAlpha(alpha);
        MaskedScores masked = MaskedScores.of(scores, axis);
        return solve(masked, scores.getManager().create(alpha).toType(scores.getDataType(), false));
    }

    /**
     * Masked \( \alpha \)-entmax along one axis, differentiable in the scores: masked positions get exactly 0; a
     * slice with no unmasked finite score is all zeros with zero gradient, never NaN. See
     * {@link #apply(NDArray, NDArray, NDArray, int)} for the method.
     *
     * @param scores any shape, floating-point data type
     * @param mask   same shape as {@code scores}; {@code boolean}, or numeric where non-zero means "keep"
     * @param alpha  \( \alpha &gt; 1 \), finite
     * @param axis   the axis to normalise over; negative values count from the end
     * @return an array of the shape and data type of {@code scores}
     * @throws IllegalArgumentException if {@code alpha} is not \( &gt; 1 \) or infinite, the shapes differ, the data
     *                                  type of {@code scores} is not floating point or the axis is out of range
     */
    public static NDArray apply(NDArray scores, NDArray mask, double alpha, int axis) {
        checkAlpha(alpha);
        MaskedScores masked = MaskedScores.of(scores, mask, axis);
        return solve(masked, scores.getManager().create(alpha).toType(scores.getDataType(), false));
    }

    /**
     * Masked \( \alpha \)-entmax along one axis, differentiable in the scores <em>and</em> in \( \alpha \), which
     * may differ per slice (one \( \alpha \) per attention head, as in Correia et al. 2019).
     *
     * <p>Computed in two steps. (1) On detached values, bisection on \( \tau \) for every slice at once, as in
     * {@link #probabilities(double[], double)}, with a fixed number of halvings: the significand width of the data
     * type plus 2 (55 for float64, 26 for float32), which leaves \( \tau_0 \) within about one ulp. (2) As
     * differentiable operations: one Newton step on \( f(\tau) = \sum_S [x_i - \tau]^{1/(\alpha-1)} - 1 \) from
     * the detached \( \tau_0 \), \( x = (\alpha - 1)(s - m) \), over the support \( S \) where \( x_i &gt; \tau_0 \),
     * then \( p = [x - \tau]_+^{1/(\alpha-1)} \) renormalised to sum 1. At a root the derivative of a Newton step
     * with respect to its starting point vanishes, so cutting \( \tau_0 \) from the graph loses nothing: autograd
     * yields the implicit-function derivative of \( \tau \), i.e. the exact Jacobian
     * ({@link #jacobianVectorProduct(double[], double[], double)}) and the exact \( \partial p / \partial \alpha \)
     * ({@link #alphaDerivative(double[], double)}). Masked positions and positions off the support enter no power
     * or logarithm, so their gradients are exactly 0, never NaN.
     *
     * @param scores any shape, floating-point data type
     * @param mask   same shape as {@code scores}; {@code boolean}, or numeric where non-zero means "keep"
     * @param alpha  \( \alpha &gt; 1 \): one value (any shape of size 1), or one per slice (the rank of
     *               {@code scores}, size 1 along {@code axis}, each other axis of size 1 or that of {@code scores});
     *               the values are checked, which reads them from the device
     * @param axis   the axis to normalise over; negative values count from the end
     * @return an array of the shape and data type of {@code scores}
     * @throws IllegalArgumentException if a value of {@code alpha} is not \( &gt; 1 \) or infinite
     *                                  ({@code "alpha must be > 1 (alpha = 1 is softmax: use SimplexMapping.softmax()),
     *                                  got 0.5 at [1]"}), {@code alpha} does not fit the scores
     *                                  ({@code "alpha has shape (3, 1), scores (2, 5) with axis 1"}), the shapes of
     *                                  mask and scores differ, the data type of {@code scores} is not floating point
     *                                  or the axis is out of range
     */
    public static NDArray apply(NDArray scores, NDArray mask, NDArray alpha, int axis) {
        MaskedScores masked = MaskedScores.of(scores, mask, axis);
        checkAlpha(alpha, scores.getShape(), masked.axis());
        return solve(masked, alpha.toType(scores.getDataType(), false));
    }

    private static NDArray solve(MaskedScores scores, NDArray alpha) {
        int[] axis = {scores.axis()};
        NDManager manager = scores.shifted().getManager();
        DataType type = scores.shifted().getDataType();
        NDArray slope = alpha.sub(1);
        NDArray fixedSlope = slope.stopGradient();
        NDArray fixedExponent = fixedSlope.pow(-1);

        // (1) bisection on detached values; masked positions are -Infinity and add nothing to the mass.
        NDArray x = scores.sortable().mul(fixedSlope);
        Shape slice = scores.sliceShape();
        NDArray lo = manager.full(slice, -1.0f, type);
        NDArray hi = scores.keptCount().maximum(1).pow(fixedSlope.neg()).neg();
        for (int step = 0; step < halvings(type); step++) {
            NDArray mid = lo.add(hi).div(2);
            NDArray enough = x.sub(mid).maximum(0).pow(fixedExponent).sum(axis, true).gte(1);
            lo = NDArrays.where(enough, mid, lo);
            hi = NDArrays.where(enough, hi, mid);
        }
        NDArray start = lo.add(hi).div(2);
        NDArray support = x.gt(start);

        // (2) one differentiable Newton step from the detached start, then the probabilities.
        NDArray exponent = slope.pow(-1);
        NDArray zeros = scores.shifted().zerosLike();
        NDArray ones = scores.shifted().onesLike();
        NDArray y = scores.shifted().mul(slope);
        NDArray base = NDArrays.where(support, y.sub(start), ones);
        NDArray excess = NDArrays.where(support, base.pow(exponent), zeros).sum(axis, true).sub(1);
        NDArray rate = NDArrays.where(support, base.pow(exponent.sub(1)), zeros).sum(axis, true).mul(exponent);
        NDArray safeRate = NDArrays.where(rate.gt(0), rate, rate.onesLike());
        NDArray tau = excess.div(safeRate).add(start);
        NDArray gap = y.sub(tau);
        NDArray inside = support.logicalAnd(gap.stopGradient().gt(0));
        NDArray unnormalised = NDArrays.where(inside, NDArrays.where(inside, gap, ones).pow(exponent), zeros);
        NDArray total = unnormalised.sum(axis, true);
        NDArray p = unnormalised.div(total.add(total.eq(0).toType(type, false)));
        return scores.propagateNaN(p);
    }

    /** Halvings of an interval of width below 1 until \( \tau \) is within about one ulp: significand bits + 2. */
    private static int halvings(DataType type) {
        return switch (type) {
            case FLOAT64 -> 55;
            case FLOAT32 -> 26;
            default -> 13;
        };
    }

    /**
     * Rejects \( \alpha \le 1 \), NaN and \( +\infty \).
     *
     * @throws IllegalArgumentException {@code "alpha must be > 1 (alpha = 1 is softmax: use SimplexMapping.softmax()),
     *                                  got 1.0"} or {@code "alpha must be finite, got Infinity"}
     */
    static void checkAlpha(double alpha) {
        checkAlpha(alpha, "");
    }

    private static void checkAlpha(double alpha, String position) {
        if (!(alpha > 1.0)) {
            throw new IllegalArgumentException(
                    "alpha must be > 1 (alpha = 1 is softmax: use SimplexMapping.softmax()), got " + alpha + position);
        }
        if (alpha == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("alpha must be finite, got " + alpha + position);
        }
    }

    private static void checkAlpha(NDArray alpha, Shape scores, int axis) {
        Shape shape = alpha.getShape();
        boolean fits = alpha.size() == 1;
        if (!fits && shape.dimension() == scores.dimension() && shape.get(axis) == 1) {
            fits = true;
            for (int d = 0; d < shape.dimension(); d++) {
                fits &= shape.get(d) == 1 || shape.get(d) == scores.get(d);
            }
        }
        if (!fits) {
            throw new IllegalArgumentException(
                    "alpha has shape " + shape + ", scores " + scores + " with axis " + axis);
        }
        double[] values = alpha.toType(DataType.FLOAT64, false).toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            checkAlpha(values[i], " at [" + i + "]");
        }
    }
}
