package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The parameter head that turns raw network outputs into the mean and covariance of a continuous attention density
 * on the unit interval or the unit square, differentiably and valid by construction (the alternative to
 * {@link MomentMatching}, which derives them from a discrete distribution).
 *
 * <p>1-D, outputs \( o \in \mathbb{R}^2 \): \( \mu = \operatorname{sigmoid}(o_0) \in (0, 1) \),
 * \( \sigma^2 = \operatorname{softplus}(o_1) + \varepsilon \).
 * 2-D, outputs \( o \in \mathbb{R}^5 \): \( \mu = \operatorname{sigmoid}(o_0, o_1) \in (0, 1)^2 \),
 * \( \sigma_x^2 = \operatorname{softplus}(o_2) + \varepsilon \), \( \sigma_y^2 = \operatorname{softplus}(o_3) + \varepsilon \),
 * correlation \( \rho = \rho_{\max} \tanh(o_4) \), \( \Sigma_{xy} = \rho\,\sigma_x\sigma_y \). Then
 * \( \det\Sigma = (1 - \rho^2)\sigma_x^2\sigma_y^2 \ge (1 - \rho_{\max}^2)\varepsilon^2 &gt; 0 \): every output
 * vector gives a positive-definite covariance whose smallest eigenvalue is at least \( (1 - \rho_{\max})\varepsilon \)
 * (the eigenvalues of a 2×2 covariance with correlation \( \rho \) are at least \( (1 - |\rho|)\min(\sigma_x^2, \sigma_y^2) \)),
 * so no later Cholesky factorisation fails and the attention cannot collapse to a point.
 *
 * <p>The softplus is the engine's (PyTorch: \( x \) itself above 20, off \( \log(1 + e^x) \) by less than
 * \( e^{-20} \)). For continuous sparsemax, pass the covariance through
 * {@link MomentMatching#paraboloidScale(NDArray)} (or the variance through
 * {@link MomentMatching#parabolaScale(NDArray)}) to obtain the score scale with these moments. Immutable and thread-safe.
 *
 * @param varianceFloor  \( \varepsilon &gt; 0 \), finite, in squared unit-interval coordinates
 * @param maxCorrelation \( \rho_{\max} \in [0, 1) \)
 */
public record MomentHead(double varianceFloor, double maxCorrelation) {

    /**
     * @throws IllegalArgumentException if {@code varianceFloor} is not finite and positive or {@code maxCorrelation}
     *                                  is not in \( [0, 1) \)
     */
    public MomentHead {
        if (!(varianceFloor > 0.0) || !Double.isFinite(varianceFloor)) {
            throw new IllegalArgumentException("varianceFloor must be finite and > 0, got " + varianceFloor);
        }
        if (!(maxCorrelation >= 0.0 && maxCorrelation < 1.0)) {
            throw new IllegalArgumentException("maxCorrelation must be in [0, 1), got " + maxCorrelation);
        }
    }

    /**
     * The floor \( h^2/12 \) of a grid with \( G \) cells per side (the variance of one uniform cell, as in
     * {@link MomentMatching}) and \( \rho_{\max} = 0.99 \).
     *
     * @throws IllegalArgumentException if {@code cellsPerSide < 1}
     */
    public static MomentHead forGrid(int cellsPerSide) {
        double h = UnitIntervalGrid.of(cellsPerSide).cellSize();
        return new MomentHead(h * h / 12.0, 0.99);
    }

    /**
     * \( (\mu, \sigma^2) \) on the unit interval from outputs \( [B, 2] \); differentiable.
     *
     * @throws IllegalArgumentException if the shape is not \( [B, 2] \)
     */
    public MomentMatching.Moments1 unitInterval(NDArray outputs) {
        ArgumentShapes.requireShape("outputs", outputs, -1, 2);
        NDArray mean = Activation.sigmoid(outputs.get(":, 0"));
        NDArray variance = Activation.softPlus(outputs.get(":, 1")).add(varianceFloor);
        return new MomentMatching.Moments1(mean, variance);
    }

    /**
     * \( (\mu [B, 2], \Sigma [B, 2, 2]) \) on the unit square from outputs \( [B, 5] \); differentiable.
     *
     * @throws IllegalArgumentException if the shape is not \( [B, 5] \)
     */
    public MomentMatching.Moments unitSquare(NDArray outputs) {
        ArgumentShapes.requireShape("outputs", outputs, -1, 5);
        long batch = outputs.getShape().get(0);
        NDArray mean = Activation.sigmoid(outputs.get(":, 0:2"));
        NDArray xx = Activation.softPlus(outputs.get(":, 2")).add(varianceFloor);
        NDArray yy = Activation.softPlus(outputs.get(":, 3")).add(varianceFloor);
        NDArray xy = outputs.get(":, 4").tanh().mul(maxCorrelation).mul(xx.mul(yy).sqrt());
        NDArray covariance = NDArrays.stack(new NDList(xx, xy, xy, yy), 1).reshape(new Shape(batch, 2, 2));
        return new MomentMatching.Moments(mean, covariance);
    }
}
