package dev.fovea.alignment.softdtw;

import static dev.fovea.alignment.frames.FrameFixtures.centralDifferences;
import static dev.fovea.alignment.frames.FrameFixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.alignment.dtw.Dtw;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftDtwTest {

    /** The recursion of the paper written out over all paths for tiny sizes: −γ log Σ_paths exp(−cost/γ). */
    static double bruteForce(double[][] cost, double gamma, int i, int j, double accumulated, double[] sums,
            double shift) {
        accumulated += cost[i][j];
        if (i == 0 && j == 0) {
            sums[0] += Math.exp(-(accumulated - shift) / gamma);
            return 0;
        }
        if (i > 0) {
            bruteForce(cost, gamma, i - 1, j, accumulated, sums, shift);
        }
        if (j > 0) {
            bruteForce(cost, gamma, i, j - 1, accumulated, sums, shift);
        }
        if (i > 0 && j > 0) {
            bruteForce(cost, gamma, i - 1, j - 1, accumulated, sums, shift);
        }
        return 0;
    }

    /** Relative error ≤ 1e-6 entrywise, measured against max(1, |difference|). */
    static void assertMatches(double[][] differences, double[][] analytic) {
        for (int i = 0; i < differences.length; i++) {
            for (int k = 0; k < differences[i].length; k++) {
                double fd = differences[i][k];
                assertEquals(fd, analytic[i][k], 1e-6 * Math.max(1, Math.abs(fd)), "[" + i + "][" + k + "]");
            }
        }
    }

    @Test
    void valueIsTheSoftMinimumOverAllPaths() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 20; trial++) {
            double[][] x = gaussian(random, 1 + random.nextInt(4), 2);
            double[][] y = gaussian(random, 1 + random.nextInt(4), 2);
            double gamma = random.nextDouble(0.1, 2);
            SoftDtw softDtw = SoftDtw.of(gamma);
            double[][] cost = dev.fovea.alignment.frames.Frames.squaredDistances(x, y);
            double[] sums = {0};
            bruteForce(cost, gamma, x.length - 1, y.length - 1, 0, sums, 0);
            double expected = -gamma * Math.log(sums[0]);
            assertEquals(expected, softDtw.value(x, y), 1e-12 * (1 + Math.abs(expected)));
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(2);
        for (SoftDtw softDtw : List.of(SoftDtw.of(0.5), SoftDtw.of(0.01), SoftDtw.withSakoeChibaRadius(1.0, 2))) {
            double[][] x = gaussian(random, 7, 3);
            double[][] y = gaussian(random, 6, 3);
            assertMatches(centralDifferences(z -> softDtw.value(z, y), x, 1e-6), softDtw.gradient(x, y).dx());
        }
    }

    @Test
    void expectedAlignmentIsTheGradientWithRespectToTheCostMatrix() {
        SplittableRandom random = new SplittableRandom(3);
        SoftDtw softDtw = SoftDtw.of(0.3);
        double[][] cost = new double[5][4];
        for (double[] row : cost) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble(0, 2);
            }
        }
        double[][] e = softDtw.expectedAlignment(cost);
        assertMatches(centralDifferences(softDtw::valueOfCost, cost, 1e-6), e);
        for (double[] row : e) {
            for (double v : row) {
                assertTrue(v >= 0);
            }
        }
        assertEquals(1.0, e[0][0], 1e-12, "every path passes through the first cell");
        assertEquals(1.0, e[4][3], 0.0);
    }

    @Test
    void tendsToDtwAsGammaVanishes() {
        SplittableRandom random = new SplittableRandom(4);
        for (int trial = 0; trial < 10; trial++) {
            double[] x = new double[5 + random.nextInt(10)];
            double[] y = new double[5 + random.nextInt(10)];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian();
            }
            for (int j = 0; j < y.length; j++) {
                y[j] = random.nextGaussian();
            }
            double dtw = Dtw.align(x, y).cost();
            for (double gamma : new double[] {1e-1, 1e-2, 1e-3}) {
                double soft = SoftDtw.of(gamma).value(SoftDtw.column(x), SoftDtw.column(y));
                assertTrue(soft <= dtw + 1e-12, "soft-DTW is below DTW");
                assertTrue(soft >= dtw - gamma * (x.length + y.length) * Math.log(3), "within γ log |paths| of DTW");
            }
            double tiny = SoftDtw.of(1e-6).value(SoftDtw.column(x), SoftDtw.column(y));
            assertEquals(dtw, tiny, 1e-4);
        }
    }

    @Test
    void divergenceIsZeroOnIdenticalInputsAndNonNegative() {
        SplittableRandom random = new SplittableRandom(5);
        SoftDtw softDtw = SoftDtw.of(1.0);
        double[][] x = gaussian(random, 8, 2);
        assertTrue(softDtw.value(x, x) < 0, "sdtw(x, x) itself is negative");
        assertEquals(0.0, softDtw.divergence(x, x), 0.0);
        for (int trial = 0; trial < 200; trial++) {
            double gamma = random.nextDouble(0.01, 3);
            double[][] a = gaussian(random, 1 + random.nextInt(8), 2);
            double[][] b = gaussian(random, 1 + random.nextInt(8), 2);
            assertTrue(SoftDtw.of(gamma).divergence(a, b) >= -1e-12, "divergence non-negative");
        }
    }

    @Test
    void divergenceGradientMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(6);
        SoftDtw softDtw = SoftDtw.of(0.7);
        double[][] x = gaussian(random, 5, 2);
        double[][] y = gaussian(random, 6, 2);
        SoftDtw.Gradient g = softDtw.divergenceGradient(x, y);
        assertEquals(softDtw.divergence(x, y), g.value(), 1e-12);
        assertMatches(centralDifferences(z -> softDtw.divergence(z, y), x, 1e-6), g.dx());
    }

    @Test
    void windowExcludesCellsAndIsExactWhenWideEnough() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] x = gaussian(random, 6, 1);
        double[][] y = gaussian(random, 5, 1);
        assertEquals(SoftDtw.of(0.5).value(x, y), SoftDtw.withSakoeChibaRadius(0.5, 5).value(x, y), 0.0);
        double[][] e = SoftDtw.withSakoeChibaRadius(0.5, 1).expectedAlignment(dev.fovea.alignment.frames.Frames.squaredDistances(x, y));
        assertEquals(0.0, e[0][2], 0.0);
        assertEquals(0.0, e[4][2], 0.0);
        assertTrue(e[3][2] > 0);
        // A band of radius 0 on equal lengths leaves only the diagonal: the Euclidean distance squared.
        double[][] z = gaussian(random, 6, 1);
        double sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (x[i][0] - z[i][0]) * (x[i][0] - z[i][0]);
        }
        assertEquals(sum, SoftDtw.withSakoeChibaRadius(0.5, 0).value(x, z), 1e-12);
    }

    @Test
    void rejectsBadInput() {
        assertEquals("gamma must be > 0 and finite, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> SoftDtw.of(0.0)).getMessage());
        assertEquals("gamma must be > 0 and finite, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> SoftDtw.of(-1.0)).getMessage());
        assertEquals("gamma must be > 0 and finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> SoftDtw.of(Double.NaN)).getMessage());
        assertEquals("radiusCells must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> SoftDtw.withSakoeChibaRadius(1, -1)).getMessage());
        SoftDtw softDtw = SoftDtw.of(1);
        assertEquals("x has 2 channels, y has 1", assertThrows(IllegalArgumentException.class,
                () -> softDtw.value(new double[][] {{1, 2}}, new double[][] {{1}})).getMessage());
        assertEquals("y must be finite, got NaN at [1, 0]", assertThrows(IllegalArgumentException.class,
                () -> softDtw.value(new double[][] {{1}}, new double[][] {{1}, {Double.NaN}})).getMessage());
        assertEquals("x must have at least one frame, got 0", assertThrows(IllegalArgumentException.class,
                () -> softDtw.value(new double[0][], new double[][] {{1}})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SoftDtw.withSakoeChibaRadius(1, 1)
                .value(new double[4][1], new double[2][1]));
    }

    @Test
    void barycenterDescendsToAStationaryPoint() {
        SplittableRandom random = new SplittableRandom(8);
        SoftDtw softDtw = SoftDtw.of(0.5);
        double[][] a = gaussian(random, 10, 2);
        double[][] b = gaussian(random, 12, 2);
        double[][] c = gaussian(random, 9, 2);
        List<double[][]> series = List.of(a, b, c);
        double[] weights = {1, 1, 1};
        double start = 0;
        for (double[][] s : series) {
            start += softDtw.value(a, s);
        }
        SoftDtwBarycenter.Result result = SoftDtwBarycenter.of(softDtw, 500).compute(series, weights, a);
        assertTrue(result.objective() < start, "objective decreased from " + start + " to " + result.objective());
        double gradientNorm = 0;
        double check = 0;
        double[][] z = result.barycenter();
        double[][] g = new double[z.length][2];
        for (double[][] s : series) {
            SoftDtw.Gradient part = softDtw.gradient(z, s);
            check += part.value();
            for (int i = 0; i < z.length; i++) {
                for (int k = 0; k < 2; k++) {
                    g[i][k] += part.dx()[i][k];
                }
            }
        }
        for (double[] row : g) {
            for (double v : row) {
                gradientNorm += v * v;
            }
        }
        assertEquals(check, result.objective(), 1e-9 * Math.abs(check));
        assertTrue(Math.sqrt(gradientNorm) < 1e-3, "gradient norm at the barycenter " + Math.sqrt(gradientNorm));
    }
}
