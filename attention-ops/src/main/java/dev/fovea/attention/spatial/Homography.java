package dev.fovea.attention.spatial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * The projective transformation (homography) of the plane as a grid generator (Jaderberg et al. 2015, §3.2 name it
 * among the differentiable transformations):
 * \( x^s = \frac{h_{00} x^t + h_{01} y^t + h_{02}}{h_{20} x^t + h_{21} y^t + h_{22}} \),
 * \( y^s = \frac{h_{10} x^t + h_{11} y^t + h_{12}}{h_{20} x^t + h_{21} y^t + h_{22}} \), on the target points of
 * {@link AffineGrid#targetCoordinate}. With \( h_{20} = h_{21} = 0, h_{22} = 1 \) it is {@link AffineGrid}.
 *
 * <p>As a {@link GridGenerator} the parameters are the first eight entries of \( H \) row by row with
 * \( h_{22} = 1 \) (the usual normalisation; a homography is defined up to scale). The NDArray route divides
 * without checks: a target point on the line at infinity of \( H \) gives \( \pm\infty \) or NaN coordinates, which
 * {@link GridSample#apply} would read as far outside. Immutable and thread-safe.
 */
public record Homography() implements GridGenerator {

    /**
     * The grid of one \( 3 \times 3 \) matrix.
     *
     * @param matrix       \( H \), \( 3 \times 3 \), finite
     * @param height       \( H_o \ge 1 \)
     * @param width        \( W_o \ge 1 \)
     * @param alignCorners the corner convention
     * @return a new \( [H_o, W_o, 2] \) array
     * @throws IllegalArgumentException if {@code matrix} is not a finite \( 3 \times 3 \) matrix, or the denominator
     *                                  is not positive at a target point ({@code "matrix sends target point
     *                                  (1.0, -1.0) to or beyond infinity: denominator -0.5"})
     */
    public static double[][][] grid(double[][] matrix, int height, int width, boolean alignCorners) {
        SpatialArguments.positive("height", height);
        SpatialArguments.positive("width", width);
        if (matrix == null || matrix.length != 3) {
            throw new IllegalArgumentException("matrix must be 3 × 3");
        }
        for (int a = 0; a < 3; a++) {
            if (matrix[a] == null || matrix[a].length != 3) {
                throw new IllegalArgumentException("matrix must be 3 × 3, row " + a + " is not");
            }
            for (int b = 0; b < 3; b++) {
                if (!Double.isFinite(matrix[a][b])) {
                    throw new IllegalArgumentException(
                            "matrix must be finite, got " + matrix[a][b] + " at [" + a + ", " + b + "]");
                }
            }
        }
        double[][][] grid = new double[height][width][2];
        for (int r = 0; r < height; r++) {
            double y = AffineGrid.targetCoordinate(r, height, alignCorners);
            for (int q = 0; q < width; q++) {
                double x = AffineGrid.targetCoordinate(q, width, alignCorners);
                double w = matrix[2][0] * x + matrix[2][1] * y + matrix[2][2];
                if (!(w > 0)) {
                    throw new IllegalArgumentException("matrix sends target point (" + x + ", " + y
                            + ") to or beyond infinity: denominator " + w);
                }
                grid[r][q][0] = (matrix[0][0] * x + matrix[0][1] * y + matrix[0][2]) / w;
                grid[r][q][1] = (matrix[1][0] * x + matrix[1][1] * y + matrix[1][2]) / w;
            }
        }
        return grid;
    }

    @Override
    public int parameterCount() {
        return 8;
    }

    @Override
    public double[] identity() {
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0};
    }

    /** The grid of \( H = \) (parameters, 1) reshaped to \( 3 \times 3 \); differentiable. */
    @Override
    public NDArray grid(NDArray parameters, int height, int width, boolean alignCorners) {
        long batch = SpatialArguments.requireParameters(parameters, 8);
        NDArray one = parameters.get(":, 0:1").onesLike();
        NDArray matrix = NDArrays.concat(new NDList(parameters, one), 1).reshape(batch, 3, 3);
        NDArray targets = AffineGrid.homogeneousTargets(parameters.getManager(), parameters.getDataType(),
                SpatialArguments.positive("height", height), SpatialArguments.positive("width", width), alignCorners);
        NDArray projected = targets.matMul(matrix.transpose(0, 2, 1));
        NDArray source = projected.get("..., 0:2").div(projected.get("..., 2:3"));
        return source.reshape(batch, height, width, 2);
    }
}
