package dev.fovea.alignment.dtw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The O(min(n, m))-memory banded kernel against the general aligner, early abandoning, and the pairwise matrix. */
class BandedDistanceTest {

    private static double[] gaussian(Random random, int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = random.nextGaussian();
        }
        return s;
    }

    @Test
    void bandedDistanceEqualsTheGeneralAlignerBitwise() {
        Random random = new Random(41L);
        for (int trial = 0; trial < 300; trial++) {
            double[] x = gaussian(random, 1 + random.nextInt(50));
            double[] y = gaussian(random, 1 + random.nextInt(50));
            int r = Math.abs(x.length - y.length) + random.nextInt(8);
            Window.SakoeChiba band = Window.sakoeChiba(r);
            double expected = Dtw.align(x, y, DtwOptions.defaults().withWindow(band)).cost();
            assertEquals(expected, Dtw.distance(x, y, band), 0.0, "trial " + trial);
            assertEquals(expected, Dtw.distance(y, x, band), 0.0, "trial " + trial);
            // Abandoning above the answer changes nothing; below it gives +∞ or, if no row was entirely above, the
            // exact value.
            assertEquals(expected, Dtw.distance(x, y, band, expected), 0.0);
            double abandoned = Dtw.distance(x, y, band, expected * 0.5);
            assertTrue(abandoned == Double.POSITIVE_INFINITY || abandoned == expected);
        }
        assertThrows(IllegalArgumentException.class,
                () -> Dtw.distance(new double[5], new double[2], Window.sakoeChiba(2)));
    }

    @Test
    void fourRowSweepMatchesTheGeneralAlignerOnLongerSequencesAndEveryBandWidth() {
        // The kernel sweeps four rows together and the band edges row by row; cover every remainder of n mod 4,
        // bands narrower and wider than four, and the full window.
        Random random = new Random(53L);
        for (int trial = 0; trial < 60; trial++) {
            double[] x = gaussian(random, 1 + random.nextInt(300));
            double[] y = gaussian(random, 1 + random.nextInt(300));
            int difference = Math.abs(x.length - y.length);
            int r = trial % 3 == 0 ? 400 : difference + random.nextInt(trial % 3 == 1 ? 4 : 40);
            Window.SakoeChiba band = Window.sakoeChiba(r);
            double expected = Dtw.align(x, y, DtwOptions.defaults().withWindow(band)).cost();
            assertEquals(expected, Dtw.distance(x, y, band), 0.0, "trial " + trial);
            assertEquals(expected, Dtw.distance(y, x, band), 0.0, "trial " + trial);
        }
    }

    @Test
    void pairwiseMatrixIsSymmetricWithZeroDiagonalAndMatchesSinglePairs() {
        Random random = new Random(43L);
        double[][] series = new double[9][];
        for (int a = 0; a < series.length; a++) {
            series[a] = gaussian(random, 20 + random.nextInt(3));
        }
        double[][] matrix = PairwiseDistances.of(series, 4);
        for (int a = 0; a < series.length; a++) {
            assertEquals(0.0, matrix[a][a], 0.0);
            for (int b = 0; b < series.length; b++) {
                assertEquals(matrix[a][b], matrix[b][a], 0.0);
                if (a != b) {
                    assertEquals(Dtw.distance(series[a], series[b], Window.sakoeChiba(4)), matrix[a][b], 0.0);
                }
            }
        }
    }
}
