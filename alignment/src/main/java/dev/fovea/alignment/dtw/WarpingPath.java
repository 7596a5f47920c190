package dev.fovea.alignment.dtw;

import java.util.Arrays;
import java.util.Objects;

/**
 * A warping path: the cells \( (i_k, j_k) \), \( k = 0, \dots, L - 1 \), that pair \( x_{i_k} \) with \( y_{j_k} \).
 *
 * <p>Every instance starts in row 0, \( i_0 = 0 \), and is monotone: each step \( (i_{k+1} - i_k,\; j_{k+1} - j_k) \)
 * has both components \( \ge 0 \) and is not \( (0, 0) \). A path from a closed-begin alignment starts at
 * \( (0, 0) \); one from an open begin may start at any \( (0, j_0) \). Paths of the symmetric patterns and the
 * Sakoe–Chiba P-families only take the unit steps \( (1, 0), (0, 1), (1, 1) \) ({@link #isContinuous()}); the
 * asymmetric pattern may jump over columns with a step \( (1, 2) \). The last cell fixes
 * \( n = i_{L-1} + 1 \) ({@link #rowCount()}) and \( m' = j_{L-1} + 1 \) ({@link #columnCount()}; with an open end
 * \( m' \le m \)). Use {@link #of(int, int, int[], int[])} to also require the closed start and end.
 *
 * <p>The arrays are copied in and out, so an instance is immutable and thread-safe; {@link #row(int)} and
 * {@link #column(int)} read without copying.
 *
 * @param rows    \( i_k \), the indices into \( x \)
 * @param columns \( j_k \), the indices into \( y \), same length as {@code rows}
 */
public record WarpingPath(int[] rows, int[] columns) {

    /** One cell \( (i, j) \) of a path: {@code row} indexes \( x \), {@code column} indexes \( y \). */
    public record Cell(int row, int column) {
    }

    /**
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if the arrays differ in length or are empty, the path does not start in
     *                                  row 0 at a column \( \ge 0 \), or a step goes back or stands still; the
     *                                  message names the step and its cells
     */
    public WarpingPath {
        Objects.requireNonNull(rows, "rows must not be null");
        Objects.requireNonNull(columns, "columns must not be null");
        rows = rows.clone();
        columns = columns.clone();
        if (rows.length != columns.length) {
            throw new IllegalArgumentException("rows has " + rows.length + " entries, columns has " + columns.length);
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("a warping path must have at least one cell, got 0");
        }
        if (rows[0] != 0 || columns[0] < 0) {
            throw new IllegalArgumentException(
                    "a warping path must start at (0, j) with j >= 0, got (" + rows[0] + ", " + columns[0] + ")");
        }
        for (int k = 1; k < rows.length; k++) {
            int di = rows[k] - rows[k - 1];
            int dj = columns[k] - columns[k - 1];
            if (di < 0 || dj < 0 || di + dj == 0) {
                throw new IllegalArgumentException("step " + (k - 1) + " of the warping path goes from ("
                        + rows[k - 1] + ", " + columns[k - 1] + ") to (" + rows[k] + ", " + columns[k]
                        + "), a step of (" + di + ", " + dj + "); steps must not go back or stand still");
            }
        }
    }

    /**
     * A path that must align all of sequences of lengths {@code n} and {@code m}: start at \( (0, 0) \) and end at
     * \( (n - 1, m - 1) \).
     *
     * @throws IllegalArgumentException as the canonical constructor does, or if the path starts or ends elsewhere
     */
    public static WarpingPath of(int n, int m, int[] rows, int[] columns) {
        WarpingPath path = new WarpingPath(rows, columns);
        if (path.columns[0] != 0) {
            throw new IllegalArgumentException("a warping path for n = " + n + ", m = " + m
                    + " must start at (0, 0), got (0, " + path.columns[0] + ")");
        }
        if (path.rowCount() != n || path.columnCount() != m) {
            throw new IllegalArgumentException("a warping path for n = " + n + ", m = " + m + " must end at ("
                    + (n - 1) + ", " + (m - 1) + "), got (" + (path.rowCount() - 1) + ", "
                    + (path.columnCount() - 1) + ")");
        }
        return path;
    }

    /** A copy of \( i_0, \dots, i_{L-1} \). */
    @Override
    public int[] rows() {
        return rows.clone();
    }

    /** A copy of \( j_0, \dots, j_{L-1} \). */
    @Override
    public int[] columns() {
        return columns.clone();
    }

    /** The number of cells \( L \). */
    public int length() {
        return rows.length;
    }

    /** The cell \( (i_k, j_k) \), {@code 0 <= k < length()}. */
    public Cell cell(int k) {
        return new Cell(rows[k], columns[k]);
    }

    /** \( i_k \), without copying. */
    public int row(int k) {
        return rows[k];
    }

    /** \( j_k \), without copying. */
    public int column(int k) {
        return columns[k];
    }

    /** Whether every step is \( (1, 0) \), \( (0, 1) \) or \( (1, 1) \), i.e. no column is skipped. */
    public boolean isContinuous() {
        for (int k = 1; k < rows.length; k++) {
            if (rows[k] - rows[k - 1] > 1 || columns[k] - columns[k - 1] > 1) {
                return false;
            }
        }
        return true;
    }

    /** \( n = i_{L-1} + 1 \), the length of \( x \) this path aligns. */
    public int rowCount() {
        return rows[rows.length - 1] + 1;
    }

    /** \( m = j_{L-1} + 1 \), the length of \( y \) this path aligns. */
    public int columnCount() {
        return columns[columns.length - 1] + 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WarpingPath that
                && Arrays.equals(rows, that.rows) && Arrays.equals(columns, that.columns);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rows) + Arrays.hashCode(columns);
    }

    /** The cells in order, e.g. {@code WarpingPath[(0, 0), (1, 0), (2, 1)]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("WarpingPath[");
        for (int k = 0; k < rows.length; k++) {
            text.append(k == 0 ? "(" : ", (").append(rows[k]).append(", ").append(columns[k]).append(')');
        }
        return text.append(']').toString();
    }
}
