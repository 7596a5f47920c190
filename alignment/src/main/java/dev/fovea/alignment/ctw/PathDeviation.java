package dev.fovea.alignment.ctw;

import dev.fovea.alignment.dtw.WarpingPath;
import java.util.Objects;

/**
 * How far a warping path lies from another alignment, in frames of \( y \).
 *
 * <p>A path pairs row \( i \) (a frame of \( x \)) with one or more columns; its <i>column of row i</i>,
 * \( \hat\jmath(i) \), is the mean of those columns. The deviation of a path from a reference
 * \( j^\ast(i) \) (real-valued, e.g. a ground truth) is
 * \( \frac1n \sum_{i=0}^{n-1} | \hat\jmath(i) - j^\ast(i) | \), the mean absolute horizontal distance between the two
 * curves in the \( (i, j) \) plane. Dividing it by \( m \) makes it a fraction of \( y \)'s length, comparable
 * across lengths. This is Fovea's definition; Zhou &amp; De la Torre's papers measure the area between the paths
 * with a different normalisation, so figures are comparable in ranking only.
 *
 * <p>Thread-safe: static.
 */
public final class PathDeviation {

    private PathDeviation() {
    }

    /** \( \hat\jmath(i) \) for every row: the mean column of the path's cells in row \( i \). */
    public static double[] columnPerRow(WarpingPath path) {
        Objects.requireNonNull(path, "path must not be null");
        int n = path.rowCount();
        double[] sum = new double[n];
        int[] count = new int[n];
        for (int k = 0; k < path.length(); k++) {
            sum[path.row(k)] += path.column(k);
            count[path.row(k)]++;
        }
        for (int i = 0; i < n; i++) {
            sum[i] /= count[i];
        }
        return sum;
    }

    /**
     * \( \frac1n \sum_i | \hat\jmath(i) - j^\ast(i) | \).
     *
     * @param reference \( j^\ast(i) \), one per row of the path, finite
     * @throws IllegalArgumentException if the reference has not one entry per row of the path
     */
    public static double fromReference(WarpingPath path, double[] reference) {
        return meanAbsolute(columnPerRow(path), reference);
    }

    /**
     * \( \frac1n \sum_i | \hat\jmath(i) - j^\ast(i) | \) for any alignment given as a column per row (e.g. the
     * continuous warps of {@link dev.fovea.alignment.gtw.GtwResult#columnPerRow}).
     *
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double meanAbsolute(double[] columns, double[] reference) {
        Objects.requireNonNull(columns, "columns must not be null");
        Objects.requireNonNull(reference, "reference must not be null");
        if (reference.length != columns.length || columns.length == 0) {
            throw new IllegalArgumentException("reference has " + reference.length + " entries, columns has "
                    + columns.length);
        }
        double sum = 0;
        for (int i = 0; i < columns.length; i++) {
            sum += Math.abs(columns[i] - reference[i]);
        }
        return sum / columns.length;
    }

    /** The deviation of {@code path} from {@code reference}'s own column per row; both must align the same lengths. */
    public static double between(WarpingPath path, WarpingPath reference) {
        Objects.requireNonNull(reference, "reference must not be null");
        if (path.columnCount() != reference.columnCount()) {
            throw new IllegalArgumentException("path aligns " + path.columnCount() + " columns, reference "
                    + reference.columnCount());
        }
        return fromReference(path, columnPerRow(reference));
    }
}
