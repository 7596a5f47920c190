package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The exact sort-based 1.5-entmax kernel: the kernel contract, known answers, agreement with bisection. */
class Entmax15KernelTest extends KernelContract {

    @Override
    double[] map(double[] scores) {
        return Entmax15.probabilities(scores);
    }

    @Override
    double[] jacobianVectorProduct(double[] p, double[] g) {
        return Entmax15.jacobianVectorProduct(p, g);
    }

    @Override
    String name() {
        return "entmax15";
    }

    @Override
    double sensitivity(double p) {
        return Math.sqrt(p);
    }

    @Test
    void twoScoresHaveAClosedForm() {
        // For two scores in the support, sqrt(p1) - sqrt(p2) = d = (s1 - s2) / 2 and p1 + p2 = 1, so
        // sqrt(p1) = (d + sqrt(2 - d^2)) / 2 and sqrt(p2) = (-d + sqrt(2 - d^2)) / 2 (both > 0 while d < 1).
        for (double gap : new double[] {0.0, 0.3, 1.0, 1.9}) {
            double d = gap / 2;
            double a = (d + Math.sqrt(2 - d * d)) / 2;
            double b = (-d + Math.sqrt(2 - d * d)) / 2;
            assertArrayEquals(new double[] {a * a, b * b}, Entmax15.probabilities(new double[] {gap, 0.0}), 1e-15,
                    "gap " + gap);
        }
        // From a gap of 2 on (d >= 1), the lower score leaves the support.
        assertArrayEquals(new double[] {1.0, 0.0}, Entmax15.probabilities(new double[] {2.0, 0.0}), 0.0);
        assertArrayEquals(new double[] {1.0, 0.0}, Entmax15.probabilities(new double[] {7.0, 0.0}), 0.0);
    }

    @Test
    void equalScoresShareEqually() {
        double[] p = Entmax15.probabilities(new double[] {0.25, 0.25, 0.25, 0.25, -3.0});
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25, 0.0}, p, 1e-16);
    }

    @Test
    void agreesWithBisectionToTwelveDigits() {
        SplittableRandom random = new SplittableRandom(43);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(trial < 190 ? 60 : 1024);
            double[] s = randomScores(random, n, 0.01 + 8 * random.nextDouble());
            double[] sorted = Entmax15.probabilities(s);
            double[] bisected = Entmax.probabilities(s, 1.5);
            for (int i = 0; i < n; i++) {
                assertEquals(sorted[i], bisected[i], 1e-12, "trial " + trial + " at [" + i + "]");
            }
        }
    }
}
