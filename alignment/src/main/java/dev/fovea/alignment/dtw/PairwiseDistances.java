package dev.fovea.alignment.dtw;

import dev.fovea.math.Finite;
import java.util.stream.IntStream;

/**
 * The symmetric matrix of banded DTW costs \( D_{ab} = \mathrm{DTW}_r(s_a, s_b) \) between all pairs of sequences
 * (squared local cost, symmetric1, \( |i - j| \le r \)), computed on all cores of the common fork–join pool.
 *
 * <p>Each of the \( N(N-1)/2 \) pairs is computed once by
 * {@link Dtw#distance(double[], double[], Window.SakoeChiba)}; the result is bitwise independent of the number of
 * threads. Stateless and thread-safe.
 */
public final class PairwiseDistances {

    private PairwiseDistances() {
    }

    /**
     * All pairwise costs.
     *
     * @param series      \( N \ge 1 \) non-empty finite sequences; lengths may differ by at most {@code radiusCells}
     * @param radiusCells \( r \ge 0 \)
     * @return \( N \times N \), zero diagonal, symmetric
     * @throws IllegalArgumentException if a sequence is empty or not finite, or a pair's lengths differ by more than r
     */
    public static double[][] of(double[][] series, int radiusCells) {
        Finite.check("series", series);
        Window.SakoeChiba band = Window.sakoeChiba(radiusCells);
        int count = series.length;
        for (int a = 0; a < count; a++) {
            if (series[a].length == 0) {
                throw new IllegalArgumentException("series must be non-empty, got length 0 at [" + a + "]");
            }
        }
        double[][] matrix = new double[count][count];
        IntStream.range(0, count).parallel().forEach(a -> {
            for (int b = a + 1; b < count; b++) {
                double cost = Dtw.distance(series[a], series[b], band);
                matrix[a][b] = cost;
                matrix[b][a] = cost;
            }
        });
        return matrix;
    }
}
