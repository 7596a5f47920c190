package dev.fovea.attention.spatial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The sampling grid of an affine transformation, with exactly the semantics of PyTorch's
 * {@code torch.nn.functional.affine_grid} for 4-D sizes (Jaderberg et al. 2015, eq. 1):
 * \( \begin{pmatrix} x^s \\ y^s \end{pmatrix} = \theta \begin{pmatrix} x^t \\ y^t \\ 1 \end{pmatrix} \).
 *
 * <p>The target points \( (x^t, y^t) \) are the output pixels' centres in normalised coordinates: along an axis of
 * \( S \) pixels, \( x^t_i = -1 + 2i/(S - 1) \) when corners are aligned and \( x^t_i = (-1 + 2i/(S - 1))(S - 1)/S =
 * (2i + 1)/S - 1 \) otherwise; a single pixel sits at 0. The result is a grid for {@link GridSample} with the same
 * {@code alignCorners}: \( \theta = [I \mid 0] \) reproduces the input exactly.
 *
 * <p>Shapes: \( \theta \) \( [N, 2, 3] \), grid \( [N, H, W, 2] \) in \( (x, y) \) order. Stateless and
 * thread-safe.
 */
public final class AffineGrid {

    private AffineGrid() {
    }

    /**
     * The normalised coordinate of pixel {@code index} of {@code size} (PyTorch's {@code linspace_from_neg_one}).
     *
     * @param index        \( 0 \le i &lt; S \)
     * @param size         \( S \ge 1 \)
     * @param alignCorners the corner convention
     * @return \( x^t_i \in [-1, 1] \)
     */
    public static double targetCoordinate(int index, int size, boolean alignCorners) {
        if (size <= 1) {
            return 0.0;
        }
        double step = -1.0 + 2.0 * index / (size - 1);
        return alignCorners ? step : step * (size - 1) / size;
    }

    /**
     * The grid of each \( \theta_n \).
     *
     * @param theta        \( [N, 2, 3] \), finite
     * @param height       \( H \ge 1 \), the output's height
     * @param width        \( W \ge 1 \), the output's width
     * @param alignCorners the corner convention of the {@link GridSample} that will use the grid
     * @return a new \( [N, H, W, 2] \) array
     * @throws IllegalArgumentException if {@code theta} is not \( [N, 2, 3] \) or finite, or a size is below 1
     */
    public static double[][][][] generate(double[][][] theta, int height, int width, boolean alignCorners) {
        SpatialArguments.positive("height", height);
        SpatialArguments.positive("width", width);
        if (theta == null || theta.length == 0) {
            throw new IllegalArgumentException("theta must be a non-empty [N, 2, 3] array");
        }
        double[][][][] grid = new double[theta.length][height][width][2];
        for (int n = 0; n < theta.length; n++) {
            double[][] t = theta[n];
            if (t == null || t.length != 2 || t[0] == null || t[0].length != 3 || t[1] == null || t[1].length != 3) {
                throw new IllegalArgumentException("theta must have shape [N, 2, 3], wrong at [" + n + "]");
            }
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 3; b++) {
                    if (!Double.isFinite(t[a][b])) {
                        throw new IllegalArgumentException(
                                "theta must be finite, got " + t[a][b] + " at [" + n + ", " + a + ", " + b + "]");
                    }
                }
            }
            for (int r = 0; r < height; r++) {
                double y = targetCoordinate(r, height, alignCorners);
                for (int q = 0; q < width; q++) {
                    double x = targetCoordinate(q, width, alignCorners);
                    grid[n][r][q][0] = t[0][0] * x + t[0][1] * y + t[0][2];
                    grid[n][r][q][1] = t[1][0] * x + t[1][1] * y + t[1][2];
                }
            }
        }
        return grid;
    }

    /**
     * The grid of each \( \theta_n \), differentiable by DJL autograd with respect to \( \theta \).
     *
     * @param theta        \( [N, 2, 3] \), floating point
     * @param size         the output's size \( [N, C, H, W] \) (\( C \) is not used, as in PyTorch)
     * @param alignCorners the corner convention
     * @return \( [N, H, W, 2] \), the data type of {@code theta}
     * @throws IllegalArgumentException if the shapes do not fit
     */
    public static NDArray apply(NDArray theta, Shape size, boolean alignCorners) {
        if (size.dimension() != 4) {
            throw new IllegalArgumentException("size must be [N, C, H, W], got " + size);
        }
        Shape t = theta.getShape();
        if (t.dimension() != 3 || t.get(0) != size.get(0) || t.get(1) != 2 || t.get(2) != 3) {
            throw new IllegalArgumentException("theta must have shape [" + size.get(0) + ", 2, 3], got " + t);
        }
        int height = SpatialArguments.positive("height", size.get(2));
        int width = SpatialArguments.positive("width", size.get(3));
        NDArray base = homogeneousTargets(theta.getManager(), theta.getDataType(), height, width, alignCorners);
        return base.matMul(theta.transpose(0, 2, 1)).reshape(size.get(0), height, width, 2);
    }

    /** The target points \( (x^t, y^t, 1) \) of an \( H \times W \) output, row-major: \( [HW, 3] \). */
    static NDArray homogeneousTargets(NDManager manager, DataType type, int height, int width, boolean alignCorners) {
        double[] points = new double[height * width * 3];
        for (int r = 0; r < height; r++) {
            for (int q = 0; q < width; q++) {
                int k = 3 * (r * width + q);
                points[k] = targetCoordinate(q, width, alignCorners);
                points[k + 1] = targetCoordinate(r, height, alignCorners);
                points[k + 2] = 1.0;
            }
        }
        return manager.create(points, new Shape((long) height * width, 3)).toType(type, false);
    }
}
