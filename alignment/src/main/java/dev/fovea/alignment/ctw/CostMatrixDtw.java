package dev.fovea.alignment.ctw;

import dev.fovea.alignment.dtw.Dtw;
import dev.fovea.alignment.dtw.DtwOptions;
import dev.fovea.alignment.dtw.DtwResult;
import dev.fovea.alignment.dtw.LocalCost;

/**
 * The DTW step of the time-warping methods in this package: {@link Dtw} with its defaults (symmetric1, no window,
 * closed ends; ties broken diagonal first, then \( (i-1, j) \), then \( (i, j-1) \)) over a precomputed local-cost
 * matrix, or over multivariate sequences under the squared Euclidean cost. One DTW kernel serves all of
 * {@code alignment}; this class only names the configuration CTW, GTW and deep CTW use. Thread-safe: static.
 */
public final class CostMatrixDtw {

    private CostMatrixDtw() {
    }

    /**
     * The cheapest path through a cost matrix: \( D(i, j) = c_{ij} + \min\{D(i-1,j-1), D(i-1,j), D(i,j-1)\} \).
     *
     * @param cost \( n \times m \), \( n, m \ge 1 \), finite, rectangular
     * @return the cost \( D(n-1, m-1) \) and an optimal path
     * @throws IllegalArgumentException if the matrix is empty, ragged or not finite
     */
    public static DtwResult align(double[][] cost) {
        return Dtw.alignGiven(DtwOptions.defaults().withLocalCost(LocalCost.given(cost)));
    }

    /**
     * Multivariate DTW (dependent, one path for all channels) under \( c_{ij} = \| x_i - y_j \|_2^2 \).
     *
     * @param x \( n \times d \), finite
     * @param y \( m \times d \), finite, same \( d \)
     * @throws IllegalArgumentException if a sequence is empty, ragged, not finite, or the dimensions differ
     */
    public static DtwResult align(double[][] x, double[][] y) {
        return Dtw.align(x, y, DtwOptions.defaults());
    }
}
