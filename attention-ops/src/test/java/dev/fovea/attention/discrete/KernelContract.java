package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.attention.RelativeError;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every double kernel of a simplex mapping must do beyond {@link SimplexMappingContract}: reject bad scores
 * with a message that names the value and its index, and come with a Jacobian–vector product that matches central
 * differences of the kernel.
 */
abstract class KernelContract extends SimplexMappingContract {

    /** The closed-form Jacobian–vector product of the mapping under test. */
    abstract double[] jacobianVectorProduct(double[] p, double[] g);

    /** The name the kernel gives itself in the all-masked message, e.g. {@code "sparsemax"}. */
    abstract String name();

    @Override
    @Test
    void rejectsNaN() {
        var e = assertThrows(IllegalArgumentException.class, () -> map(new double[] {0.0, 1.0, Double.NaN, 2.0}));
        assertEquals("scores must be finite or -Infinity (masked), got NaN at [2]", e.getMessage());
    }

    @Test
    void rejectsPlusInfinityEmptyAndAllMasked() {
        var plus = assertThrows(IllegalArgumentException.class, () -> map(new double[] {0.0, Double.POSITIVE_INFINITY}));
        assertEquals("scores must be finite or -Infinity (masked), got Infinity at [1]", plus.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> map(new double[0]));
        assertEquals("scores must not be empty", empty.getMessage());
        var masked = assertThrows(IllegalArgumentException.class,
                () -> map(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        assertEquals("scores are all -Infinity (all 2 positions masked): " + name() + " is undefined",
                masked.getMessage());
    }

    @Test
    void aSingleScoreGetsEverything() {
        assertEquals(1.0, map(new double[] {-1234.5})[0], 1e-15);
        assertEquals(1.0, map(new double[] {Double.NEGATIVE_INFINITY, 7.0})[1], 1e-15);
    }

    /**
     * The Jacobian–vector product against central differences \( (f(s + h e_i) - f(s - h e_i)) / 2h \) of
     * \( f = \langle g, \text{map}(\cdot) \rangle \). Sparse mappings are only piecewise smooth, so points whose
     * support changes within \( \pm h \) of a coordinate are drawn again; the test insists on 20 accepted points.
     */
    @Test
    void jacobianVectorProductMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(11);
        double h = 1e-6;
        int accepted = 0;
        for (int attempt = 0; attempt < 400 && accepted < 20; attempt++) {
            int n = 2 + random.nextInt(10);
            double[] s = randomScores(random, n, 1.0 + random.nextDouble());
            double[] g = randomScores(random, n, 1.0);
            double[] p = map(s);
            double[] numeric = new double[n];
            boolean stable = true;
            for (int i = 0; i < n && stable; i++) {
                double[] plus = s.clone();
                double[] minus = s.clone();
                plus[i] += h;
                minus[i] -= h;
                double[] up = map(plus);
                double[] down = map(minus);
                stable = support(up).equals(support(p)) && support(down).equals(support(p));
                numeric[i] = (dot(g, up) - dot(g, down)) / (2 * h);
            }
            if (stable) {
                accepted++;
                double error = gradientError(numeric, jacobianVectorProduct(p, g));
                assertTrue(error <= 1e-6, "n = " + n + ", scores " + Arrays.toString(s) + ": error " + error);
            }
        }
        assertEquals(20, accepted, "points with a support that is stable under the differences");
    }

    @Test
    void jacobianVectorProductRejectsBadArguments() {
        var lengths = assertThrows(IllegalArgumentException.class,
                () -> jacobianVectorProduct(new double[3], new double[4]));
        assertEquals("p has 3 entries, g has 4", lengths.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> jacobianVectorProduct(new double[] {-0.5, 1.5}, new double[2]));
        assertEquals("p must be non-negative, got -0.5 at [0]", negative.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> jacobianVectorProduct(new double[] {0.5, 0.5}, new double[] {0.0, Double.NaN}));
        assertEquals("g must be finite, got NaN at [1]", nan.getMessage());
    }

    @Test
    void jacobianAnnihilatesConstantsAndKeepsTheSimplex() {
        // J 1 = 0 (shift invariance) and 1^T J = 0 (outputs keep summing to 1); J is symmetric, so one check is both.
        double[] p = map(randomScores(new SplittableRandom(5), 9, 1.5));
        double[] ones = new double[p.length];
        Arrays.fill(ones, 1.0);
        for (double v : jacobianVectorProduct(p, ones)) {
            assertEquals(0.0, v, 1e-15);
        }
    }

    /**
     * The norm-wise relative error of a finite-difference gradient, or its largest magnitude where the exact
     * gradient is 0 (a support of one position has \( J = 0 \); a Fenchel–Young loss at \( y = p \) has gradient 0).
     */
    static double gradientError(double[] numeric, double[] exact) {
        return Arrays.stream(exact).allMatch(v -> v == 0.0)
                ? Arrays.stream(numeric).map(Math::abs).max().orElseThrow()
                : RelativeError.normwise(numeric, exact);
    }

    static String support(double[] p) {
        StringBuilder pattern = new StringBuilder(p.length);
        for (double v : p) {
            pattern.append(v > 0.0 ? '+' : '0');
        }
        return pattern.toString();
    }

    static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
