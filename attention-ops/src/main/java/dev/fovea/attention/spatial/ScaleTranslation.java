package dev.fovea.attention.spatial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * The attention restriction of the affine transformation (Jaderberg et al. 2015, §3.1, eq. 2):
 * \( \theta = \begin{bmatrix} s &amp; 0 &amp; t_x \\ 0 &amp; s &amp; t_y \end{bmatrix} \), an isotropic scale and a
 * translation: the output is the square window of half-side \( s \) centred at \( (t_x, t_y) \) in normalised
 * coordinates, a crop that the network can move and zoom. Parameters \( (s, t_x, t_y) \); \( s \) is used as given
 * (a negative \( s \) mirrors; pass it through a softplus or sigmoid upstream to keep it positive).
 *
 * <p>Immutable and thread-safe.
 */
public record ScaleTranslation() implements GridGenerator {

    /**
     * \( \theta \) of one window.
     *
     * @param scale        \( s \), finite
     * @param translationX \( t_x \), finite
     * @param translationY \( t_y \), finite
     * @return a new \( [2, 3] \) matrix
     * @throws IllegalArgumentException if an argument is not finite
     */
    public static double[][] theta(double scale, double translationX, double translationY) {
        if (!Double.isFinite(scale) || !Double.isFinite(translationX) || !Double.isFinite(translationY)) {
            throw new IllegalArgumentException("scale and translation must be finite, got s = " + scale
                    + ", tx = " + translationX + ", ty = " + translationY);
        }
        return new double[][] {{scale, 0, translationX}, {0, scale, translationY}};
    }

    /**
     * \( \theta \) \( [N, 2, 3] \) from parameters \( [N, 3] \) \( = (s, t_x, t_y) \); differentiable.
     *
     * @throws IllegalArgumentException if {@code parameters} is not \( [N, 3] \)
     */
    public static NDArray theta(NDArray parameters) {
        long batch = SpatialArguments.requireParameters(parameters, 3);
        NDArray s = parameters.get(":, 0");
        NDArray zero = s.zerosLike();
        NDList rows = new NDList(s, zero, parameters.get(":, 1"), zero, s, parameters.get(":, 2"));
        return NDArrays.stack(rows, 1).reshape(batch, 2, 3);
    }

    @Override
    public int parameterCount() {
        return 3;
    }

    @Override
    public double[] identity() {
        return new double[] {1, 0, 0};
    }

    @Override
    public NDArray grid(NDArray parameters, int height, int width, boolean alignCorners) {
        NDArray theta = theta(parameters);
        return AffineGrid.apply(theta, new Shape(theta.getShape().get(0), 1, height, width), alignCorners);
    }
}
