package dev.fovea.attention.spatial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.fovea.math.linalg.LuDecomposition;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The thin-plate-spline grid generator (Bookstein 1989, "Principal Warps", eq. 4–6; Jaderberg et al. 2015, §3.2 and
 * the TPS experiments of §4.1): \( K \) fixed target control points \( c_k \) and \( K \) predicted source points
 * \( p_k \) define the smoothest interpolating map
 * \( f(t) = a_0 + a_x t_x + a_y t_y + \sum_k w_k\, U(\lVert t - c_k \rVert) \),
 * \( U(r) = r^2 \log r^2 \) (\( U(0) = 0 \)), with \( f(c_k) = p_k \) and \( \sum_k w_k = \sum_k w_k c_k = 0 \):
 * \( \begin{bmatrix} w \\ a \end{bmatrix} = L^{-1} \begin{bmatrix} p \\ 0 \end{bmatrix} \),
 * \( L = \begin{bmatrix} \mathcal{K} &amp; P \\ P^\top &amp; 0 \end{bmatrix} \), \( \mathcal{K}_{ij} = U(\lVert c_i - c_j
 * \rVert) \), \( P_i = (1, c_{ix}, c_{iy}) \), for each coordinate separately.
 *
 * <p>\( L^{-1} \) depends only on the control points: it is computed once in double precision, so the grid is a
 * linear function \( M p \) of the source points, \( M = [\,U(\lVert t - c_k \rVert)_k, 1, t_x, t_y\,] L^{-1}_{:, :K} \)
 * per grid size (cached). When \( p = c \) the affine part reproduces the identity exactly and \( w = 0 \): the
 * identity grid. As a {@link GridGenerator} the parameters are the source points \( (p_{1x}, p_{1y}, \dots) \),
 * \( P = 2K \).
 *
 * <p>Immutable and thread-safe.
 */
public final class ThinPlateSpline implements GridGenerator {

    private final double[][] controlPoints;
    private final double[][] inverse;
    private final Map<String, double[]> interpolation = new ConcurrentHashMap<>();

    private ThinPlateSpline(double[][] controlPoints, double[][] inverse) {
        this.controlPoints = controlPoints;
        this.inverse = inverse;
    }

