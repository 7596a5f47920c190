package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every mapping onto the probability simplex must satisfy, whatever route computes it: non-negative outputs
 * that sum to 1, invariance to adding a constant to all scores, equivariance under permutations, exact zeros for
 * \( -\infty \) scores, and rejection (or, for batched NDArray routes, propagation) of NaN.
 *
 * <p>{@link KernelContract} adds what the double kernels must do, {@link NDArrayContract} what the differentiable
 * NDArray functions must do; each mapping's tests extend one of the two.
 */
abstract class SimplexMappingContract {

    /** Tolerance for "sums to 1" and for comparing outputs that should be equal: a few ulps of 1 per entry. */
    private static final double TOLERANCE = 1e-14;

    /** The mapping under test, applied to one score vector. */
    abstract double[] map(double[] scores);

    /**
     * A bound on \( \frac12 \sum_j |\partial p_i / \partial s_j| \) at an output \( p_i \): how far rounding the
     * scores by \( \delta \) can move \( p_i \), in units of \( 2\delta \). Softmax: \( p_i \) (its Jacobian row
     * sums to \( 2 p_i (1 - p_i) \)); \( \alpha \)-entmax: \( p_i^{2-\alpha} \) (Jacobian
     * \( \operatorname{diag}(u) - u u^\top / \sum u \), \( u = p^{2-\alpha} \)), which is 1 on and at the edge of
     * the sparsemax support.
     */
    double sensitivity(double p) {
        return p;
    }

    static double[] randomScores(SplittableRandom random, int n, double scale) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = scale * (2.0 * random.nextDouble() - 1.0);
        }
        return s;
    }

    @Test
    void outputsAreNonNegativeAndSumToOne() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(40);
            double scale = trial < 25 ? 3.0 : 300.0;
            double[] p = map(randomScores(random, n, scale));
            double sum = 0.0;
            for (double v : p) {
                assertTrue(v >= 0.0, "negative probability " + v);
                sum += v;
            }
            assertEquals(1.0, sum, n * TOLERANCE, "sum of " + n + " probabilities");
        }
    }

    @Test
    void isInvariantToAddingAConstant() {
        SplittableRandom random = new SplittableRandom(2);
        double[] s = randomScores(random, 12, 4.0);
        double[] p = map(s);
        for (double shift : new double[] {-50.0, 1e-3, 7.25, 700.0}) {
            double[] shifted = s.clone();
            for (int i = 0; i < shifted.length; i++) {
                shifted[i] += shift;
            }
            double[] q = map(shifted);
            for (int i = 0; i < p.length; i++) {
                // Adding the shift rounds each score by up to an ulp of the shifted value.
                double allowed = 4 * Math.ulp(Math.abs(shift) + 4.0) * sensitivity(p[i]) + TOLERANCE;
                assertEquals(p[i], q[i], allowed, "shift " + shift + " at [" + i + "]");
            }
        }
    }

    @Test
    void isEquivariantUnderPermutation() {
        SplittableRandom random = new SplittableRandom(3);
        double[] s = randomScores(random, 9, 5.0);
        int[] permutation = {4, 0, 8, 2, 6, 1, 7, 3, 5};
        double[] permuted = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            permuted[i] = s[permutation[i]];
        }
        double[] p = map(s);
        double[] q = map(permuted);
        for (int i = 0; i < s.length; i++) {
            assertEquals(p[permutation[i]], q[i], TOLERANCE, "position " + i);
        }
    }

    @Test
    void givesExactlyZeroToMinusInfinity() {
        double[] p = map(new double[] {0.5, Double.NEGATIVE_INFINITY, -1.0, Double.NEGATIVE_INFINITY});
        assertEquals(0.0, p[1]);
        assertEquals(0.0, p[3]);
        assertEquals(1.0, p[0] + p[2], TOLERANCE);
    }

    @Test
    abstract void rejectsNaN();
}
