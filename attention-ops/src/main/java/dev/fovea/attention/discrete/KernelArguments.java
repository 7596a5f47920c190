package dev.fovea.attention.discrete;

import dev.fovea.math.Finite;
import java.util.Objects;

/**
 * The checks at the edge of the double kernels of this package, so that every mapping rejects the same bad input
 * with the same message.
 *
 * <p>Scores are finite or \( -\infty \) (masked); NaN and \( +\infty \) are rejected with their index. Probability
 * vectors handed back to a Jacobian–vector product are finite and non-negative.
 *
 * <p>Stateless and thread-safe.
 */
final class KernelArguments {

    private KernelArguments() {
    }

    /**
     * The largest unmasked score, after checking the score vector.
     *
     * @param scores  \( s \in (\mathbb{R} \cup \{-\infty\})^n \), \( n \ge 1 \)
     * @param mapping the mapping's name for the all-masked message, e.g. {@code "softmax"}
     * @return \( \max_i s_i \), finite
     * @throws NullPointerException     if {@code scores} is null
     * @throws IllegalArgumentException if {@code scores} is empty, contains NaN or \( +\infty \)
     *                                  ({@code "scores must be finite or -Infinity (masked), got NaN at [3]"}), or
     *                                  is entirely \( -\infty \)
     *                                  ({@code "scores are all -Infinity (all 2 positions masked): sparsemax is undefined"})
     */
    static double maxUnmaskedScore(double[] scores, String mapping) {
        Objects.requireNonNull(scores, "scores must not be null");
        if (scores.length == 0) {
            throw new IllegalArgumentException("scores must not be empty");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (Double.isNaN(s) || s == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(
                        "scores must be finite or -Infinity (masked), got " + s + " at [" + i + "]");
            }
            max = Math.max(max, s);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("scores are all -Infinity (all " + scores.length
                    + " positions masked): " + mapping + " is undefined");
        }
        return max;
    }

    /**
     * Checks the arguments of a Jacobian–vector product at the output \( p \) of a mapping.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if an entry is not finite ({@code "g must be finite, got NaN at [1]"}), an
     *                                  entry of {@code p} is negative ({@code "p must be non-negative, got -0.5 at [0]"}),
     *                                  the lengths differ ({@code "p has 3 entries, g has 4"}) or both are empty
     */
    static void checkJacobianVectorProduct(double[] p, double[] g) {
        Finite.check("g", g);
        checkProbabilities(p);
        if (p.length != g.length) {
            throw new IllegalArgumentException("p has " + p.length + " entries, g has " + g.length);
        }
    }

    /**
     * Checks an output \( p \) of a mapping handed back to a backward formula.
     *
     * @throws NullPointerException     if {@code p} is null
     * @throws IllegalArgumentException if {@code p} is empty, has a non-finite entry
     *                                  ({@code "p must be finite, got NaN at [1]"}) or a negative one
     *                                  ({@code "p must be non-negative, got -0.5 at [0]"})
     */
    static void checkProbabilities(double[] p) {
        Finite.check("p", p);
        if (p.length == 0) {
            throw new IllegalArgumentException("p must not be empty");
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0.0) {
                throw new IllegalArgumentException("p must be non-negative, got " + p[i] + " at [" + i + "]");
            }
        }
    }
}