    /**
     * A spline on these target control points.
     *
     * @param controlPoints \( K \ge 3 \) distinct finite points \( (x, y) \), not all on one line
     * @throws IllegalArgumentException if there are fewer than 3, one is not a finite pair, or \( L \) is singular
     *                                  (repeated or collinear points)
     */
    public static ThinPlateSpline of(double[][] controlPoints) {
        if (controlPoints == null || controlPoints.length < 3) {
            throw new IllegalArgumentException("controlPoints must hold at least 3 points, got "
                    + (controlPoints == null ? 0 : controlPoints.length));
        }
        int k = controlPoints.length;
        double[][] points = new double[k][];
        for (int i = 0; i < k; i++) {
            double[] c = controlPoints[i];
            if (c == null || c.length != 2 || !Double.isFinite(c[0]) || !Double.isFinite(c[1])) {
                throw new IllegalArgumentException("controlPoints[" + i + "] must be a finite (x, y), got "
                        + Arrays.toString(c));
            }
            points[i] = c.clone();
        }
        double[][] system = new double[k + 3][k + 3];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                system[i][j] = radial(points[i][0] - points[j][0], points[i][1] - points[j][1]);
            }
            double[] p = {1, points[i][0], points[i][1]};
            for (int a = 0; a < 3; a++) {
                system[i][k + a] = p[a];
                system[k + a][i] = p[a];
            }
        }
        return new ThinPlateSpline(points, invert(system));
    }

    /**
     * A regular \( n \times n \) lattice of control points spanning \( [-1, 1]^2 \), row-major from the top-left.
     *
     * @throws IllegalArgumentException if {@code pointsPerSide < 2}
     */
    public static ThinPlateSpline lattice(int pointsPerSide) {
        if (pointsPerSide < 2) {
            throw new IllegalArgumentException("pointsPerSide must be >= 2, got " + pointsPerSide);
        }
        double[][] points = new double[pointsPerSide * pointsPerSide][];
        for (int r = 0; r < pointsPerSide; r++) {
            for (int q = 0; q < pointsPerSide; q++) {
                points[r * pointsPerSide + q] = new double[] {-1.0 + 2.0 * q / (pointsPerSide - 1),
                        -1.0 + 2.0 * r / (pointsPerSide - 1)};
            }
        }
        return of(points);
    }

    /** A copy of the target control points \( c \), \( [K, 2] \). */
    public double[][] controlPoints() {
        double[][] copy = new double[controlPoints.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = controlPoints[i].clone();
        }
        return copy;
    }

    /**
     * \( f(t) \) for source points \( p \) at one target point.
     *
     * @param sourcePoints \( [K, 2] \), finite
     * @param x            \( t_x \)
     * @param y            \( t_y \)
     * @return \( (x^s, y^s) \)
     * @throws IllegalArgumentException if {@code sourcePoints} is not \( [K, 2] \) and finite
     */
    public double[] map(double[][] sourcePoints, double x, double y) {
        checkSourcePoints(sourcePoints);
        double[] row = weights(x, y);
        double[] out = new double[2];
        for (int k = 0; k < controlPoints.length; k++) {
            out[0] += row[k] * sourcePoints[k][0];
            out[1] += row[k] * sourcePoints[k][1];
        }
        return out;
    }

    /**
     * The grid of one set of source points.
     *
     * @param sourcePoints \( [K, 2] \), finite
     * @param height       \( H \ge 1 \)
     * @param width        \( W \ge 1 \)
     * @param alignCorners the corner convention of the target points ({@link AffineGrid#targetCoordinate})
     * @return a new \( [H, W, 2] \) array
     * @throws IllegalArgumentException if {@code sourcePoints} is not \( [K, 2] \) and finite or a size is below 1
     */
    public double[][][] grid(double[][] sourcePoints, int height, int width, boolean alignCorners) {
        SpatialArguments.positive("height", height);
        SpatialArguments.positive("width", width);
        double[][][] grid = new double[height][width][];
        for (int r = 0; r < height; r++) {
            for (int q = 0; q < width; q++) {
                grid[r][q] = map(sourcePoints, AffineGrid.targetCoordinate(q, width, alignCorners),
                        AffineGrid.targetCoordinate(r, height, alignCorners));
            }
        }
        return grid;
    }

    @Override
    public int parameterCount() {
        return 2 * controlPoints.length;
    }

    @Override
    public double[] identity() {
        double[] flat = new double[2 * controlPoints.length];
        for (int k = 0; k < controlPoints.length; k++) {
            flat[2 * k] = controlPoints[k][0];
            flat[2 * k + 1] = controlPoints[k][1];
        }
        return flat;
    }

    /** The grid \( M p \) of source points \( p \) = parameters \( [N, 2K] \); differentiable (linear in them). */
    @Override
    public NDArray grid(NDArray parameters, int height, int width, boolean alignCorners) {
        int k = controlPoints.length;
        long batch = SpatialArguments.requireParameters(parameters, 2 * k);
        SpatialArguments.positive("height", height);
        SpatialArguments.positive("width", width);
        double[] m = interpolation.computeIfAbsent(height + "x" + width + ":" + alignCorners,
                key -> interpolationMatrix(height, width, alignCorners));
        NDArray matrix = parameters.getManager().create(m, new Shape((long) height * width, k))
                .toType(parameters.getDataType(), false);
        return matrix.matMul(parameters.reshape(batch, k, 2)).reshape(batch, height, width, 2);
    }

    /** \( M \) \( [HW, K] \), row-major. */
    private double[] interpolationMatrix(int height, int width, boolean alignCorners) {
        int k = controlPoints.length;
        double[] m = new double[height * width * k];
        for (int r = 0; r < height; r++) {
            for (int q = 0; q < width; q++) {
                double[] row = weights(AffineGrid.targetCoordinate(q, width, alignCorners),
                        AffineGrid.targetCoordinate(r, height, alignCorners));
                System.arraycopy(row, 0, m, (r * width + q) * k, k);
            }
        }
        return m;
    }

    /** The row of \( M \) at target \( (x, y) \): \( [U(\lVert t - c_k \rVert)_k, 1, x, y]\, L^{-1}_{:, :K} \). */
    private double[] weights(double x, double y) {
        int k = controlPoints.length;
        double[] features = new double[k + 3];
        for (int j = 0; j < k; j++) {
            features[j] = radial(x - controlPoints[j][0], y - controlPoints[j][1]);
        }
        features[k] = 1;
        features[k + 1] = x;
        features[k + 2] = y;
        double[] row = new double[k];
        for (int j = 0; j < k; j++) {
            double s = 0.0;
            for (int i = 0; i < k + 3; i++) {
                s += features[i] * inverse[i][j];
            }
            row[j] = s;
        }
        return row;
    }

    private void checkSourcePoints(double[][] sourcePoints) {
        if (sourcePoints == null || sourcePoints.length != controlPoints.length) {
            throw new IllegalArgumentException("sourcePoints must hold " + controlPoints.length + " points, got "
                    + (sourcePoints == null ? 0 : sourcePoints.length));
        }
        for (int i = 0; i < sourcePoints.length; i++) {
            double[] p = sourcePoints[i];
            if (p == null || p.length != 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                throw new IllegalArgumentException(
                        "sourcePoints[" + i + "] must be a finite (x, y), got " + Arrays.toString(p));
            }
        }
    }

    /** \( U(r) = r^2 \log r^2 \), 0 at \( r = 0 \). */
    private static double radial(double dx, double dy) {
        double r2 = dx * dx + dy * dy;
        return r2 == 0.0 ? 0.0 : r2 * Math.log(r2);
    }

    /**
     * \( A^{-1} \) by {@link LuDecomposition} with pivots below \( 10^{-12} \) times the largest entry refused: the
     * spline system is singular exactly when control points repeat or all lie on one line.
     */
    private static double[][] invert(double[][] a) {
        try {
            return LuDecomposition.of(a, 1e-12).inverse();
        } catch (ArithmeticException singular) {
            throw new IllegalArgumentException(
                    "controlPoints give a singular spline system: points repeat or all lie on one line", singular);
        }
    }
}
