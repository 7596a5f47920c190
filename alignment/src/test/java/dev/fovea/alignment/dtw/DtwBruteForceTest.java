package dev.fovea.alignment.dtw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks the dynamic programme against the definition: the minimum, over every warping path, of the summed local
 * cost. For n, m ≤ 5 there are at most D(4, 4) = 321 paths (a Delannoy number), so enumeration is cheap.
 */
class DtwBruteForceTest {

    /** Both routes add the same local costs along a path in the same order, so they agree to rounding or better. */
    private static final double RELATIVE_TOLERANCE = 1e-12;

    private static double squared(double a, double b) {
        return (a - b) * (a - b);
    }

    /** Every path from (i, j) to (n − 1, m − 1), depth first; each entry is the list of cells as {i, j}. */
    private static void enumerate(int i, int j, int n, int m, List<int[]> prefix, List<List<int[]>> out) {
        prefix.add(new int[] {i, j});
        if (i == n - 1 && j == m - 1) {
            out.add(new ArrayList<>(prefix));
        } else {
            if (i + 1 < n) {
                enumerate(i + 1, j, n, m, prefix, out);
            }
            if (j + 1 < m) {
                enumerate(i, j + 1, n, m, prefix, out);
            }
            if (i + 1 < n && j + 1 < m) {
                enumerate(i + 1, j + 1, n, m, prefix, out);
            }
        }
        prefix.remove(prefix.size() - 1);
    }

    private static List<List<int[]>> allPaths(int n, int m) {
        List<List<int[]>> paths = new ArrayList<>();
        enumerate(0, 0, n, m, new ArrayList<>(), paths);
        return paths;
    }

    /** Summed local cost of an enumerated path, adding from (0, 0) onwards. */
    private static double summedCost(double[] x, double[] y, List<int[]> path) {
        double sum = 0.0;
        for (int[] cell : path) {
            sum += squared(x[cell[0]], y[cell[1]]);
        }
        return sum;
    }

    private static double pathCost(double[] x, double[] y, WarpingPath path) {
        double sum = 0.0;
        for (int k = 0; k < path.length(); k++) {
            sum += squared(x[path.row(k)], y[path.column(k)]);
        }
        return sum;
    }

    private static double[] randomSequence(Random random, int length) {
        double[] s = new double[length];
        for (int i = 0; i < length; i++) {
            // A coarse grid of values makes ties between paths common, so the tie-breaking is exercised too.
            s[i] = random.nextInt(3) == 0 ? random.nextInt(4) : random.nextGaussian() * 3.0;
        }
        return s;
    }

    private static long delannoy(int a, int b) {
        return a == 0 || b == 0 ? 1 : delannoy(a - 1, b) + delannoy(a, b - 1) + delannoy(a - 1, b - 1);
    }

    @Test
    void dynamicProgrammeEqualsTheMinimumOverAllPaths() {
        Random random = new Random(0xD7A1L);
        for (int n = 1; n <= 5; n++) {
            for (int m = 1; m <= 5; m++) {
                List<List<int[]>> paths = allPaths(n, m);
                assertEquals(delannoy(n - 1, m - 1), paths.size(), "enumeration for n = " + n + ", m = " + m);
                for (int trial = 0; trial < 40; trial++) {
                    double[] x = randomSequence(random, n);
                    double[] y = randomSequence(random, m);
                    double best = Double.POSITIVE_INFINITY;
                    for (List<int[]> p : paths) {
                        best = Math.min(best, summedCost(x, y, p));
                    }
                    String where = "n = " + n + ", m = " + m + ", trial " + trial;
                    double tolerance = RELATIVE_TOLERANCE * Math.max(1.0, best);

                    DtwResult result = Dtw.align(x, y);
                    assertEquals(best, result.cost(), tolerance, where);
                    assertEquals(best, Dtw.distance(x, y), tolerance, where);
                    assertEquals(result.cost(), Dtw.distance(x, y), 0.0, "distance and align share the recurrence");

                    WarpingPath path = result.path();
                    assertValid(path, n, m, where);
                    assertEquals(result.cost(), pathCost(x, y, path), tolerance, where);
                }
            }
        }
    }

    @Test
    void tieBreakingPicksTheBackwardLexicographicallyFirstOptimalPath() {
        // Small integers make every sum exact in double, so "optimal" below is exact and ties are frequent.
        // The documented rule, walking back from (n − 1, m − 1), prefers diagonal, then (i − 1, j), then (i, j − 1);
        // that is the optimal path whose backward step sequence is first in the order diagonal < up < left.
        Random random = new Random(0x71E5L);
        for (int n = 1; n <= 5; n++) {
            for (int m = 1; m <= 5; m++) {
                List<List<int[]>> paths = allPaths(n, m);
                for (int trial = 0; trial < 40; trial++) {
                    double[] x = new double[n];
                    double[] y = new double[m];
                    for (int i = 0; i < n; i++) {
                        x[i] = random.nextInt(3);
                    }
                    for (int j = 0; j < m; j++) {
                        y[j] = random.nextInt(3);
                    }
                    double best = Double.POSITIVE_INFINITY;
                    int[] chosen = null;
                    List<int[]> chosenPath = null;
                    for (List<int[]> p : paths) {
                        double sum = summedCost(x, y, p);
                        int[] backward = backwardSteps(p);
                        if (sum < best || (sum == best && Arrays.compare(backward, chosen) < 0)) {
                            best = sum;
                            chosen = backward;
                            chosenPath = p;
                        }
                    }
                    WarpingPath got = Dtw.align(x, y).path();
                    String where = "n = " + n + ", m = " + m + ", trial " + trial + ", got " + got;
                    assertEquals(chosenPath.size(), got.length(), where);
                    for (int k = 0; k < got.length(); k++) {
                        assertEquals(chosenPath.get(k)[0], got.row(k), where);
                        assertEquals(chosenPath.get(k)[1], got.column(k), where);
                    }
                }
            }
        }
    }

    /** The steps from the end back to (0, 0), coded 0 = diagonal, 1 = (i − 1, j), 2 = (i, j − 1). */
    private static int[] backwardSteps(List<int[]> path) {
        int[] codes = new int[path.size() - 1];
        for (int k = path.size() - 1; k > 0; k--) {
            int di = path.get(k)[0] - path.get(k - 1)[0];
            int dj = path.get(k)[1] - path.get(k - 1)[1];
            codes[path.size() - 1 - k] = di == 1 && dj == 1 ? 0 : di == 1 ? 1 : 2;
        }
        return codes;
    }

    /** Re-checks the path contract here rather than trusting WarpingPath's own validation. */
    private static void assertValid(WarpingPath path, int n, int m, String where) {
        assertEquals(0, path.row(0), where);
        assertEquals(0, path.column(0), where);
        assertEquals(n - 1, path.row(path.length() - 1), where);
        assertEquals(m - 1, path.column(path.length() - 1), where);
        assertTrue(path.length() >= Math.max(n, m) && path.length() <= n + m - 1, where);
        for (int k = 1; k < path.length(); k++) {
            int di = path.row(k) - path.row(k - 1);
            int dj = path.column(k) - path.column(k - 1);
            assertTrue((di == 1 && dj == 0) || (di == 0 && dj == 1) || (di == 1 && dj == 1), where + " step " + k);
        }
    }
}
