package dev.fovea.alignment.ctw;

import dev.fovea.alignment.dtw.DtwResult;
import dev.fovea.alignment.dtw.WarpingPath;
import dev.fovea.alignment.frames.Frames;
import java.util.Objects;

/**
 * DTW over a precomputed local-cost matrix, and multivariate DTW under the squared Euclidean cost built on it: the
 * recurrence, step pattern (symmetric1, no window) and tie-breaking of {@link dev.fovea.alignment.dtw.Dtw}, which
 * today takes 1-D sequences only.
 *
 * <p>It exists so that canonical time warping can align projected multivariate sequences now; when
 * {@code alignment.dtw} gains multivariate sequences this class should delegate to it. Thread-safe: static.
 */
public final class CostMatrixDtw {

    private static final byte START = 0;
    private static final byte DIAGONAL = 1;
    private static final byte UP = 2;
    private static final byte LEFT = 3;

    private CostMatrixDtw() {
    }

    /**
     * The cheapest path through a cost matrix: \( D(i, j) = c_{ij} + \min\{D(i-1,j-1), D(i-1,j), D(i,j-1)\} \),
     * ties broken diagonal first, then \( (i-1, j) \), then \( (i, j-1) \).
     *
     * @param cost \( n \times m \), \( n, m \ge 1 \), finite, rectangular
     * @return the cost \( D(n-1, m-1) \) and an optimal path
     * @throws IllegalArgumentException if the matrix is empty, ragged or not finite
     * @throws ArithmeticException      if the optimal cost overflows
     */
    public static DtwResult align(double[][] cost) {
        Objects.requireNonNull(cost, "cost must not be null");
        if (cost.length == 0 || cost[0] == null || cost[0].length == 0) {
            throw new IllegalArgumentException("cost must have at least one row and one column");
        }
        int n = cost.length;
        int m = cost[0].length;
        double[][] d = new double[n][m];
        // The predecessor each cell took, so the path is read off without re-comparing sums.
        byte[][] move = new byte[n][m];
        for (int i = 0; i < n; i++) {
            if (cost[i] == null || cost[i].length != m) {
                throw new IllegalArgumentException("cost row " + i + " has "
                        + (cost[i] == null ? "no" : String.valueOf(cost[i].length)) + " columns, row 0 has " + m);
            }
            for (int j = 0; j < m; j++) {
                double c = cost[i][j];
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("cost must be finite, got " + c + " at [" + i + ", " + j + "]");
                }
                byte from = predecessor(d, i, j);
                move[i][j] = from;
                d[i][j] = c + switch (from) {
                    case DIAGONAL -> d[i - 1][j - 1];
                    case UP -> d[i - 1][j];
                    case LEFT -> d[i][j - 1];
                    default -> 0.0;
                };
            }
        }
        if (d[n - 1][m - 1] == Double.POSITIVE_INFINITY) {
            throw new ArithmeticException("DTW cost overflowed to Infinity for a " + n + "×" + m + " cost matrix");
        }
        int[] rows = new int[n + m - 1];
        int[] columns = new int[n + m - 1];
        int k = rows.length;
        for (int i = n - 1, j = m - 1; ; ) {
            k--;
            rows[k] = i;
            columns[k] = j;
            byte from = move[i][j];
            if (from == START) {
                break;
            }
            if (from != LEFT) {
                i--;
            }
            if (from != UP) {
                j--;
            }
        }
        int length = rows.length - k;
        int[] pathRows = new int[length];
        int[] pathColumns = new int[length];
        System.arraycopy(rows, k, pathRows, 0, length);
        System.arraycopy(columns, k, pathColumns, 0, length);
        return new DtwResult(d[n - 1][m - 1], WarpingPath.of(n, m, pathRows, pathColumns));
    }

    /** The cheapest predecessor of (i, j), ties to the diagonal, then (i − 1, j), then (i, j − 1). */
    private static byte predecessor(double[][] d, int i, int j) {
        if (i == 0) {
            return j == 0 ? START : LEFT;
        }
        if (j == 0) {
            return UP;
        }
        double diagonal = d[i - 1][j - 1];
        double up = d[i - 1][j];
        double left = d[i][j - 1];
        if (diagonal <= up && diagonal <= left) {
            return DIAGONAL;
        }
        return up <= left ? UP : LEFT;
    }

    /**
     * Multivariate DTW under \( c_{ij} = \| x_i - y_j \|_2^2 \).
     *
     * @param x \( n \times d \), finite
     * @param y \( m \times d \), finite, same \( d \)
     * @throws IllegalArgumentException if a sequence is empty, ragged, not finite, or the dimensions differ
     */
    public static DtwResult align(double[][] x, double[][] y) {
        return align(Frames.squaredDistances(x, y));
    }
}
