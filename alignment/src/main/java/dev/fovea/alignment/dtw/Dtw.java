package dev.fovea.alignment.dtw;

import dev.fovea.math.Finite;
import java.util.Objects;

/**
 * Dynamic time warping of two 1-D sequences with the symmetric1 step pattern and no window.
 *
 * <p>For \( x \in \mathbb{R}^n \), \( y \in \mathbb{R}^m \) and a local cost \( c(i, j) = c(x_i, y_j) \) (by default
 * \( (x_i - y_j)^2 \)), the accumulated cost is
 * \[ D(i, j) = c(i, j) + \min\{ D(i-1, j),\; D(i, j-1),\; D(i-1, j-1) \}, \qquad D(0, 0) = c(0, 0), \]
 * with out-of-range predecessors omitted (Müller 2007, eq. 4.5, 0-based). The DTW cost is \( D(n-1, m-1) \): the
 * minimum over all warping paths of the summed local cost. It is not square-rooted and not normalised by path length.
 *
 * <p>{@link #align} stores all of \( D \) (\( n m \) doubles, \( O(nm) \) time) to recover a path;
 * {@link #distance} keeps two rows over the shorter sequence (\( O(\min(n, m)) \) memory, same time). Both evaluate
 * the recurrence with the same floating-point operations, and swapping \( x \) and \( y \) only transposes \( D \),
 * so {@code distance(x, y)}, {@code distance(y, x)} and {@code align(x, y).cost()} are bitwise equal for the
 * squared cost.
 *
 * <p><b>Ties.</b> When several predecessors attain the minimum, the path prefers the diagonal \( (i-1, j-1) \), then
 * \( (i-1, j) \) (advance in \( x \) only), then \( (i, j-1) \) (advance in \( y \) only). The result is therefore
 * deterministic, and among equally cheap paths it favours fewer, diagonal steps.
 *
 * <p><b>Errors.</b> Null, empty or non-finite sequences are rejected before any work
 * ({@code "x must be finite, got NaN at [3]"}). If the local costs overflow so that the optimal cost is
 * \( +\infty \) (e.g. \( |x_i - y_j| &gt; 10^{154} \) along every path), an {@link ArithmeticException} is thrown
 * rather than returning a meaningless infinite cost.
 *
 * <p>Stateless and thread-safe.
 */
public final class Dtw {

    private Dtw() {
    }

    /**
     * The DTW cost and an optimal path under the squared local cost \( (x_i - y_j)^2 \).
     *
     * @param x the first sequence, length \( n \ge 1 \), finite; indexes the path's rows
     * @param y the second sequence, length \( m \ge 1 \), finite; indexes the path's columns
     * @return the cost \( D(n - 1, m - 1) \) and a path from \( (0, 0) \) to \( (n - 1, m - 1) \), ties broken as in
     *         the class comment
     * @throws NullPointerException     if a sequence is null
     * @throws IllegalArgumentException if a sequence is empty or not finite, or \( n m \) cells do not fit in one array
     * @throws ArithmeticException      if the optimal cost overflows to \( +\infty \)
     */
    public static DtwResult align(double[] x, double[] y) {
        return align(x, y, LocalCost.squared());
    }

