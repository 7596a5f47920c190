package dev.fovea.alignment.ctw;

import dev.fovea.alignment.cca.CanonicalCorrelation;
import dev.fovea.alignment.cca.CcaDimension;
import dev.fovea.alignment.cca.CcaResult;
import dev.fovea.alignment.dtw.DtwResult;
import dev.fovea.alignment.dtw.WarpingPath;
import dev.fovea.alignment.frames.Frames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Canonical time warping (Zhou &amp; De la Torre, "Canonical Time Warping for Alignment of Human Behavior",
 * NIPS 2009): the spatio-temporal alignment of two sequences that may live in different spaces.
 *
 * <p>CTW works in homogeneous coordinates (paper, §4): each sequence gets a constant row,
 * \( \hat X = \begin{pmatrix} X \\ 1^\top \end{pmatrix} \in \mathbb{R}^{(d_x + 1) \times n_x} \) (frames as columns, as
 * in the paper), likewise \( \hat Y \in \mathbb{R}^{(d_y + 1) \times n_y} \), so that the projections
 * \( \hat V_x \in \mathbb{R}^{(d_x + 1) \times k} \), \( \hat V_y \in \mathbb{R}^{(d_y + 1) \times k} \) carry a
 * translation in their last rows. It minimises (paper, eq. 6)
 * \[ J(\hat V_x, \hat V_y, W_x, W_y) = \| \hat V_x^\top \hat X W_x^\top - \hat V_y^\top \hat Y W_y^\top \|_F^2 \]
 * over warping matrices \( W_x \in \{0,1\}^{L \times n_x} \), \( W_y \in \{0,1\}^{L \times n_y} \) (a DTW path of
 * \( L \) cells) and projections under CCA's constraints
 * \( \hat V_x^\top \hat X W_x^\top W_x \hat X^\top \hat V_x = \hat V_y^\top \hat Y W_y^\top W_y \hat Y^\top \hat V_y
 * = L I \) (up to the ridge) and \( \hat V_x^\top \hat X W_x^\top W_y \hat Y^\top \hat V_y \) diagonal, by
 * alternating:
 * <ol>
 *   <li><b>initialise</b> the path by uniform time warping: \( L = \max(n_x, n_y) \) cells
 *       \( (\operatorname{round}(k (n_x - 1)/(L - 1)), \operatorname{round}(k (n_y - 1)/(L - 1))) \);</li>
 *   <li><b>spatial step</b>: the generalized eigenproblem of the uncentred second moments of the homogeneous frames
 *       paired by the path ({@link CanonicalCorrelation#fitHomogeneous}),
 *       \( \begin{pmatrix} \hat S_{xx} &amp; \hat S_{xy} \\ \hat S_{yx} &amp; \hat S_{yy} \end{pmatrix} \hat v
 *       = \lambda \begin{pmatrix} \hat S_{xx} + r_x E &amp; 0 \\ 0 &amp; \hat S_{yy} + r_y E \end{pmatrix} \hat v \),
 *       \( \hat S_{xy} = \tfrac1L \hat X W_x^\top W_y \hat Y^\top \), the ridge \( E = \operatorname{diag}(1, \dots,
 *       1, 0) \) sparing the constant coordinate. The constant pair (both projections the constant 1, correlation 1,
 *       zero cost on every path) is an exact eigenvector that carries no information about the alignment; it is
 *       excluded by solving in the \( \hat D \)-orthogonal complement of the constant coordinates, where the other
 *       eigenvectors lie. The number \( k \) of kept components is chosen by the energy rule at the first
 *       iteration and then kept fixed (paper, §4.3), so that \( J \) stays comparable across iterations;</li>
 *   <li><b>temporal step</b>: DTW ({@link CostMatrixDtw}) of the projected sequences \( \hat V_x^\top \hat x_i \),
 *       \( \hat V_y^\top \hat y_j \) under the squared Euclidean cost, whose value is \( J \) for the new path.</li>
 * </ol>
 * The loop stops when the path moves by at most {@link CtwOptions#pathTolerance()} frames
 * ({@link PathDeviation#between}), after {@link CtwOptions#maxIterations()} iterations, or when an iteration would
 * increase \( J \) — that iteration is discarded, so the reported objective is non-increasing. (The temporal step
 * never increases \( J \), but CCA's constraints depend on the path, so the spatial step can; Zhou &amp; De la Torre
 * stop on the change of \( J \) for the same reason.)
 *
 * <p><b>Translation.</b> A translation \( x \mapsto x + b \) changes only the last row of \( \hat V_x \) (by
 * \( -b^\top V_x \)), so the projected sequences, the path and \( J \) are unchanged, with any ridge \( r \) (the
 * ridge does not touch the constant coordinate). An invertible linear map \( x \mapsto A x \) changes
 * \( V_x \mapsto A^{-\top} V_x \) with the same projections when \( r = 0 \).
 *
 * <p>Unlike tslearn's {@code ctw} (whose convergence test compares a path with itself, so it always stops after one
 * iteration and equals DTW), the path here is compared with the previous iteration's.
 *
 * <p>Cost per iteration: \( O(L (d_x + d_y + 2)^2 + (d_x + d_y)^3 + n_x n_y k) \). Thread-safe: static.
 */
public final class CanonicalTimeWarping {

    private CanonicalTimeWarping() {
    }

    /**
     * Aligns \( x \) and \( y \).
     *
     * @param x       \( n_x \times d_x \), finite; \( n_x + n_y \ge 3 \)
     * @param y       \( n_y \times d_y \), finite; \( d_y \) may differ from \( d_x \)
     * @param options iterations, energy, regularisation, tolerance
     * @return the path, its cost, and the objective per iteration
     * @throws IllegalArgumentException if a sequence is empty, ragged or not finite, or both have one frame
     * @throws dev.fovea.math.linalg.NotPositiveDefiniteException if CCA's covariance is singular (constant or
     *                                  collinear channels with {@code regularization} 0)
     */
    public static CtwResult align(double[][] x, double[][] y, CtwOptions options) {
        Frames.require("x", x);
        Frames.require("y", y);
        Objects.requireNonNull(options, "options must not be null");
        if (Math.max(x.length, y.length) < 2) {
            throw new IllegalArgumentException("x and y must not both have a single frame: CCA needs at least 2 pairs");
        }
        WarpingPath path = uniformTimeWarping(x.length, y.length);
        CcaDimension dimension = CcaDimension.energy(options.energy());
        List<Double> objective = new ArrayList<>();
        CcaResult cca = null;
        double cost = Double.NaN;
        CtwResult.Stop stop = CtwResult.Stop.MAX_ITERATIONS;
        for (int iteration = 1; iteration <= options.maxIterations(); iteration++) {
            CcaResult nextCca = CanonicalCorrelation.fitHomogeneous(
                    List.of(gather(x, path, true), gather(y, path, false)), options.regularization(), dimension);
            DtwResult dtw = CostMatrixDtw.align(Frames.squaredDistances(nextCca.project(0, x), nextCca.project(1, y)));
            if (iteration > 1 && dtw.cost() > cost) {
                stop = CtwResult.Stop.OBJECTIVE_INCREASED;
                break;
            }
            dimension = CcaDimension.fixed(nextCca.components());
            double moved = PathDeviation.between(dtw.path(), path);
            cca = nextCca;
            cost = dtw.cost();
            objective.add(cost);
            path = dtw.path();
            if (moved <= options.pathTolerance()) {
                stop = CtwResult.Stop.PATH_CONVERGED;
                break;
            }
        }
        double[] j = objective.stream().mapToDouble(Double::doubleValue).toArray();
        return new CtwResult(path, cost, j.length, j, stop, cca);
    }

    /** The uniform-time-warping path of \( \max(n, m) \) cells from (0, 0) to (n − 1, m − 1). */
    public static WarpingPath uniformTimeWarping(int n, int m) {
        if (n < 1 || m < 1) {
            throw new IllegalArgumentException("lengths must be >= 1, got n = " + n + ", m = " + m);
        }
        int length = Math.max(n, m);
        int[] rows = new int[length];
        int[] columns = new int[length];
        for (int k = 0; k < length; k++) {
            double t = length == 1 ? 0 : (double) k / (length - 1);
            rows[k] = (int) Math.round(t * (n - 1));
            columns[k] = (int) Math.round(t * (m - 1));
        }
        return WarpingPath.of(n, m, rows, columns);
    }

    private static double[][] gather(double[][] s, WarpingPath path, boolean rows) {
        double[][] out = new double[path.length()][];
        for (int k = 0; k < path.length(); k++) {
            out[k] = s[rows ? path.row(k) : path.column(k)];
        }
        return out;
    }
}
