package dev.fovea.alignment.softdtw;

import static dev.fovea.alignment.frames.FrameFixtures.centralDifferences;
import static dev.fovea.alignment.frames.FrameFixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.alignment.dtw.Dtw;
import dev.fovea.alignment.dtw.DtwOptions;
import dev.fovea.alignment.dtw.Window;
import dev.fovea.alignment.frames.Frames;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Soft-DTW with every kind of {@link Window}: against an enumeration of the admissible paths, against windowed DTW as
 * γ → 0, against central differences, and the divergence's self-term rule.
 */
class SoftDtwWindowTest {

    /**
     * Every window kind, sized for n × m: none, a band wide enough for the lengths, an Itakura parallelogram steep
     * enough, and a random mask that contains one random monotone path (so a path exists) and random other cells
     * (some of them admissible but unreachable).
     */
    static List<Window> windows(SplittableRandom random, int n, int m) {
        List<Window> out = new ArrayList<>();
        out.add(Window.none());
        out.add(Window.sakoeChiba(Math.abs(n - m) + random.nextInt(2)));
        double ratio = (n == 1 || m == 1) ? 1 : Math.max((m - 1.0) / (n - 1.0), (n - 1.0) / (m - 1.0));
        Window itakura = Window.itakura(Math.max(ratio, 1.0) + 0.25 + random.nextDouble());
        // On small grids the parallelogram may hold no symmetric1 path even though its corners fit.
        if ((n == m || (n > 1 && m > 1)) && paths(itakura, n, m) > 0) {
            out.add(itakura);
        }
        out.add(randomMask(random, n, m));
        return out;
    }

