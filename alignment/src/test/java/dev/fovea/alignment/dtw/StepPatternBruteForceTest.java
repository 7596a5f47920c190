package dev.fovea.alignment.dtw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The dynamic programme against its definition for every step pattern, window and open-end setting: enumerate every
 * admissible path as a sequence of the pattern's own steps (start cell weight 1, each step charging its cells with its
 * weights), take the minimum normalised cost, and compare. n, m ≤ 6 keeps the enumeration small.
 */
class StepPatternBruteForceTest {

    private static final double RELATIVE_TOLERANCE = 1e-12;

    /** One enumerated path: the visited cells in order and the weight each is charged with. */
    private record Path(int[] rows, int[] columns, double[] weights) {

        double cost(double[][] c) {
            double sum = 0.0;
            for (int k = 0; k < rows.length; k++) {
                sum += weights[k] * c[rows[k]][columns[k]];
            }
            return sum;
        }

        int endColumn() {
            return columns[columns.length - 1];
        }
    }

    private static List<Path> enumerate(int n, int m, StepPattern pattern, Window window, boolean openBegin,
                                        boolean openEnd) {
        List<Path> out = new ArrayList<>();
        for (int j0 = 0; j0 < (openBegin ? m : 1); j0++) {
            if (window.admits(0, j0, n, m)) {
                List<int[]> cells = new ArrayList<>();
                cells.add(new int[] {0, j0});
                List<Double> weights = new ArrayList<>();
                weights.add(1.0);
                extend(0, j0, n, m, pattern, window, openEnd, cells, weights, out);
            }
        }
        return out;
    }

