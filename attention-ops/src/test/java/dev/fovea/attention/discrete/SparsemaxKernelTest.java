package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sort-based sparsemax kernel: the kernel contract, known answers, and agreement with bisection. */
class SparsemaxKernelTest extends KernelContract {

    @Override
    double[] map(double[] scores) {
        return Sparsemax.probabilities(scores);
    }

    @Override
    double[] jacobianVectorProduct(double[] p, double[] g) {
        return Sparsemax.jacobianVectorProduct(p, g);
    }

    @Override
    String name() {
        return "sparsemax";
    }

    @Override
    double sensitivity(double p) {
        return 1.0;
    }

    @Test
    void knownAnswers() {
        // By hand from p = [s - tau]_+ and sum p = 1: (0.5, 0) has tau = -0.25; (0.1, 0.2, 0.3) has all three in the
        // support and tau = (0.6 - 1) / 3; (3, 1, 0.5) puts everything on the top score (the gap exceeds 1).
        assertArrayEquals(new double[] {0.75, 0.25}, Sparsemax.probabilities(new double[] {0.5, 0.0}), 1e-16);
        assertArrayEquals(new double[] {0.1 + 0.4 / 3, 0.2 + 0.4 / 3, 0.3 + 0.4 / 3},
                Sparsemax.probabilities(new double[] {0.1, 0.2, 0.3}), 1e-15);
        assertArrayEquals(new double[] {1.0, 0.0, 0.0}, Sparsemax.probabilities(new double[] {3.0, 1.0, 0.5}), 0.0);
        // Scores exactly 1 apart: the lower one sits on the edge of the support and gets exactly 0.
        assertArrayEquals(new double[] {1.0, 0.0}, Sparsemax.probabilities(new double[] {2.0, 1.0}), 0.0);
    }

    @Test
    void largeScoresKeepTheirPrecision() {
        // Shifted by the maximum first, so 1e9 + 0.5 vs 1e9 loses only the rounding of the scores themselves.
        double[] p = Sparsemax.probabilities(new double[] {1e9 + 0.5, 1e9, -1e300});
        assertArrayEquals(new double[] {0.75, 0.25, 0.0}, p, 1e-7);
    }

    @Test
    void agreesWithBisectionToTwelveDigits() {
        SplittableRandom random = new SplittableRandom(41);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(trial < 190 ? 60 : 1024);
            double[] s = randomScores(random, n, 0.01 + 5 * random.nextDouble());
            if (trial % 7 == 0) {
                s[random.nextInt(n)] = Double.NEGATIVE_INFINITY;
                s[0] = 0.0;
            }
            double[] sorted = Sparsemax.probabilities(s);
            double[] bisected = Sparsemax.probabilitiesByBisection(s);
            for (int i = 0; i < n; i++) {
                assertEquals(sorted[i], bisected[i], 1e-12, "trial " + trial + " at [" + i + "]");
            }
        }
    }

    @Test
    void theJacobianIsTheSupportCentring() {
        // Support {0, 2}: J g = g - mean(g over the support) there, 0 elsewhere.
        double[] jg = Sparsemax.jacobianVectorProduct(new double[] {0.4, 0.0, 0.6}, new double[] {1.0, 5.0, 3.0});
        assertArrayEquals(new double[] {-1.0, 0.0, 1.0}, jg, 0.0);
    }
}
