package dev.fovea.alignment.dtw;

import dev.fovea.math.Finite;
import java.util.Arrays;
import java.util.Objects;

/**
 * DTW barycenter averaging (DBA; Petitjean, Ketterlin &amp; Gançarski, Pattern Recognit. 44(3), 2011, Alg. 5): an
 * average \( \bar{s} \) of length \( L \) that locally minimises the inertia \( \sum_k \mathrm{DTW}(\bar{s}, s_k) \)
 * (classic DTW: squared cost, symmetric1, no window).
 *
 * <p>Each iteration aligns \( \bar{s} \) with every \( s_k \) ({@link Dtw#align(double[], double[])}, \( \bar{s} \)
 * as rows) and replaces \( \bar{s}_i \) by the mean of all elements paired with it. For fixed alignments that mean
 * minimises the summed squared cost, and re-aligning can only lower it, so the inertia never increases from one
 * iteration to the next (Petitjean et al. 2011, §4.3). The loop stops after {@code maxIterations} or when an
 * iteration leaves \( \bar{s} \) unchanged.
 *
 * <p>Stateless and thread-safe.
 */
public final class DtwBarycenter {

    private DtwBarycenter() {
    }

    /**
     * The DBA average.
     *
     * @param series        \( N \ge 1 \) non-empty finite sequences (lengths may differ)
     * @param initial       the starting average, length \( L \ge 1 \), finite (e.g. the medoid); not modified
     * @param maxIterations \( \ge 0 \)
     * @return the average after at most {@code maxIterations} updates, length \( L \)
     * @throws IllegalArgumentException if a sequence is empty or not finite, or {@code maxIterations < 0}
     */
    public static double[] average(double[][] series, double[] initial, int maxIterations) {
        Finite.check("series", series);
        Finite.check("initial", initial);
        if (series.length == 0) {
            throw new IllegalArgumentException("series must hold at least one sequence, got 0");
        }
        for (int k = 0; k < series.length; k++) {
            if (series[k].length == 0) {
                throw new IllegalArgumentException("series must be non-empty, got length 0 at [" + k + "]");
            }
        }
        if (initial.length == 0) {
            throw new IllegalArgumentException("initial must have at least one entry, got length 0");
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
        }
        double[] average = initial.clone();
        double[] sum = new double[average.length];
        int[] count = new int[average.length];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            Arrays.fill(sum, 0.0);
            Arrays.fill(count, 0);
            for (double[] s : series) {
                WarpingPath path = Dtw.align(average, s).path();
                for (int k = 0; k < path.length(); k++) {
                    sum[path.row(k)] += s[path.column(k)];
                    count[path.row(k)]++;
                }
            }
            double[] next = new double[average.length];
            for (int i = 0; i < next.length; i++) {
                // Every row of a closed path is visited, so count[i] ≥ 1.
                next[i] = sum[i] / count[i];
            }
            if (Arrays.equals(next, average)) {
                break;
            }
            average = next;
        }
        return average;
    }

    /**
     * The inertia \( \sum_k \mathrm{DTW}(\bar{s}, s_k) \) that DBA decreases.
     *
     * @throws NullPointerException if an argument is null
     */
    public static double inertia(double[][] series, double[] average) {
        Objects.requireNonNull(series, "series must not be null");
        double total = 0.0;
        for (double[] s : series) {
            total += Dtw.distance(average, s);
        }
        return total;
    }
}