    private static void extend(int i, int j, int n, int m, StepPattern pattern, Window window, boolean openEnd,
                               List<int[]> cells, List<Double> weights, List<Path> out) {
        if (i == n - 1 && (openEnd || j == m - 1)) {
            int[] rows = new int[cells.size()];
            int[] columns = new int[cells.size()];
            double[] w = new double[cells.size()];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = cells.get(k)[0];
                columns[k] = cells.get(k)[1];
                w[k] = weights.get(k);
            }
            out.add(new Path(rows, columns, w));
        }
        for (StepPattern.Step step : pattern.steps()) {
            int ni = i + step.rowBack();
            int nj = j + step.columnBack();
            if (ni >= n || nj >= m) {
                continue;
            }
            int[] ra = step.cellRowBack();
            int[] cb = step.cellColumnBack();
            double[] w = step.weights();
            boolean admissible = true;
            for (int k = 0; k < w.length; k++) {
                admissible &= window.admits(ni - ra[k], nj - cb[k], n, m);
            }
            if (!admissible) {
                continue;
            }
            for (int k = 0; k < w.length; k++) {
                cells.add(new int[] {ni - ra[k], nj - cb[k]});
                weights.add(w[k]);
            }
            extend(ni, nj, n, m, pattern, window, openEnd, cells, weights, out);
            for (int k = 0; k < w.length; k++) {
                cells.remove(cells.size() - 1);
                weights.remove(weights.size() - 1);
            }
        }
    }

    private static double normaliser(StepPattern pattern, int n, int endColumn) {
        return switch (pattern.normalization()) {
            case NONE -> 1.0;
            case N -> n;
            case N_PLUS_M -> n + endColumn + 1.0;
        };
    }

    private static List<StepPattern> allPatterns() {
        List<StepPattern> patterns = new ArrayList<>();
        for (String name : StepPattern.NAMES) {
            patterns.add(StepPattern.named(name));
        }
        for (int type = 1; type <= 7; type++) {
            for (char w = 'a'; w <= 'd'; w++) {
                patterns.add(StepPattern.rabinerJuang(type, w, false));
                patterns.add(StepPattern.rabinerJuang(type, w, true));
            }
        }
        return patterns;
    }

    private static Window[] windows(Random random, int n, int m) {
        boolean[][] mask = new boolean[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                mask[i][j] = random.nextInt(5) != 0;
            }
        }
        return new Window[] {Window.none(), Window.sakoeChiba(0), Window.sakoeChiba(1), Window.sakoeChiba(2),
            Window.itakura(2.0), Window.mask(mask)};
    }

    @Test
    void everyPatternWindowAndOpenEndEqualsTheMinimumOverItsPaths() {
        Random random = new Random(0x5739L);
        int checked = 0;
        int infeasible = 0;
        for (StepPattern pattern : allPatterns()) {
            boolean named = StepPattern.NAMES.contains(pattern.name());
            for (int n = 1; n <= 6; n++) {
                for (int m = 1; m <= 6; m++) {
                    Window[] windows = named ? windows(random, n, m) : new Window[] {Window.none()};
                    for (Window window : windows) {
                        for (int ends = 0; ends < 4; ends++) {
                            boolean openBegin = (ends & 1) != 0;
                            boolean openEnd = (ends & 2) != 0;
                            if (openBegin && pattern.normalization() == StepPattern.Normalization.N_PLUS_M) {
                                continue;
                            }
                            DtwOptions options = DtwOptions.defaults().withStepPattern(pattern).withWindow(window)
                                    .withOpenEnds(openBegin, openEnd);
                            List<Path> paths = enumerate(n, m, pattern, window, openBegin, openEnd);
                            String where = pattern + " " + window + " n = " + n + ", m = " + m + ", openBegin = "
                                    + openBegin + ", openEnd = " + openEnd;
                            double[][] c = new double[n][m];
                            for (int trial = 0; trial < 2; trial++) {
                                // Negative entries too: the recurrence is exact for any additive cost.
                                for (double[] row : c) {
                                    for (int j = 0; j < m; j++) {
                                        row[j] = trial == 0 ? random.nextInt(4) : random.nextGaussian();
                                    }
                                }
                                DtwOptions given = options.withLocalCost(LocalCost.given(c));
                                if (paths.isEmpty()) {
                                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                            () -> Dtw.alignGiven(given), where);
                                    assertTrue(e.getMessage().startsWith("window")
                                            || e.getMessage().startsWith("stepPattern"), e.getMessage());
                                    infeasible++;
                                    continue;
                                }
                                check(c, n, pattern, paths, Dtw.alignGiven(given), where + " trial " + trial);
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        // Guards against a vacuous pass: most cases must have had paths.
        assertTrue(checked > infeasible, checked + " checked, " + infeasible + " infeasible");
    }

    private static void check(double[][] c, int n, StepPattern pattern, List<Path> paths, DtwResult result,
                              String where) {
        double bestNormalized = Double.POSITIVE_INFINITY;
        double bestAtEnd = Double.POSITIVE_INFINITY;
        int end = result.path().columnCount() - 1;
        double scale = 1.0;
        for (Path p : paths) {
            double cost = p.cost(c);
            scale = Math.max(scale, Math.abs(cost));
            bestNormalized = Math.min(bestNormalized, cost / normaliser(pattern, n, p.endColumn()));
            if (p.endColumn() == end) {
                bestAtEnd = Math.min(bestAtEnd, cost);
            }
        }
        double tolerance = RELATIVE_TOLERANCE * scale * 4;
        assertEquals(bestAtEnd, result.cost(), tolerance, where);
        assertEquals(bestNormalized, result.cost() / normaliser(pattern, n, end), tolerance, where);
        if (pattern.normalization() == StepPattern.Normalization.NONE) {
            assertTrue(Double.isNaN(result.normalizedCost()), where);
        } else {
            assertEquals(result.cost() / normaliser(pattern, n, end), result.normalizedCost(), 0.0, where);
        }
        // The returned path is one of the enumerated admissible paths and costs what the result says.
        for (Path p : paths) {
            if (Arrays.equals(p.rows(), result.path().rows()) && Arrays.equals(p.columns(), result.path().columns())
                    && Math.abs(p.cost(c) - result.cost()) <= tolerance) {
                return;
            }
        }
        fail(where + ": " + result.path() + " is not an admissible path of cost " + result.cost());
    }

    @Test
    void symmetric1WithDefaultsReproducesTheClassicAlignerBitwise() {
        Random random = new Random(11L);
        for (int trial = 0; trial < 30; trial++) {
            double[] x = new double[1 + random.nextInt(30)];
            double[] y = new double[1 + random.nextInt(30)];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextInt(3);
            }
            for (int j = 0; j < y.length; j++) {
                y[j] = random.nextGaussian();
            }
            DtwResult classic = Dtw.align(x, y);
            DtwResult general = Dtw.align(x, y, DtwOptions.defaults());
            assertEquals(classic.cost(), general.cost(), 0.0);
            assertEquals(classic.path(), general.path());
        }
    }
}
