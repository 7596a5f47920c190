package dev.fovea.alignment.dtw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LowerBoundsTest {

    /** Bounds and DTW add the same kind of terms in different orders: allow a few ulps of the sum. */
    private static final double SLACK = 1e-12;

    static double[] randomWalk(Random random, int n) {
        double[] s = new double[n];
        for (int i = 1; i < n; i++) {
            s[i] = s[i - 1] + random.nextGaussian();
        }
        return s;
    }

    @Test
    void envelopeEqualsTheDirectWindowMaximumAndMinimum() {
        Random random = new Random(21L);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(40);
            int r = random.nextInt(45);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextGaussian();
            }
            Envelope envelope = Envelope.of(x, r);
            double[] upper = new double[n];
            double[] lower = new double[n];
            for (int i = 0; i < n; i++) {
                upper[i] = Double.NEGATIVE_INFINITY;
                lower[i] = Double.POSITIVE_INFINITY;
                for (int k = Math.max(0, i - r); k <= Math.min(n - 1, i + r); k++) {
                    upper[i] = Math.max(upper[i], x[k]);
                    lower[i] = Math.min(lower[i], x[k]);
                }
            }
            assertArrayEquals(upper, envelope.upper(), 0.0);
            assertArrayEquals(lower, envelope.lower(), 0.0);
        }
    }

    @Test
    void boundsNeverExceedTheBandedDtwCostAndImprovedDominatesKeogh() {
        Random random = new Random(23L);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(60);
            int r = random.nextInt(n + 2);
            double[] x = random.nextBoolean() ? randomWalk(random, n) : randomWalk(random, n).clone();
            double[] y = randomWalk(random, n);
            double dtw = Dtw.distance(x, y, Window.sakoeChiba(r));
            double limit = dtw * (1 + SLACK) + 1e-300;
            Envelope ofY = Envelope.of(y, r);
            Envelope ofX = Envelope.of(x, r);
            double kim = LowerBounds.kim(x, y);
            double keoghXY = LowerBounds.keogh(x, ofY);
            double keoghYX = LowerBounds.keogh(y, ofX);
            double improved = LowerBounds.improved(x, y, ofY, r);
            String where = "trial " + trial + ", n = " + n + ", r = " + r;
            assertTrue(kim <= limit, where + ": kim " + kim + " > " + dtw);
            assertTrue(keoghXY <= limit, where + ": keogh " + keoghXY + " > " + dtw);
            assertTrue(keoghYX <= limit, where + ": keogh " + keoghYX + " > " + dtw);
            assertTrue(improved <= limit, where + ": improved " + improved + " > " + dtw);
            assertTrue(improved >= keoghXY, where);
        }
        // LB_Kim also bounds unequal lengths and windowless DTW.
        for (int trial = 0; trial < 100; trial++) {
            double[] x = randomWalk(random, 1 + random.nextInt(20));
            double[] y = randomWalk(random, 1 + random.nextInt(20));
            assertTrue(LowerBounds.kim(x, y) <= Dtw.distance(x, y) * (1 + SLACK));
        }
    }

    @Test
    void keoghOfRadiusZeroIsTheSquaredEuclideanDistanceAndTight() {
        double[] x = {1, 4, 2, 0};
        double[] y = {0, 2, 2, 3};
        double euclidean = 1 + 4 + 0 + 9;
        assertEquals(euclidean, LowerBounds.keogh(x, Envelope.of(y, 0)), 0.0);
        assertEquals(euclidean, Dtw.distance(x, y, Window.sakoeChiba(0)), 0.0);
    }

    @Test
    void rejectsMismatchedLengths() {
        assertEquals("envelopeOfY has 3 entries, the sequence 2; LB_Keogh needs equal lengths",
                assertThrows(IllegalArgumentException.class,
                        () -> LowerBounds.keogh(new double[2], Envelope.of(new double[3], 1))).getMessage());
        assertEquals("radiusCells must be >= 0, got -2",
                assertThrows(IllegalArgumentException.class, () -> Envelope.of(new double[3], -2)).getMessage());
    }
}