    /**
     * The DTW cost and an optimal path under the given local cost.
     *
     * @param localCost \( c(x_i, y_j) \), called with \( x_i \) first
     * @see #align(double[], double[])
     */
    public static DtwResult align(double[] x, double[] y, LocalCost localCost) {
        requireSequences(x, y, localCost);
        int n = x.length;
        int m = y.length;
        // The largest array length every JVM grants is a few below Integer.MAX_VALUE.
        if ((long) n * m > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("align stores n·m accumulated costs, but x has " + n + " entries and y has "
                    + m + " (" + (long) n * m + " cells); use distance, which needs O(min(n, m)) memory");
        }
        double[] accumulated = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double local = localCost.between(x[i], y[j]);
                int cell = i * m + j;
                if (i == 0 && j == 0) {
                    accumulated[cell] = local;
                } else if (i == 0) {
                    accumulated[cell] = local + accumulated[cell - 1];
                } else if (j == 0) {
                    accumulated[cell] = local + accumulated[cell - m];
                } else {
                    accumulated[cell] = local + cheapest(accumulated[cell - m - 1], accumulated[cell - m],
                            accumulated[cell - 1]);
                }
            }
        }
        double cost = requireFinite(accumulated[n * m - 1], n, m);
        return new DtwResult(cost, backtrack(accumulated, n, m));
    }

    /**
     * The DTW cost alone under the squared local cost, in \( O(\min(n, m)) \) memory.
     *
     * @return \( D(n - 1, m - 1) \), bitwise equal to {@code align(x, y).cost()}
     * @throws NullPointerException     if a sequence is null
     * @throws IllegalArgumentException if a sequence is empty or not finite
     * @throws ArithmeticException      if the optimal cost overflows to \( +\infty \)
     */
    public static double distance(double[] x, double[] y) {
        return distance(x, y, LocalCost.squared());
    }

    /**
     * The DTW cost alone under the given local cost, in \( O(\min(n, m)) \) memory.
     *
     * @param localCost \( c(x_i, y_j) \), called with \( x_i \) first even when the rows run over \( x \)
     * @see #distance(double[], double[])
     */
    public static double distance(double[] x, double[] y, LocalCost localCost) {
        requireSequences(x, y, localCost);
        // Rows run over the shorter sequence; when that is x we sweep the transpose of D, which has the same
        // recurrence because the three predecessors are a symmetric set.
        boolean rowsOverY = y.length <= x.length;
        int outerLength = rowsOverY ? x.length : y.length;
        int rowLength = rowsOverY ? y.length : x.length;
        double[] previous = new double[rowLength];
        double[] current = new double[rowLength];
        for (int outer = 0; outer < outerLength; outer++) {
            for (int k = 0; k < rowLength; k++) {
                double local = rowsOverY ? localCost.between(x[outer], y[k]) : localCost.between(x[k], y[outer]);
                if (outer == 0 && k == 0) {
                    current[k] = local;
                } else if (outer == 0) {
                    current[k] = local + current[k - 1];
                } else if (k == 0) {
                    current[k] = local + previous[k];
                } else {
                    current[k] = local + cheapest(previous[k - 1], previous[k], current[k - 1]);
                }
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return requireFinite(previous[rowLength - 1], x.length, y.length);
    }

    private static double cheapest(double diagonal, double fromAbove, double fromLeft) {
        return Math.min(diagonal, Math.min(fromAbove, fromLeft));
    }

    /** Walks back from (n−1, m−1) along minimal predecessors, preferring diagonal, then (i−1, j), then (i, j−1). */
    private static WarpingPath backtrack(double[] accumulated, int n, int m) {
        int[] rows = new int[n + m - 1];
        int[] columns = new int[n + m - 1];
        int i = n - 1;
        int j = m - 1;
        int last = rows.length - 1;
        int k = last;
        rows[k] = i;
        columns[k] = j;
        while (i > 0 || j > 0) {
            if (i == 0) {
                j--;
            } else if (j == 0) {
                i--;
            } else {
                double diagonal = accumulated[(i - 1) * m + j - 1];
                double fromAbove = accumulated[(i - 1) * m + j];
                double fromLeft = accumulated[i * m + j - 1];
                if (diagonal <= fromAbove && diagonal <= fromLeft) {
                    i--;
                    j--;
                } else if (fromAbove <= fromLeft) {
                    i--;
                } else {
                    j--;
                }
            }
            k--;
            rows[k] = i;
            columns[k] = j;
        }
        int length = last - k + 1;
        int[] pathRows = new int[length];
        int[] pathColumns = new int[length];
        System.arraycopy(rows, k, pathRows, 0, length);
        System.arraycopy(columns, k, pathColumns, 0, length);
        return WarpingPath.of(n, m, pathRows, pathColumns);
    }

    private static void requireSequences(double[] x, double[] y, LocalCost localCost) {
        Finite.check("x", x);
        Finite.check("y", y);
        Objects.requireNonNull(localCost, "localCost must not be null");
        if (x.length == 0) {
            throw new IllegalArgumentException("x must have at least one entry, got length 0");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("y must have at least one entry, got length 0");
        }
    }

    private static double requireFinite(double cost, int n, int m) {
        if (cost == Double.POSITIVE_INFINITY) {
            throw new ArithmeticException("DTW cost of x (length " + n + ") and y (length " + m
                    + ") overflowed to Infinity: every warping path sums to more than Double.MAX_VALUE;"
                    + " rescale the sequences");
        }
        return cost;
    }
}
