package dev.fovea.alignment.dtw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DtwTest {

    @Test
    void knownSmallAnswerComputedByHand() {
        // x = (1, 2, 3), y = (1, 3). Local costs c(i, j) = (x_i − y_j)²:
        //            y0=1  y1=3
        //   x0=1       0     4
        //   x1=2       1     1
        //   x2=3       4     0
        // Accumulated D(i, j) = c(i, j) + min(D(i−1, j), D(i, j−1), D(i−1, j−1)):
        //   D(0,0) = 0          D(0,1) = 4 + 0 = 4
        //   D(1,0) = 1 + 0 = 1  D(1,1) = 1 + min(4, 1, 0) = 1
        //   D(2,0) = 4 + 1 = 5  D(2,1) = 0 + min(D(1,1) = 1, D(2,0) = 5, D(1,0) = 1) = 1
        // At (2,1) the diagonal D(1,0) = 1 ties with D(1,1) = 1; the diagonal wins, then (1,0) → (0,0).
        // Path (0,0), (1,0), (2,1) costs 0 + 1 + 0 = 1; the other optimum (0,0), (1,1), (2,1) also costs 1.
        double[] x = {1, 2, 3};
        double[] y = {1, 3};
        DtwResult result = Dtw.align(x, y);
        assertEquals(1.0, result.cost(), 0.0);
        assertArrayEquals(new int[] {0, 1, 2}, result.path().rows());
        assertArrayEquals(new int[] {0, 0, 1}, result.path().columns());
        assertEquals(1.0, Dtw.distance(x, y), 0.0);
    }

    @Test
    void tiesPreferDiagonalThenAdvanceInX() {
        // All paths cost 0; the diagonal is preferred over the two-step detours.
        assertEquals("WarpingPath[(0, 0), (1, 1)]", Dtw.align(new double[] {0, 0}, new double[] {0, 0}).path().toString());
        // From (1, 2) the predecessors (0, 2) and (1, 1) tie with D = 0 and the diagonal (0, 1) too:
        // diagonal first gives (0, 0), (0, 1), (1, 2).
        assertEquals("WarpingPath[(0, 0), (0, 1), (1, 2)]",
                Dtw.align(new double[] {0, 0}, new double[] {0, 0, 0}).path().toString());
        // x = (0, 5), y = (5, 5): at (1, 1) the predecessors are D(0, 0) = 25 (diagonal), D(0, 1) = 50 and
        // D(1, 0) = 25; the diagonal ties with (i, j − 1) = (1, 0) and wins.
        assertEquals("WarpingPath[(0, 0), (1, 1)]", Dtw.align(new double[] {0, 5}, new double[] {5, 5}).path().toString());
    }

    @Test
    void singleElementSequencesSumAllLocalCosts() {
        // With m = 1 the only path is the first column: D = Σ_i (x_i − y_0)².
        double[] x = {1, -2, 0.5, 4};
        double[] y = {1.5};
        double expected = 0.25 + 12.25 + 1.0 + 6.25;
        assertEquals(expected, Dtw.align(x, y).cost(), 0.0);
        assertEquals(expected, Dtw.distance(x, y), 0.0);
        assertEquals(expected, Dtw.distance(y, x), 0.0);
        assertEquals(x.length, Dtw.align(x, y).path().length());
    }

    @Test
    void identicalSequencesCostZeroAlongTheDiagonal() {
        Random random = new Random(31L);
        double[] x = new double[57];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        DtwResult result = Dtw.align(x, x.clone());
        assertEquals(0.0, result.cost(), 0.0);
        assertEquals(0.0, Dtw.distance(x, x), 0.0);
        assertEquals(x.length, result.path().length());
        for (int k = 0; k < x.length; k++) {
            assertEquals(new WarpingPath.Cell(k, k), result.path().cell(k));
        }
    }

    @Test
    void symmetricAndDistanceMatchesAlignOnLongerSequences() {
        Random random = new Random(37L);
        for (int trial = 0; trial < 50; trial++) {
            double[] x = new double[1 + random.nextInt(120)];
            double[] y = new double[1 + random.nextInt(120)];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian();
            }
            for (int j = 0; j < y.length; j++) {
                y[j] = random.nextGaussian() + 0.5;
            }
            // Bitwise: transposing D changes neither the local costs nor the set each min is taken over.
            double forward = Dtw.distance(x, y);
            assertEquals(forward, Dtw.distance(y, x), 0.0, "trial " + trial);
            assertEquals(forward, Dtw.align(x, y).cost(), 0.0, "trial " + trial);
            assertEquals(forward, Dtw.align(y, x).cost(), 0.0, "trial " + trial);
            // An upper bound from a feasible path: the diagonal as far as it goes, then along the last row/column.
            double staircase = 0.0;
            int i = 0;
            int j = 0;
            while (true) {
                staircase += (x[i] - y[j]) * (x[i] - y[j]);
                if (i == x.length - 1 && j == y.length - 1) {
                    break;
                }
                i = Math.min(i + 1, x.length - 1);
                j = Math.min(j + 1, y.length - 1);
            }
            assertTrue(forward <= staircase, "trial " + trial);
        }
    }

    @Test
    void rejectsBadInputNamingSequenceAndIndex() {
        double[] ok = {1, 2};
        assertEquals("x must be finite, got NaN at [2]", assertThrows(IllegalArgumentException.class,
                () -> Dtw.align(new double[] {0, 1, Double.NaN}, ok)).getMessage());
        assertEquals("y must be finite, got -Infinity at [1]", assertThrows(IllegalArgumentException.class,
                () -> Dtw.distance(ok, new double[] {0, Double.NEGATIVE_INFINITY})).getMessage());
        assertEquals("y must be finite, got Infinity at [0]", assertThrows(IllegalArgumentException.class,
                () -> Dtw.align(ok, new double[] {Double.POSITIVE_INFINITY})).getMessage());
        assertEquals("x must have at least one entry, got length 0", assertThrows(IllegalArgumentException.class,
                () -> Dtw.distance(new double[0], ok)).getMessage());
        assertEquals("y must have at least one entry, got length 0", assertThrows(IllegalArgumentException.class,
                () -> Dtw.align(ok, new double[0])).getMessage());
        assertEquals("x must not be null",
                assertThrows(NullPointerException.class, () -> Dtw.align(null, ok)).getMessage());
        assertEquals("localCost must not be null",
                assertThrows(NullPointerException.class, () -> Dtw.distance(ok, ok, (LocalCost) null)).getMessage());
    }

    @Test
    void overflowingCostFailsLoudly() {
        // (1e200 − (−1e200))² = 4e400 > Double.MAX_VALUE on the only path.
        double[] x = {1e200};
        double[] y = {-1e200};
        String message = assertThrows(ArithmeticException.class, () -> Dtw.distance(x, y)).getMessage();
        assertTrue(message.contains("overflowed to Infinity"), message);
        assertThrows(ArithmeticException.class, () -> Dtw.align(x, y));
    }

    @Test
    void squaredLocalCost() {
        assertEquals(4.0, LocalCost.squared().between(3.0, 5.0), 0.0);
        assertEquals(LocalCost.squared(), new LocalCost.Squared());
    }
}
