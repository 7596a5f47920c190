package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fovea.attention.RelativeError;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxKernelTest extends SimplexMappingContract {

    @Override
    double[] map(double[] scores) {
        return Softmax.probabilities(scores);
    }

    @Override
    @Test
    void rejectsNaN() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Softmax.probabilities(new double[] {0.0, 1.0, Double.NaN, 2.0}));
        assertEquals("scores must be finite or -Infinity (masked), got NaN at [2]", e.getMessage());
    }

    @Test
    void rejectsPlusInfinityEmptyAndAllMasked() {
        var plus = assertThrows(IllegalArgumentException.class,
                () -> Softmax.probabilities(new double[] {Double.POSITIVE_INFINITY}));
        assertEquals("scores must be finite or -Infinity (masked), got Infinity at [0]", plus.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> Softmax.probabilities(new double[0]));
        assertEquals("scores must not be empty", empty.getMessage());
        var masked = assertThrows(IllegalArgumentException.class, () -> Softmax.probabilities(
                new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        assertEquals("scores are all -Infinity (all 2 positions masked): softmax is undefined", masked.getMessage());
    }

    @Test
    void knownAnswer() {
        // e^{log k} = k, so the probabilities are (1, 2, 3) / 6 exactly up to rounding.
        double[] p = Softmax.probabilities(new double[] {0.0, Math.log(2.0), Math.log(3.0)});
        assertArrayEquals(new double[] {1.0 / 6, 2.0 / 6, 3.0 / 6}, p, 4 * Math.ulp(0.5));
    }

    @Test
    void largeScoresDoNotOverflow() {
        double[] p = Softmax.probabilities(new double[] {1000.0, 1000.0, -1000.0});
        assertArrayEquals(new double[] {0.5, 0.5, 0.0}, p, 0.0);
    }

    @Test
    void jacobianVectorProductMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + random.nextInt(10);
            double[] s = randomScores(random, n, 2.0);
            double[] g = randomScores(random, n, 1.0);
            double[] analytic = Softmax.jacobianVectorProduct(Softmax.probabilities(s), g);
            double h = 1e-5;
            double[] numeric = new double[n];
            for (int i = 0; i < n; i++) {
                double[] plus = s.clone();
                double[] minus = s.clone();
                plus[i] += h;
                minus[i] -= h;
                numeric[i] = (dot(g, Softmax.probabilities(plus)) - dot(g, Softmax.probabilities(minus))) / (2 * h);
            }
            assertEquals(0.0, RelativeError.normwise(numeric, analytic), 1e-6, "trial " + trial);
        }
    }

    @Test
    void jacobianVectorProductRejectsMismatchedLengths() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Softmax.jacobianVectorProduct(new double[3], new double[4]));
        assertEquals("p has 3 entries, g has 4", e.getMessage());
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
