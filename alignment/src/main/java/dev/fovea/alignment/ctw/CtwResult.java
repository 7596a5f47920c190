package dev.fovea.alignment.ctw;

import dev.fovea.alignment.cca.CcaResult;
import dev.fovea.alignment.dtw.WarpingPath;

/**
 * The outcome of {@link CanonicalTimeWarping#align}.
 *
 * @param path       the final warping path of \( x \) (rows) against \( y \) (columns)
 * @param cost       \( J \) of the final iteration: \( \sum_{(i,j) \in \text{path}} \| \hat V_x^\top \hat x_i
 *                   - \hat V_y^\top \hat y_j \|^2 \), \( \hat x = (x, 1) \)
 * @param iterations the accepted iterations, \( 1 \le \) iterations \( \le \) {@code maxIterations}
 * @param objective  \( J \) after each accepted iteration (length {@code iterations}), non-increasing
 * @param stop       why the loop ended
 * @param cca        the final spatial projections (set 0 is \( x \), set 1 is \( y \)); the homogeneous
 *                   \( \hat V \) are {@link CcaResult#homogeneousProjection}
 */
public record CtwResult(WarpingPath path, double cost, int iterations, double[] objective, Stop stop, CcaResult cca) {

    /** Why the alternation stopped. */
    public enum Stop {
        /** The path moved by at most {@link CtwOptions#pathTolerance()} frames. */
        PATH_CONVERGED,
        /** The next iteration would have increased \( J \); it was discarded. */
        OBJECTIVE_INCREASED,
        /** {@link CtwOptions#maxIterations()} iterations ran. */
        MAX_ITERATIONS
    }

    /** Copies the objective in. */
    public CtwResult {
        objective = objective.clone();
    }

    /** A copy of the objective per iteration. */
    @Override
    public double[] objective() {
        return objective.clone();
    }
}
