package dev.fovea.alignment.dtw;

import java.util.Arrays;

/**
 * The DTW cost alone (squared local cost, symmetric1, Sakoe–Chiba band) swept four rows at a time in plain scalar
 * Java: the kernel of {@link DistanceKernel#FOUR_ROW_SCALAR}, used when the Vector API is not in the JVM.
 *
 * <p>\( O(\min(n, m)) \) memory; bitwise equal to {@link Dtw#align(double[], double[], DtwOptions)} with the band.
 * Stateless and thread-safe.
 */
final class FourRowSweep {

    private FourRowSweep() {
    }

    /**
     * Rows over the longer sequence, columns over the shorter (the band is symmetric under transposition), four rows
     * at a time. Columns are shifted by one so that index 0 and the cells just outside the band hold +∞ sentinels
     * and the inner loops have no branch; the virtual cell (−1, −1) holds 0 so that D(0, 0) = c(0, 0).
     *
     * <p>Each cell depends on its left neighbour, so one row is a chain of dependent add–min operations. Rows
     * i, …, i + 3 are therefore swept together, each one column behind the previous: the four chains are independent
     * and the core overlaps them. The columns where not all four rows are inside the band are swept row by row
     * before and after. Every cell still gets exactly c + min(diagonal, above, left), so the result is bitwise that
     * of {@link Dtw#align(double[], double[])}.
     */
    static double cost(double[] rows, double[] columns, int radiusCells, double abandonAbove) {
        int n = rows.length;
        int m = columns.length;
        int r = Math.min(radiusCells, n);
        double[] previous = new double[m + 2];
        double[] a = new double[m + 2];
        double[] b = new double[m + 2];
        double[] c = new double[m + 2];
        double[] d = new double[m + 2];
        Arrays.fill(previous, Double.POSITIVE_INFINITY);
        previous[0] = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            int loA = Math.max(0, i - r);
            int loB = Math.max(0, i + 1 - r);
            int loC = Math.max(0, i + 2 - r);
            int loD = Math.max(0, i + 3 - r);
            int hiA = Math.min(m - 1, i + r);
            int hiB = Math.min(m - 1, i + 1 + r);
            int hiC = Math.min(m - 1, i + 2 + r);
            int hiD = Math.min(m - 1, i + 3 + r);
            sentinels(a, loA, hiA, m);
            sentinels(b, loB, hiB, m);
            sentinels(c, loC, hiC, m);
            sentinels(d, loD, hiD, m);
            // Fused columns t: row A at t, B at t − 1, C at t − 2, D at t − 3, all inside their bands.
            int start = Math.max(Math.max(loA + 1, loB + 2), Math.max(loC + 3, loD + 4));
            int end = Math.min(Math.min(hiA + 1, hiB + 2), Math.min(hiC + 3, hiD + 4));
            if (start > end) {
                start = hiA + 2;
                end = hiA + 1;
            }
            double xa = rows[i];
            double xb = rows[i + 1];
            double xc = rows[i + 2];
            double xd = rows[i + 3];
            double minimumA = sweep(xa, columns, previous, a, loA + 1, start - 1);
            double minimumB = sweep(xb, columns, a, b, loB + 1, start - 2);
            double minimumC = sweep(xc, columns, b, c, loC + 1, start - 3);
            double minimumD = sweep(xd, columns, c, d, loD + 1, start - 4);
            if (start <= end) {
                double leftA = a[start - 1];
                double leftB = b[start - 2];
                double leftC = c[start - 3];
                double leftD = d[start - 4];
                for (int t = start; t <= end; t++) {
                    double ea = xa - columns[t - 1];
                    double eb = xb - columns[t - 2];
                    double ec = xc - columns[t - 3];
                    double ed = xd - columns[t - 4];
                    double pa = previous[t - 1] <= previous[t] ? previous[t - 1] : previous[t];
                    double pb = a[t - 2] <= a[t - 1] ? a[t - 2] : a[t - 1];
                    double pc = b[t - 3] <= b[t - 2] ? b[t - 3] : b[t - 2];
                    double pd = c[t - 4] <= c[t - 3] ? c[t - 4] : c[t - 3];
                    leftA = ea * ea + (pa <= leftA ? pa : leftA);
                    leftB = eb * eb + (pb <= leftB ? pb : leftB);
                    leftC = ec * ec + (pc <= leftC ? pc : leftC);
                    leftD = ed * ed + (pd <= leftD ? pd : leftD);
                    a[t] = leftA;
                    b[t - 1] = leftB;
                    c[t - 2] = leftC;
                    d[t - 3] = leftD;
                    minimumA = leftA <= minimumA ? leftA : minimumA;
                    minimumB = leftB <= minimumB ? leftB : minimumB;
                    minimumC = leftC <= minimumC ? leftC : minimumC;
                    minimumD = leftD <= minimumD ? leftD : minimumD;
                }
            }
            minimumA = Math.min(minimumA, sweep(xa, columns, previous, a, Math.max(end + 1, loA + 1), hiA + 1));
            minimumB = Math.min(minimumB, sweep(xb, columns, a, b, Math.max(end, loB + 1), hiB + 1));
            minimumC = Math.min(minimumC, sweep(xc, columns, b, c, Math.max(end - 1, loC + 1), hiC + 1));
            minimumD = Math.min(minimumD, sweep(xd, columns, c, d, Math.max(end - 2, loD + 1), hiD + 1));
            // One row entirely above the threshold is enough: every path crosses every row.
            if (Math.max(Math.max(minimumA, minimumB), Math.max(minimumC, minimumD)) > abandonAbove) {
                return Double.POSITIVE_INFINITY;
            }
            double[] free = previous;
            previous = d;
            d = free;
        }
        for (; i < n; i++) {
            int lo = Math.max(0, i - r);
            int hi = Math.min(m - 1, i + r);
            sentinels(a, lo, hi, m);
            if (sweep(rows[i], columns, previous, a, lo + 1, hi + 1) > abandonAbove) {
                return Double.POSITIVE_INFINITY;
            }
            double[] free = previous;
            previous = a;
            a = free;
        }
        return previous[m];
    }

    /** +∞ just left and just right of a row's band [lo, hi] (shifted indices lo and hi + 2). */
    private static void sentinels(double[] row, int lo, int hi, int m) {
        row[lo] = Double.POSITIVE_INFINITY;
        if (hi + 2 <= m + 1) {
            row[hi + 2] = Double.POSITIVE_INFINITY;
        }
    }

    /**
     * One row's shifted cells {@code from..to} (none if {@code from > to}) from the row above and the cell left of
     * {@code from}, which must already hold its value or the sentinel. Returns the smallest value written.
     */
    private static double sweep(double xi, double[] columns, double[] above, double[] out, int from, int to) {
        double left = out[from - 1];
        double minimum = Double.POSITIVE_INFINITY;
        for (int t = from; t <= to; t++) {
            double e = xi - columns[t - 1];
            double diagonal = above[t - 1];
            double straight = above[t];
            double fromAbove = diagonal <= straight ? diagonal : straight;
            left = e * e + (fromAbove <= left ? fromAbove : left);
            out[t] = left;
            minimum = left <= minimum ? left : minimum;
        }
        return minimum;
    }
}
