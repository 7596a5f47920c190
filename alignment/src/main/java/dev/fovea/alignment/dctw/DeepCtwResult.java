package dev.fovea.alignment.dctw;

import dev.fovea.alignment.cca.CcaResult;
import dev.fovea.alignment.dtw.WarpingPath;

/**
 * The outcome of {@link DeepCanonicalTimeWarping#align}.
 *
 * @param path        the final warping path of \( x \) (rows) against \( y \) (columns)
 * @param cost        the DTW cost of the final path: \( \sum_{(i,j) \in \text{path}} \|g_x(x_i) - g_y(y_j)\|^2 \) with
 *                    \( g \) the returned projections
 * @param iterations  the alternations run, \( 1 \le \) iterations \( \le \) {@code maxIterations}
 * @param alignmentCost per iteration, the DTW cost of the path it found (length {@code iterations}); not guaranteed
 *                    to decrease, since the networks change the space the cost is measured in
 * @param correlation per iteration, the total canonical correlation \( \sum_c \rho_c \le k \) of the trained
 *                    networks' outputs on the frames the previous path pairs (the ones they were trained on), as
 *                    measured by the linear CCA that defines the projections
 * @param stop        why the alternation ended
 * @param cca         the final linear CCA on the network outputs (set 0 is \( x \), set 1 is \( y \))
 * @param x           \( x \)'s learned map (network + CCA), valid while the caller's manager is open
 * @param y           \( y \)'s learned map
 */
public record DeepCtwResult(WarpingPath path, double cost, int iterations, double[] alignmentCost,
        double[] correlation, Stop stop, CcaResult cca, DeepProjection x, DeepProjection y) {

    /** Why the alternation stopped. */
    public enum Stop {
        /** The path moved by at most {@link DeepCtwOptions#pathTolerance()} frames from the previous one. */
        PATH_CONVERGED,
        /** {@link DeepCtwOptions#maxIterations()} alternations ran. */
        MAX_ITERATIONS
    }

    /** Copies the arrays in. */
    public DeepCtwResult {
        alignmentCost = alignmentCost.clone();
        correlation = correlation.clone();
    }

    /** A copy of the DTW cost per iteration. */
    @Override
    public double[] alignmentCost() {
        return alignmentCost.clone();
    }

    /** A copy of the total canonical correlation per iteration. */
    @Override
    public double[] correlation() {
        return correlation.clone();
    }
}
