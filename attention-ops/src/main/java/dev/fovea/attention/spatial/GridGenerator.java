package dev.fovea.attention.spatial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A family of spatial transformations that maps a localisation network's output \( [N, P] \) to a sampling grid
 * \( [N, H, W, 2] \) for {@link GridSample} (Jaderberg et al. 2015, §3.2, "the grid generator"): the parameterised
 * sampling grid \( \mathcal{T}_\theta(G) \) of the paper.
 *
 * <p>Implementations are immutable and thread-safe; {@link #grid} is differentiable by DJL autograd with respect to
 * the parameters.
 */
public sealed interface GridGenerator permits GridGenerator.Affine, ScaleTranslation, ThinPlateSpline, Homography {

    /** The number \( P \) of parameters per example. */
    int parameterCount();

    /** The parameters of the identity transformation (the usual initial bias of a localisation net's last layer). */
    double[] identity();

    /**
     * The sampling grid of each example's parameters.
     *
     * @param parameters   \( [N, P] \), floating point
     * @param height       \( H \ge 1 \), the output's height
     * @param width        \( W \ge 1 \), the output's width
     * @param alignCorners the corner convention of the {@link GridSample} that will use the grid
     * @return \( [N, H, W, 2] \), the data type of {@code parameters}
     * @throws IllegalArgumentException if {@code parameters} is not \( [N, P] \) or a size is below 1
     */
    NDArray grid(NDArray parameters, int height, int width, boolean alignCorners);

    /** The general affine transformation: the six entries of \( \theta \) row by row. */
    static GridGenerator affine() {
        return new Affine();
    }

    /**
     * The general affine transformation, \( \theta \in \mathbb{R}^{2 \times 3} \) from six parameters
     * \( (\theta_{00}, \theta_{01}, \theta_{02}, \theta_{10}, \theta_{11}, \theta_{12}) \) ({@link AffineGrid}).
     */
    record Affine() implements GridGenerator {

        @Override
        public int parameterCount() {
            return 6;
        }

        @Override
        public double[] identity() {
            return new double[] {1, 0, 0, 0, 1, 0};
        }

        @Override
        public NDArray grid(NDArray parameters, int height, int width, boolean alignCorners) {
            long batch = SpatialArguments.requireParameters(parameters, 6);
            return AffineGrid.apply(parameters.reshape(batch, 2, 3), new Shape(batch, 1, height, width), alignCorners);
        }
    }
}
