package dev.fovea.alignment.dtw;

import dev.fovea.math.Finite;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Dynamic time warping: the classic 1-D DTW (squared cost, symmetric1, no window) in {@link #align(double[], double[])}
 * and {@link #distance(double[], double[])}, and every variant of {@link DtwOptions} (local costs, windows, step
 * patterns, open ends, multivariate DTW_D and DTW_I) in the methods taking options.
 *
 * <p>For \( x \in \mathbb{R}^n \), \( y \in \mathbb{R}^m \) and a local cost \( c(i, j) = c(x_i, y_j) \) (by default
 * \( (x_i - y_j)^2 \)), the accumulated cost is
 * \[ D(i, j) = c(i, j) + \min\{ D(i-1, j),\; D(i, j-1),\; D(i-1, j-1) \}, \qquad D(0, 0) = c(0, 0), \]
 * with out-of-range predecessors omitted (Müller 2007, eq. 4.5, 0-based). The DTW cost is \( D(n-1, m-1) \): the
 * minimum over all warping paths of the summed local cost. It is not square-rooted and not normalised by path length.
 *
 * <p>{@link #align} stores all of \( D \) (\( n m \) doubles, \( O(nm) \) time) to recover a path;
 * {@link #distance} keeps three anti-diagonals or a few rows over the shorter sequence (\( O(\min(n, m)) \) memory,
 * same time; {@link DistanceKernel} says which kernel runs). All evaluate each cell with the same floating-point
 * operations (the minimum of three is exact in any order), and swapping \( x \) and \( y \) only transposes
 * \( D \), so {@code distance(x, y)}, {@code distance(y, x)} and {@code align(x, y).cost()} are bitwise equal for the
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
     * The DTW cost alone (squared local cost, symmetric1) within a Sakoe–Chiba band \( |i - j| \le r \), in
     * \( O(\min(n, m)) \) memory and \( O(\max(n, m)\,(2r + 1)) \) time.
     *
     * @param band the band; it must admit a path: \( r \ge |n - m| \)
     * @return bitwise equal to {@code align(x, y, defaults().withWindow(band)).cost()}
     * @throws IllegalArgumentException if a sequence is empty or not finite, or the band is too narrow
     * @throws ArithmeticException      if the optimal cost overflows to \( +\infty \)
     */
    public static double distance(double[] x, double[] y, Window.SakoeChiba band) {
        return distance(x, y, band, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #distance(double[], double[], Window.SakoeChiba)}, but may stop early once the cost is known to exceed
     * {@code abandonAbove} (Rakthanmanon et al., KDD 2012, §4.2.3): when every cell of a row
     * ({@link DistanceKernel#FOUR_ROW_SCALAR}) or of two consecutive anti-diagonals
     * ({@link DistanceKernel#ANTI_DIAGONAL_SIMD}) exceeds it, every path does, and \( +\infty \) is returned.
     *
     * @param abandonAbove the cost beyond which the exact value is not needed; \( +\infty \) never abandons
     * @return the DTW cost if it is at most {@code abandonAbove}; otherwise \( +\infty \) or the exact cost
     * @throws IllegalArgumentException also if {@code abandonAbove} is NaN
     * @see DistanceKernel#active()
     */
    public static double distance(double[] x, double[] y, Window.SakoeChiba band, double abandonAbove) {
        return DistanceKernel.active().distance(x, y, band, abandonAbove);
    }

    /**
     * The DTW cost alone under the given local cost, in \( O(\min(n, m)) \) memory.
     *
     * @param localCost \( c(x_i, y_j) \), called with \( x_i \) first even when the rows run over \( x \)
     * @see #distance(double[], double[])
     */
    public static double distance(double[] x, double[] y, LocalCost localCost) {
        requireSequences(x, y, localCost);
        int wholeBand = Math.max(x.length, y.length);
        if (localCost instanceof LocalCost.Squared) {
            return requireFinite(DistanceKernel.active().cost(x, y, wholeBand, Double.POSITIVE_INFINITY), x.length,
                    y.length);
        }
        // 1-D, the Euclidean cost is |x_i - y_j| too.
        if (DistanceKernel.active() == DistanceKernel.ANTI_DIAGONAL_SIMD
                && (localCost instanceof LocalCost.Absolute || localCost instanceof LocalCost.Euclidean)) {
            return requireFinite(DistanceKernel.simd(x, y, wholeBand, true, Double.POSITIVE_INFINITY), x.length,
                    y.length);
        }
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

    /**
     * DTW of two 1-D sequences under the given options (local cost, window, step pattern, open ends).
     *
     * <p>Stores the \( n m \) local and accumulated costs (\( O(nm) \) time and memory, times the number of cells
     * the pattern's steps charge). With {@link DtwOptions#defaults()} the cost equals {@code align(x, y).cost()} and
     * the path is the same.
     *
     * @param x the query, length \( n \ge 1 \), finite; indexes the rows
     * @param y the reference, length \( m \ge 1 \), finite; indexes the columns
     * @return the cost of an optimal path under the pattern's weights, the cost divided by the pattern's normaliser,
     *         and the path (steps expanded into the cells they charge)
     * @throws IllegalArgumentException if a sequence is empty or not finite, the local cost is a given matrix, or no
     *                                  path is admissible (message starting with {@code window} or
     *                                  {@code stepPattern})
     * @throws ArithmeticException      if a local cost overflows to \( +\infty \)
     */
    public static DtwResult align(double[] x, double[] y, DtwOptions options) {
        requireSequences(x, y, LocalCost.squared());
        LocalCost localCost = pointwise(options);
        int m = y.length;
        double[] costs = new double[cellCount(x.length, m)];
        for (int cell = 0; cell < costs.length; cell++) {
            costs[cell] = localCost.between(x[cell / m], y[cell % m]);
        }
        return solve(costs, x.length, m, options);
    }

    /**
     * Dependent multivariate DTW (DTW_D, Shokoohi-Yekta et al., Data Min. Knowl. Disc. 31, 2017): one path for all
     * channels, the local cost between whole vectors \( x_i, y_j \in \mathbb{R}^d \).
     *
     * @param x \( n \times d \) (time-major: {@code x[i]} is the vector at time \( i \)), finite, \( n, d \ge 1 \)
     * @param y \( m \times d \), finite, same \( d \)
     * @see #align(double[], double[], DtwOptions)
     * @throws IllegalArgumentException also {@code "y has 3 channels at [0], x has 4"} for a dimension mismatch
     */
    public static DtwResult align(double[][] x, double[][] y, DtwOptions options) {
        return solve(vectorCosts(x, y, options), x.length, y.length, options);
    }

    /**
     * DTW over a given local-cost matrix: {@code options.localCost()} must be {@link LocalCost#given(double[][])};
     * rows play the role of \( x \), columns of \( y \).
     *
     * @throws IllegalArgumentException if the local cost is not a given matrix, or no path is admissible
     */
    public static DtwResult alignGiven(DtwOptions options) {
        if (!(options.localCost() instanceof LocalCost.Given given)) {
            throw new IllegalArgumentException("localCost must be a given matrix for alignGiven, got "
                    + options.localCost());
        }
        int m = given.columnCount();
        double[] costs = new double[cellCount(given.rowCount(), m)];
        for (int cell = 0; cell < costs.length; cell++) {
            costs[cell] = given.at(cell / m, cell % m);
        }
        return solve(costs, given.rowCount(), m, options);
    }

    /**
     * Independent multivariate DTW (DTW_I, Shokoohi-Yekta et al. 2017): the sum over channels \( k \) of the DTW cost
     * of channel \( k \) of \( x \) against channel \( k \) of \( y \), each with its own path.
     *
     * @param x \( n \times d \), time-major
     * @param y \( m \times d \)
     * @return \( \sum_k \mathrm{DTW}(x_{\cdot k}, y_{\cdot k}) \) under the options' weights (unnormalised)
     */
    public static double independentCost(double[][] x, double[][] y, DtwOptions options) {
        double sum = 0.0;
        for (DtwResult channel : alignIndependent(x, y, options)) {
            sum += channel.cost();
        }
        return sum;
    }

    /**
     * The per-channel alignments of independent multivariate DTW (DTW_I): for each channel \( k \),
     * {@link #align(double[], double[], DtwOptions)} of \( x_{\cdot k} \) against \( y_{\cdot k} \) with the same
     * options; {@link #independentCost} is the sum of their costs.
     *
     * @param x \( n \times d \), time-major
     * @param y \( m \times d \)
     * @return \( d \) results, in channel order, each with its own path
     * @throws IllegalArgumentException as {@link #align(double[][], double[][], DtwOptions)}
     */
    public static List<DtwResult> alignIndependent(double[][] x, double[][] y, DtwOptions options) {
        int d = requireVectors(x, y);
        pointwise(options);
        List<DtwResult> results = new ArrayList<>(d);
        double[] xk = new double[x.length];
        double[] yk = new double[y.length];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < x.length; i++) {
                xk[i] = x[i][k];
            }
            for (int j = 0; j < y.length; j++) {
                yk[j] = y[j][k];
            }
            results.add(align(xk, yk, options));
        }
        return List.copyOf(results);
    }

    /**
     * The accumulated-cost matrix \( D \) of {@link #align(double[][], double[][], DtwOptions)}: {@code D[i][j]} is
     * the cost of the cheapest admissible path from the start to \( (i, j) \), \( +\infty \) where no admissible
     * path reaches (outside the window, or excluded by the step pattern).
     *
     * @return an \( n \times m \) matrix
     */
    public static double[][] accumulatedCost(double[][] x, double[][] y, DtwOptions options) {
        double[] costs = vectorCosts(x, y, options);
        int n = x.length;
        int m = y.length;
        requireSolvable(costs, n, m, options);
        double[] accumulated = new double[n * m];
        accumulate(costs, n, m, options, accumulated, new byte[n * m]);
        double[][] matrix = new double[n][m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(accumulated, i * m, matrix[i], 0, m);
        }
        return matrix;
    }

    private static final byte UNREACHED = -2;
    private static final byte START = -1;

    /** The n·m pointwise costs between time-major vectors, after checking the inputs. */
    private static double[] vectorCosts(double[][] x, double[][] y, DtwOptions options) {
        requireVectors(x, y);
        LocalCost localCost = pointwise(options);
        int m = y.length;
        double[] costs = new double[cellCount(x.length, m)];
        for (int cell = 0; cell < costs.length; cell++) {
            costs[cell] = localCost.between(x[cell / m], y[cell % m]);
        }
        return costs;
    }

    /** Rejects overflowed local costs and a window that cannot fit the lengths, before any accumulation. */
    private static void requireSolvable(double[] costs, int n, int m, DtwOptions options) {
        requireFiniteCosts(costs, m);
        options.window().requireFits(n, m, options.openBegin() || options.openEnd());
    }

    private static DtwResult solve(double[] costs, int n, int m, DtwOptions options) {
        requireSolvable(costs, n, m, options);
        double[] accumulated = new double[n * m];
        byte[] choice = new byte[n * m];
        accumulate(costs, n, m, options, accumulated, choice);
        StepPattern.Normalization normalization = options.stepPattern().normalization();
        int last = (n - 1) * m;
        int end = -1;
        double bestNormalized = Double.POSITIVE_INFINITY;
        for (int j = options.openEnd() ? 0 : m - 1; j < m; j++) {
            if (choice[last + j] == UNREACHED) {
                continue;
            }
            double normalized = accumulated[last + j] / normaliser(normalization, n, j);
            if (end < 0 || normalized < bestNormalized) {
                end = j;
                bestNormalized = normalized;
            }
        }
        if (end < 0) {
            String field = options.window() instanceof Window.None ? "stepPattern" : "window";
            throw new IllegalArgumentException(field + " admits no warping path: " + options.stepPattern().name()
                    + " steps within " + options.window() + " cannot reach row " + (n - 1)
                    + (options.openEnd() ? "" : " at column " + (m - 1)) + " for n = " + n + ", m = " + m);
        }
        double cost = requireFinite(accumulated[last + end], n, m);
        double normalizedCost = normalization == StepPattern.Normalization.NONE ? Double.NaN
                : cost / normaliser(normalization, n, end);
        return new DtwResult(cost, normalizedCost, backtrack(choice, options.stepPattern(), m, n - 1, end));
    }

    private static double normaliser(StepPattern.Normalization normalization, int n, int endColumn) {
        return switch (normalization) {
            case NONE -> 1.0;
            case N -> n;
            case N_PLUS_M -> n + endColumn + 1.0;
        };
    }

    /**
     * Fills D and the chosen step per cell (START, a step index, or UNREACHED). A step is a candidate when its start
     * is reached and every cell it visits is in the window; a later step replaces an earlier only if strictly cheaper.
     */
    private static void accumulate(double[] costs, int n, int m, DtwOptions options, double[] accumulated,
                                   byte[] choice) {
        Window window = options.window();
        List<StepPattern.Step> steps = options.stepPattern().steps();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int cell = i * m + j;
                double best = Double.POSITIVE_INFINITY;
                byte chosen = UNREACHED;
                if (window.admits(i, j, n, m)) {
                    if (i == 0 && (j == 0 || options.openBegin())) {
                        best = costs[cell];
                        chosen = START;
                    }
                    for (int s = 0; s < steps.size(); s++) {
                        StepPattern.Step step = steps.get(s);
                        int fromRow = i - step.rowBack();
                        int fromColumn = j - step.columnBack();
                        if (fromRow < 0 || fromColumn < 0 || choice[fromRow * m + fromColumn] == UNREACHED) {
                            continue;
                        }
                        double sum = accumulated[fromRow * m + fromColumn];
                        boolean admissible = true;
                        for (int k = 0; k < step.cellCount(); k++) {
                            int r = i - step.rowBackOf(k);
                            int c = j - step.columnBackOf(k);
                            if (!window.admits(r, c, n, m)) {
                                admissible = false;
                                break;
                            }
                            sum += step.weightOf(k) * costs[r * m + c];
                        }
                        if (admissible && (chosen == UNREACHED || sum < best)) {
                            best = sum;
                            chosen = (byte) s;
                        }
                    }
                }
                accumulated[cell] = chosen == UNREACHED ? Double.POSITIVE_INFINITY : best;
                choice[cell] = chosen;
            }
        }
    }

    private static WarpingPath backtrack(byte[] choice, StepPattern pattern, int m, int endRow, int endColumn) {
        List<StepPattern.Step> steps = pattern.steps();
        int[] rows = new int[16];
        int[] columns = new int[16];
        int count = 0;
        int i = endRow;
        int j = endColumn;
        while (true) {
            byte chosen = choice[i * m + j];
            if (chosen == START) {
                if (count + 1 > rows.length) {
                    rows = java.util.Arrays.copyOf(rows, 2 * rows.length);
                    columns = java.util.Arrays.copyOf(columns, 2 * columns.length);
                }
                rows[count] = i;
                columns[count] = j;
                count++;
                break;
            }
            StepPattern.Step step = steps.get(chosen);
            if (count + step.cellCount() > rows.length) {
                rows = java.util.Arrays.copyOf(rows, 2 * rows.length + step.cellCount());
                columns = java.util.Arrays.copyOf(columns, 2 * columns.length + step.cellCount());
            }
            for (int k = step.cellCount() - 1; k >= 0; k--) {
                rows[count] = i - step.rowBackOf(k);
                columns[count] = j - step.columnBackOf(k);
                count++;
            }
            i -= step.rowBack();
            j -= step.columnBack();
        }
        int[] pathRows = new int[count];
        int[] pathColumns = new int[count];
        for (int k = 0; k < count; k++) {
            pathRows[k] = rows[count - 1 - k];
            pathColumns[k] = columns[count - 1 - k];
        }
        return new WarpingPath(pathRows, pathColumns);
    }

    private static LocalCost pointwise(DtwOptions options) {
        java.util.Objects.requireNonNull(options, "options must not be null");
        if (options.localCost() instanceof LocalCost.Given) {
            throw new IllegalArgumentException(
                    "localCost is a given matrix; call Dtw.alignGiven(options) instead of passing sequences");
        }
        return options.localCost();
    }

    private static int cellCount(int n, int m) {
        // The largest array length every JVM grants is a few below Integer.MAX_VALUE.
        if ((long) n * m > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("align stores n·m accumulated costs, but x has " + n
                    + " entries and y has " + m + " (" + (long) n * m + " cells)");
        }
        return n * m;
    }

    private static void requireFiniteCosts(double[] costs, int m) {
        for (int cell = 0; cell < costs.length; cell++) {
            if (!Double.isFinite(costs[cell])) {
                throw new ArithmeticException("localCost overflowed to " + costs[cell] + " at [" + cell / m + ", "
                        + cell % m + "]; rescale the sequences");
            }
        }
    }

    /** Checks n × d and m × d time-major vectors; returns d. */
    private static int requireVectors(double[][] x, double[][] y) {
        Finite.check("x", x);
        Finite.check("y", y);
        if (x.length == 0) {
            throw new IllegalArgumentException("x must have at least one entry, got length 0");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("y must have at least one entry, got length 0");
        }
        int d = x[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("x must have at least one channel, got 0 at [0]");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("x has " + x[i].length + " channels at [" + i + "], " + d
                        + " at [0]");
            }
        }
        for (int j = 0; j < y.length; j++) {
            if (y[j].length != d) {
                throw new IllegalArgumentException("y has " + y[j].length + " channels at [" + j + "], x has " + d);
            }
        }
        return d;
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

    static void requireSequences(double[] x, double[] y, LocalCost localCost) {
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

    static double requireFinite(double cost, int n, int m) {
        if (cost == Double.POSITIVE_INFINITY) {
            throw new ArithmeticException("DTW cost of x (length " + n + ") and y (length " + m
                    + ") overflowed to Infinity: every warping path sums to more than Double.MAX_VALUE;"
                    + " rescale the sequences");
        }
        return cost;
    }
}
