package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import dev.fovea.math.Finite;

/**
 * The Tsallis \( \alpha \)-entropy of a probability vector (Tsallis 1988; normalised as in Blondel, Martins &amp;
 * Niculae 2020, "Learning with Fenchel–Young Losses", and Peters, Niculae &amp; Martins 2019):
 * \[ H_\alpha(p) = \frac{1}{\alpha(\alpha - 1)} \sum_i (p_i - p_i^\alpha) \quad (\alpha \ne 1), \qquad
 *    H_1(p) = -\sum_i p_i \log p_i \ (\text{Shannon}, \ 0 \log 0 = 0), \]
 * continuous in \( \alpha \) at 1. \( \alpha \)-entmax is \( \arg\max_{p \in \Delta} \langle s, p \rangle + H_\alpha(p) \)
 * ({@link SimplexMapping}); {@link FenchelYoungLoss} uses \( H_\alpha \) as its regulariser. Examples:
 * \( H_2(p) = \frac12 (1 - \lVert p \rVert_2^2) \) (Gini) on the simplex; every \( H_\alpha \) is 0 at a vertex
 * of the simplex and largest at the uniform distribution.
 *
 * <p>The sum is evaluated as written, so any non-negative vector is accepted (the all-zero vector, a fully masked
 * row, has entropy 0).
 *
 * <p>Stateless and thread-safe.
 */
public final class TsallisEntropy {

    private TsallisEntropy() {
    }

    /**
     * \( H_\alpha(p) \) of one vector.
     *
     * @param p     finite, non-negative entries, any length
     * @param alpha \( \alpha &gt; 0 \), finite
     * @return \( H_\alpha(p) \)
     * @throws IllegalArgumentException if {@code alpha} is not finite and positive ({@code "alpha must be finite and
     *                                  > 0, got NaN"}) or an entry is not finite ({@code "p must be finite, got NaN
     *                                  at [2]"}) or negative ({@code "p must be non-negative, got -0.1 at [0]"})
     */
    public static double of(double[] p, double alpha) {
        checkAlpha(alpha);
        Finite.check("p", p);
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i];
            if (pi < 0.0) {
                throw new IllegalArgumentException("p must be non-negative, got " + pi + " at [" + i + "]");
            }
            if (alpha == 1.0) {
                sum -= pi > 0.0 ? pi * Math.log(pi) : 0.0;
            } else {
                sum += pi - Math.pow(pi, alpha);
            }
        }
        return alpha == 1.0 ? sum : sum / (alpha * (alpha - 1.0));
    }

    /**
     * \( H_\alpha \) of every slice of {@code p} along {@code axis}, as NDArray operations (differentiable, though
     * {@link FenchelYoungLoss} only evaluates it on detached arrays). Entries are not checked: negative entries give
     * NaN for non-integer \( \alpha \).
     *
     * @param p     any shape, floating point, non-negative
     * @param alpha \( \alpha &gt; 0 \), finite
     * @param axis  the axis to sum over; negative values count from the end
     * @return the shape of {@code p} without {@code axis}
     * @throws IllegalArgumentException if {@code alpha} is not finite and positive, the data type is not floating
     *                                  point or the axis is out of range
     */
    public static NDArray apply(NDArray p, double alpha, int axis) {
        checkAlpha(alpha);
        int[] a = {Softmax.normalizedAxis(p, axis)};
        if (alpha == 1.0) {
            NDArray positive = p.gt(0);
            NDArray logarithm = NDArrays.where(positive, p, p.onesLike()).log();
            return p.mul(logarithm).sum(a).neg();
        }
        return p.sub(p.pow(alpha)).sum(a).div(alpha * (alpha - 1.0));
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0.0) || alpha == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
    }
}