    /** The number of admissible symmetric1 paths, by counting (independent of the kernel's reachability test). */
    static double paths(Window window, int n, int m) {
        double[][] count = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (window.admits(i, j, n, m)) {
                    count[i][j] = (i == 0 && j == 0) ? 1 : (i > 0 ? count[i - 1][j] : 0) + (j > 0 ? count[i][j - 1] : 0)
                            + (i > 0 && j > 0 ? count[i - 1][j - 1] : 0);
                }
            }
        }
        return count[n - 1][m - 1];
    }

    static Window.Mask randomMask(SplittableRandom random, int n, int m) {
        boolean[][] mask = new boolean[n][m];
        for (boolean[] row : mask) {
            for (int j = 0; j < m; j++) {
                row[j] = random.nextDouble() < 0.4;
            }
        }
        int i = 0;
        int j = 0;
        mask[0][0] = true;
        while (i < n - 1 || j < m - 1) {
            int step = random.nextInt(3);
            if (i == n - 1 || (step == 0 && j < m - 1)) {
                j++;
            } else if (j == m - 1 || step == 1) {
                i++;
            } else {
                i++;
                j++;
            }
            mask[i][j] = true;
        }
        return Window.mask(mask);
    }

    /** Σ over admissible symmetric1 paths ending at (i, j) of exp(−(cost − shift)/γ), and the number of paths. */
    static void enumerate(double[][] cost, Window window, double gamma, int i, int j, double accumulated,
            double shift, double[] sumAndCount) {
        int n = cost.length;
        int m = cost[0].length;
        if (!window.admits(i, j, n, m)) {
            return;
        }
        accumulated += cost[i][j];
        if (i == 0 && j == 0) {
            sumAndCount[0] += Math.exp(-(accumulated - shift) / gamma);
            sumAndCount[1]++;
            return;
        }
        if (i > 0) {
            enumerate(cost, window, gamma, i - 1, j, accumulated, shift, sumAndCount);
        }
        if (j > 0) {
            enumerate(cost, window, gamma, i, j - 1, accumulated, shift, sumAndCount);
        }
        if (i > 0 && j > 0) {
            enumerate(cost, window, gamma, i - 1, j - 1, accumulated, shift, sumAndCount);
        }
    }

    static double dtw(double[][] x, double[][] y, Window window) {
        return Dtw.align(x, y, DtwOptions.defaults().withWindow(window)).cost();
    }

    @Test
    void valueIsTheSoftMinimumOverTheAdmissiblePaths() {
        SplittableRandom random = new SplittableRandom(21);
        int checked = 0;
        for (int trial = 0; trial < 60; trial++) {
            double[][] x = gaussian(random, 1 + random.nextInt(5), 2);
            double[][] y = gaussian(random, 1 + random.nextInt(5), 2);
            double gamma = random.nextDouble(0.05, 2);
            double[][] cost = Frames.squaredDistances(x, y);
            for (Window window : windows(random, x.length, y.length)) {
                double shift = dtw(x, y, window);
                double[] sumAndCount = {0, 0};
                enumerate(cost, window, gamma, x.length - 1, y.length - 1, 0, shift, sumAndCount);
                double expected = shift - gamma * Math.log(sumAndCount[0]);
                assertEquals(expected, SoftDtw.of(gamma, window).value(x, y), 1e-12 * (1 + Math.abs(expected)),
                        window + " " + x.length + " x " + y.length);
                checked++;
            }
        }
        assertTrue(checked >= 180, "checked " + checked);
    }

    @Test
    void tendsToWindowedDtwAsGammaVanishes() {
        SplittableRandom random = new SplittableRandom(22);
        for (int trial = 0; trial < 15; trial++) {
            double[][] x = gaussian(random, 2 + random.nextInt(4), 1);
            double[][] y = gaussian(random, 2 + random.nextInt(4), 1);
            double[][] cost = Frames.squaredDistances(x, y);
            for (Window window : windows(random, x.length, y.length)) {
                double dtw = dtw(x, y, window);
                double[] sumAndCount = {0, 0};
                enumerate(cost, window, 1, x.length - 1, y.length - 1, 0, dtw, sumAndCount);
                double paths = sumAndCount[1];
                for (double gamma : new double[] {1e-1, 1e-2, 1e-3, 1e-6}) {
                    double soft = SoftDtw.of(gamma, window).value(x, y);
                    assertTrue(soft <= dtw + 1e-12, window + ": soft-DTW " + soft + " above DTW " + dtw);
                    assertTrue(soft >= dtw - gamma * Math.log(paths) - 1e-12,
                            window + ": soft-DTW " + soft + " below DTW " + dtw + " − γ log " + paths);
                }
            }
        }
        // Longer sequences, where the window changes DTW: the γ log |paths| bound with |paths| ≤ 3^(n+m).
        for (int trial = 0; trial < 5; trial++) {
            double[][] x = gaussian(random, 20 + random.nextInt(10), 2);
            double[][] y = gaussian(random, 20 + random.nextInt(10), 2);
            for (Window window : windows(random, x.length, y.length)) {
                double dtw = dtw(x, y, window);
                double soft = SoftDtw.of(1e-4, window).value(x, y);
                assertTrue(soft <= dtw + 1e-9 && soft >= dtw - 1e-4 * (x.length + y.length) * Math.log(3),
                        window + ": " + soft + " vs " + dtw);
            }
        }
    }

    @Test
    void gradientMatchesCentralDifferencesWithEveryWindow() {
        SplittableRandom random = new SplittableRandom(23);
        for (int trial = 0; trial < 4; trial++) {
            double[][] x = gaussian(random, 4 + random.nextInt(4), 2);
            double[][] y = gaussian(random, 4 + random.nextInt(4), 2);
            for (Window window : windows(random, x.length, y.length)) {
                SoftDtw softDtw = SoftDtw.of(0.3 + random.nextDouble(), window);
                SoftDtw.Gradient g = softDtw.gradient(x, y);
                assertEquals(softDtw.value(x, y), g.value(), 0.0);
                SoftDtwTest.assertMatches(centralDifferences(z -> softDtw.value(z, y), x, 1e-6), g.dx());
                if (!(window instanceof Window.Mask)) {
                    SoftDtw.Gradient d = softDtw.divergenceGradient(x, y);
                    assertEquals(softDtw.divergence(x, y), d.value(), 1e-12);
                    SoftDtwTest.assertMatches(centralDifferences(z -> softDtw.divergence(z, y), x, 1e-6), d.dx());
                }
            }
        }
    }

    @Test
    void expectedAlignmentLivesOnTheReachableAdmissibleCells() {
        SplittableRandom random = new SplittableRandom(24);
        for (int trial = 0; trial < 20; trial++) {
            double[][] x = gaussian(random, 2 + random.nextInt(7), 1);
            double[][] y = gaussian(random, 2 + random.nextInt(7), 1);
            int n = x.length;
            int m = y.length;
            double[][] cost = Frames.squaredDistances(x, y);
            for (Window window : windows(random, n, m)) {
                double gamma = random.nextDouble(0.1, 2);
                double[][] e = SoftDtw.of(gamma, window).expectedAlignment(cost);
                assertEquals(1.0, e[0][0], 1e-12, window + " starts at (0, 0)");
                assertEquals(1.0, e[n - 1][m - 1], 0.0);
                for (int i = 0; i < n; i++) {
                    double rowSum = 0;
                    for (int j = 0; j < m; j++) {
                        assertTrue(e[i][j] >= 0 && e[i][j] <= 1 + 1e-12, window + " E[" + i + "][" + j + "]");
                        if (!window.admits(i, j, n, m)) {
                            assertEquals(0.0, e[i][j], 0.0, window + " E outside the window at " + i + ", " + j);
                        }
                        rowSum += e[i][j];
                    }
                    // Every path crosses every row, at least once.
                    assertTrue(rowSum >= 1 - 1e-12, window + " row " + i + " sums to " + rowSum);
                }
                // E is the probability that a path visits the cell: brute force by perturbing one cost at a time.
                int i = random.nextInt(n);
                int j = random.nextInt(m);
                double h = 1e-6;
                double[][] plus = Frames.squaredDistances(x, y);
                double[][] minus = Frames.squaredDistances(x, y);
                plus[i][j] += h;
                minus[i][j] -= h;
                SoftDtw softDtw = SoftDtw.of(gamma, window);
                double fd = (softDtw.valueOfCost(plus) - softDtw.valueOfCost(minus)) / (2 * h);
                assertEquals(fd, e[i][j], 1e-6, window + " E[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void divergenceUsesTheWindowRuleOnTheSelfTerms() {
        SplittableRandom random = new SplittableRandom(25);
        for (int trial = 0; trial < 300; trial++) {
            double gamma = random.nextDouble(0.01, 3);
            double[][] a = gaussian(random, 2 + random.nextInt(8), 2);
            double[][] b = gaussian(random, 2 + random.nextInt(8), 2);
            for (Window window : windows(random, a.length, b.length)) {
                if (window instanceof Window.Mask) {
                    continue;
                }
                SoftDtw softDtw = SoftDtw.of(gamma, window);
                assertEquals(0.0, softDtw.divergence(a, a), 0.0, window.toString());
                double d = softDtw.divergence(a, b);
                assertTrue(d >= -1e-12, window + ": divergence " + d + " at γ = " + gamma);
                double expected = softDtw.value(a, b) - 0.5 * (softDtw.value(a, a) + softDtw.value(b, b));
                assertEquals(expected, d, 0.0);
            }
        }
        // The self-terms use the rule on (n, n) and (m, m): a band of radius 0 there is the diagonal alone, even
        // though sdtw(x, y) itself needs radius >= |n − m|.
        double[][] x = gaussian(random, 5, 1);
        double[][] y = gaussian(random, 5, 1);
        SoftDtw band = SoftDtw.of(0.5, Window.sakoeChiba(0));
        assertEquals(0.0, band.value(x, x), 0.0, "the diagonal of x against x costs 0");
        double squared = 0;
        for (int i = 0; i < 5; i++) {
            squared += (x[i][0] - y[i][0]) * (x[i][0] - y[i][0]);
        }
        assertEquals(squared, band.divergence(x, y), 1e-12);
        Window.Mask mask = Window.mask(new boolean[][] {{true, false}, {false, true}});
        SoftDtw masked = SoftDtw.of(0.5, mask);
        String refusal = "window: the soft-DTW divergence needs sdtw(x, x) and sdtw(y, y), and a mask (Mask[2 x 2]) "
                + "is fixed to one n x m grid; use none, sakoe-chiba or itakura";
        double[][] two = {{1}, {2}};
        assertEquals(refusal, assertThrows(IllegalArgumentException.class, () -> masked.divergence(two, two))
                .getMessage());
        assertEquals(refusal, assertThrows(IllegalArgumentException.class,
                () -> masked.divergenceGradient(two, two)).getMessage());
        assertEquals(1.0, masked.value(two, new double[][] {{1}, {3}}), 1e-12, "only the diagonal");
    }

    @Test
    void rejectsWindowsWithoutAPathWithDtwsMessages() {
        double[][] four = new double[4][1];
        double[][] two = new double[2][1];
        List<Window> narrow = List.of(Window.sakoeChiba(1), Window.itakura(1.5),
                Window.mask(new boolean[][] {{true, true}, {true, true}}),
                Window.mask(new boolean[][] {{true, false}, {false, false}, {false, false}, {false, true}}));
        for (Window window : narrow) {
            String dtwMessage = assertThrows(IllegalArgumentException.class, () -> dtw(four, two, window))
                    .getMessage();
            String softMessage = assertThrows(IllegalArgumentException.class,
                    () -> SoftDtw.of(1, window).value(four, two)).getMessage();
            assertEquals(dtwMessage, softMessage);
            assertTrue(softMessage.startsWith("window"), softMessage);
            assertEquals(dtwMessage, assertThrows(IllegalArgumentException.class,
                    () -> SoftDtw.of(1, window).gradient(four, two)).getMessage());
        }
        assertEquals("window: a Sakoe-Chiba band |i - j| <= 1 cannot reach (n - 1, m - 1) for n = 4, m = 2; "
                + "radiusCells must be >= |n - m| = 2", assertThrows(IllegalArgumentException.class,
                        () -> SoftDtw.withSakoeChibaRadius(1, 1).value(four, two)).getMessage());
        assertEquals("window admits no warping path: symmetric1 steps within Mask[4 x 2] cannot reach row 3 at "
                + "column 1 for n = 4, m = 2", assertThrows(IllegalArgumentException.class,
                        () -> SoftDtw.of(1, narrow.get(3)).value(four, two)).getMessage());
        assertEquals("window must not be null", assertThrows(NullPointerException.class,
                () -> SoftDtw.of(1, null)).getMessage());
    }

    @Test
    void legacyFactoriesAreWindows() {
        assertEquals(Window.none(), SoftDtw.of(1).window());
        assertEquals(Window.sakoeChiba(3), SoftDtw.withSakoeChibaRadius(1, 3).window());
        assertEquals(3, SoftDtw.withSakoeChibaRadius(1, 3).radiusCells());
        assertEquals(-1, SoftDtw.of(1, Window.itakura(2)).radiusCells());
    }

    @Test
    void barycenterWithAWindowDescendsToAStationaryPoint() {
        SplittableRandom random = new SplittableRandom(26);
        double[][] a = gaussian(random, 10, 2);
        List<double[][]> series = List.of(a, gaussian(random, 12, 2), gaussian(random, 9, 2));
        double[] weights = {1, 2, 1};
        for (Window window : List.of(Window.sakoeChiba(3), Window.itakura(2))) {
            SoftDtw softDtw = SoftDtw.of(0.5, window);
            double start = 0;
            for (int k = 0; k < series.size(); k++) {
                start += weights[k] * softDtw.value(a, series.get(k));
            }
            SoftDtwBarycenter.Result result = SoftDtwBarycenter.of(softDtw, 2000).compute(series, weights, a);
            double[][] z = result.barycenter();
            double objective = 0;
            double[][] g = new double[z.length][2];
            for (int k = 0; k < series.size(); k++) {
                SoftDtw.Gradient part = softDtw.gradient(z, series.get(k));
                objective += weights[k] * part.value();
                for (int i = 0; i < z.length; i++) {
                    for (int c = 0; c < 2; c++) {
                        g[i][c] += weights[k] * part.dx()[i][c];
                    }
                }
            }
            assertEquals(objective, result.objective(), 1e-9 * (1 + Math.abs(objective)));
            assertTrue(result.objective() < start, window + ": " + start + " → " + result.objective());
            double norm = 0;
            for (double[] row : g) {
                norm += row[0] * row[0] + row[1] * row[1];
            }
            assertTrue(Math.sqrt(norm) < 1e-3 * (1 + Math.abs(objective)), window + ": gradient norm "
                    + Math.sqrt(norm));
            // The windowed objective differs from the unwindowed one at the same point: the window is in effect.
            double free = 0;
            for (int k = 0; k < series.size(); k++) {
                free += weights[k] * SoftDtw.of(0.5).value(z, series.get(k));
            }
            assertTrue(free < objective - 1e-6, window + ": " + free + " vs " + objective);
        }
    }
}
