package dev.fovea.alignment.dtw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SIMD anti-diagonal kernel against two independent routes: the general aligner ({@link Dtw#align}, row by row
 * over the whole matrix with the window tested per cell) and the scalar four-row kernel. Every cell is computed from
 * the same operands in all three and the minimum is exact, so equality is demanded bitwise, not to a tolerance.
 *
 * <p>Runs only in the surefire execution that adds {@code jdk.incubator.vector} (see the module's pom).
 */
class AntiDiagonalSweepTest {

    private static final DistanceKernel SIMD = DistanceKernel.ANTI_DIAGONAL_SIMD;

    private static double aligned(double[] x, double[] y, int radiusCells, LocalCost cost) {
        return Dtw.align(x, y, DtwOptions.defaults().withLocalCost(cost).withWindow(Window.sakoeChiba(radiusCells)))
                .cost();
    }

    @Test
    void everyBandRadiusOnEveryShapeUpToTwentyEqualsTheGeneralAligner() {
        // All n, m ≤ 20 (so n or m = 1, n ≠ m either way, lengths below, at and above the 2, 4 or 8 lanes) and
        // every radius from |n − m| (the narrowest band with a path; 0 for equal lengths) to past n + m.
        Random random = new Random(61L);
        for (int n = 1; n <= 20; n++) {
            for (int m = 1; m <= 20; m++) {
                double[] x = LowerBoundsTest.randomWalk(random, n);
                double[] y = LowerBoundsTest.randomWalk(random, m);
                for (int r = Math.abs(n - m); r <= n + m + 1; r++) {
                    Window.SakoeChiba band = Window.sakoeChiba(r);
                    double expected = aligned(x, y, r, LocalCost.squared());
                    String where = "n = " + n + ", m = " + m + ", r = " + r;
                    assertEquals(expected, SIMD.distance(x, y, band, Double.POSITIVE_INFINITY), 0.0, where);
                    assertEquals(expected, SIMD.distance(y, x, band, Double.POSITIVE_INFINITY), 0.0, where);
                    assertEquals(aligned(x, y, r, LocalCost.absolute()),
                            DistanceKernel.simd(x, y, r, true, Double.POSITIVE_INFINITY), 0.0, where);
                }
            }
        }
    }

    @Test
    void longerSequencesEqualTheScalarKernelAndTheGeneralAligner() {
        Random random = new Random(67L);
        for (int trial = 0; trial < 40; trial++) {
            double[] x = LowerBoundsTest.randomWalk(random, 1 + random.nextInt(400));
            double[] y = LowerBoundsTest.randomWalk(random, 1 + random.nextInt(400));
            int difference = Math.abs(x.length - y.length);
            int r = trial % 4 == 0 ? Math.max(x.length, y.length) : difference + random.nextInt(60);
            Window.SakoeChiba band = Window.sakoeChiba(r);
            double scalar = DistanceKernel.FOUR_ROW_SCALAR.distance(x, y, band, Double.POSITIVE_INFINITY);
            assertEquals(aligned(x, y, r, LocalCost.squared()), scalar, 0.0, "trial " + trial);
            assertEquals(scalar, SIMD.distance(x, y, band, Double.POSITIVE_INFINITY), 0.0, "trial " + trial);
        }
        // One long pair, full window: 3000 × 2500 cells, diagonals of up to 2500 cells.
        double[] x = LowerBoundsTest.randomWalk(random, 3000);
        double[] y = LowerBoundsTest.randomWalk(random, 2500);
        Window.SakoeChiba whole = Window.sakoeChiba(3000);
        assertEquals(DistanceKernel.FOUR_ROW_SCALAR.distance(x, y, whole, Double.POSITIVE_INFINITY),
                SIMD.distance(x, y, whole, Double.POSITIVE_INFINITY), 0.0);
    }

    @Test
    void abandoningNeverHidesACostAtOrBelowTheThresholdAndDoesAbandonFarAboveIt() {
        Random random = new Random(71L);
        int abandoned = 0;
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(120);
            double[] x = LowerBoundsTest.randomWalk(random, n);
            double[] y = LowerBoundsTest.randomWalk(random, n);
            Window.SakoeChiba band = Window.sakoeChiba(random.nextInt(n));
            double exact = SIMD.distance(x, y, band, Double.POSITIVE_INFINITY);
            assertEquals(exact, SIMD.distance(x, y, band, exact), 0.0, "trial " + trial);
            double below = SIMD.distance(x, y, band, exact * 0.25);
            assertTrue(below == Double.POSITIVE_INFINITY || below == exact, "trial " + trial + ": " + below);
            if (below == Double.POSITIVE_INFINITY) {
                abandoned++;
            }
        }
        // With threshold 0 every cell of positive cost exceeds it: a long pair of distinct walks must abandon.
        double[] x = LowerBoundsTest.randomWalk(random, 500);
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += 1.0;
        }
        assertEquals(Double.POSITIVE_INFINITY, SIMD.distance(x, y, Window.sakoeChiba(50), 0.0), 0.0);
        assertTrue(abandoned > 20, "abandoned only " + abandoned + " of 200");
    }

    @Test
    void absoluteAndEuclideanCostsGoThroughTheSimdKernelWithTheAlignersValue() {
        Random random = new Random(73L);
        for (int trial = 0; trial < 50; trial++) {
            double[] x = LowerBoundsTest.randomWalk(random, 1 + random.nextInt(90));
            double[] y = LowerBoundsTest.randomWalk(random, 1 + random.nextInt(90));
            int whole = Math.max(x.length, y.length);
            double expected = aligned(x, y, whole, LocalCost.absolute());
            assertEquals(expected, Dtw.distance(x, y, LocalCost.absolute()), 0.0, "trial " + trial);
            assertEquals(expected, Dtw.distance(x, y, LocalCost.euclidean()), 0.0, "trial " + trial);
            assertEquals(aligned(x, y, whole, LocalCost.squared()), Dtw.distance(x, y, LocalCost.squared()), 0.0);
        }
    }
}
