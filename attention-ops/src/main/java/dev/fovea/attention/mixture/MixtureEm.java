package dev.fovea.attention.mixture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * Weighted EM for Gaussian mixtures as a batched, differentiable function of the attention weights: the iteration of
 * {@link WeightedEm}, unrolled on NDArrays so that DJL autograd gives \( \partial \theta_n / \partial w \) through all
 * \( n \) steps (Farinhas, Martins &amp; Aguiar 2021 backpropagate through the EM updates the same way).
 *
 * <p>Per step, with weights \( w \) \( [B, L] \), points \( x \) \( [L, 2] \) and parameters \( [B, K, \cdot] \):
 * \( a_{bk\ell} = \log \pi_{bk} + \log \mathcal{N}(x_\ell; \mu_{bk}, \Sigma_{bk}) \); \( \log r = \) log-softmax of
 * \( a \) over \( k \) (log space); \( N_{bk} = \sum_\ell w_{b\ell} r_{bk\ell} \), \( \pi = N / W_b \),
 * \( \mu = \frac1N \sum_\ell w r x \), \( \Sigma = \frac1N \sum_\ell w r (x - \mu)(x - \mu)^\top + \varepsilon I \). The
 * 2×2 determinant and inverse are written out entry by entry, as in
 * {@link dev.fovea.attention.continuous.ContinuousSoftmax2}. The gradient of the starting parameters is whatever
 * autograd finds (they are usually constants).
 *
 * <p>Components of weight exactly 0 are treated as in {@link WeightedEm}: their \( \log \pi \) is \( -\infty \) by a
 * constant mask (never \( \log 0 \) inside the graph, whose backward would be \( 0/0 \)), their responsibilities are
 * exactly 0, and they keep their mean and covariance. That is what lets a batch padded to \( K_{\max} \) components
 * ({@link MixtureParameters#of}) run in one call.
 *
 * <p>Only shapes and data types are checked, to keep the training loop free of device-to-host copies: a covariance
 * that stops being positive definite gives NaN, and NaN propagates. In float64 the result equals the double kernel to
 * rounding (checked in the tests). Stateless and thread-safe.
 */
public final class MixtureEm {

    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    private MixtureEm() {
    }

    /**
     * Exactly {@code iterations} E+M steps from {@code initial}; differentiable in {@code weights} (and in
     * {@code initial} if it requires gradients).
     *
     * @param weights         \( w \), \( [B, L] \), \( \ge 0 \), positive row sums (1 for attention weights)
     * @param points          \( x \), \( [L, 2] \), same data type
     * @param initial         \( \theta_0 \), \( B \) mixtures of \( K \) components, same data type
     * @param iterations      \( n \ge 0 \)
     * @param covarianceFloor \( \varepsilon \ge 0 \), finite
     * @return \( \theta_n \)
     * @throws IllegalArgumentException if a shape, data type or number does not fit
     */
    public static MixtureParameters run(NDArray weights, NDArray points, MixtureParameters initial, int iterations,
            double covarianceFloor) {
        check(weights, points, initial);
        WeightedEm.checkIterations(iterations);
        WeightedEm.checkFloor(covarianceFloor);
        MixtureParameters current = initial;
        for (int t = 0; t < iterations; t++) {
            current = step(weights, points, current, covarianceFloor);
        }
        return current;
    }

    /**
     * \( \ell_b = \sum_\ell w_{b\ell} \log p_b(x_\ell) \), \( [B] \); differentiable.
     *
     * @throws IllegalArgumentException if a shape or data type does not fit
     */
    public static NDArray logLikelihood(NDArray weights, NDArray points, MixtureParameters mixture) {
        check(weights, points, mixture);
        return logDensity(mixture, points).mul(weights).sum(new int[] {1});
    }

    /**
     * \( \log p_b(t) \) at points \( t \) \( [P, 2] \): \( [B, P] \); differentiable. The maximum over components is
     * subtracted as a constant for autograd (exact, log-sum-exp being shift invariant).
     *
     * @throws IllegalArgumentException if a shape or data type does not fit
     */
    public static NDArray logDensity(MixtureParameters mixture, NDArray points) {
        Objects.requireNonNull(mixture, "mixture must not be null");
        checkPoints(points, mixture.mixingWeights().getDataType());
        NDArray joint = logJoint(mixture, points);
        NDArray max = joint.max(new int[] {1}, true).stopGradient();
        return joint.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
    }

    /**
     * \( p_b(t) = \sum_k \pi_{bk} \mathcal{N}(t; \mu_{bk}, \Sigma_{bk}) \) at points \( t \) \( [P, 2] \): \( [B, P] \).
     *
     * @throws IllegalArgumentException if a shape or data type does not fit
     */
    public static NDArray density(MixtureParameters mixture, NDArray points) {
        return logDensity(mixture, points).exp();
    }

    /** One E+M step; arguments already checked. */
    private static MixtureParameters step(NDArray weights, NDArray points, MixtureParameters current, double floor) {
        NDManager manager = weights.getManager();
        DataType type = weights.getDataType();
        NDArray responsibilities = logJoint(current, points).logSoftmax(1).exp();
        NDArray weighted = responsibilities.mul(weights.expandDims(1));
        NDArray mass = weighted.sum(new int[] {2});
        NDArray alive = mass.gt(0).toType(type, false);
        NDArray dead = alive.neg().add(1);
        NDArray safeMass = mass.add(dead);
        NDArray newMeans = weighted.matMul(points).div(safeMass.expandDims(2));
        NDArray means = newMeans.mul(alive.expandDims(2)).add(current.means().mul(dead.expandDims(2)));
        NDArray centred = points.expandDims(0).expandDims(0).sub(means.expandDims(2));
        NDArray scatter = centred.mul(weighted.expandDims(3)).transpose(0, 1, 3, 2).matMul(centred);
        NDArray floorMatrix = manager.eye(2).toType(type, false).mul(floor);
        NDArray newCovariances = scatter.div(safeMass.expandDims(2).expandDims(3)).add(floorMatrix);
        NDArray covariances = newCovariances.mul(alive.expandDims(2).expandDims(3))
                .add(current.covariances().mul(dead.expandDims(2).expandDims(3)));
        NDArray mixingWeights = mass.div(weights.sum(new int[] {1}, true));
        return new MixtureParameters(mixingWeights, means, covariances);
    }

    /** \( a_{bk\ell} = \log \pi_{bk} + \log \mathcal{N}(x_\ell; \mu_{bk}, \Sigma_{bk}) \), \( [B, K, L] \). */
    private static NDArray logJoint(MixtureParameters mixture, NDArray points) {
        DataType type = mixture.mixingWeights().getDataType();
        NDArray pi = mixture.mixingWeights();
        // log(π + [π = 0]) + log [π > 0]: the second term is a constant 0 or -∞, so no log 0 enters the graph.
        NDArray present = pi.gt(0).toType(type, false);
        NDArray logPi = pi.add(present.neg().add(1)).log().add(present.log());
        NDArray difference = points.expandDims(0).expandDims(0).sub(mixture.means().expandDims(2));
        NDArray dx = difference.get(":, :, :, 0");
        NDArray dy = difference.get(":, :, :, 1");
        NDArray s = mixture.covariances();
        NDArray sxx = s.get(":, :, 0, 0").expandDims(2);
        NDArray sxy = s.get(":, :, 0, 1").expandDims(2);
        NDArray syx = s.get(":, :, 1, 0").expandDims(2);
        NDArray syy = s.get(":, :, 1, 1").expandDims(2);
        NDArray det = sxx.mul(syy).sub(sxy.mul(syx));
        NDArray quadratic = dx.square().mul(syy).sub(dx.mul(dy).mul(sxy.add(syx))).add(dy.square().mul(sxx)).div(det);
        return quadratic.mul(-0.5).sub(det.log().mul(0.5)).sub(LOG_TWO_PI).add(logPi.expandDims(2));
    }

    private static void check(NDArray weights, NDArray points, MixtureParameters mixture) {
        Objects.requireNonNull(weights, "weights must not be null");
        Objects.requireNonNull(mixture, "mixture must not be null");
        Shape w = weights.getShape();
        if (w.dimension() != 2) {
            throw new IllegalArgumentException("weights must have shape (B, L), got " + w);
        }
        if (weights.getDataType() != mixture.mixingWeights().getDataType()) {
            throw new IllegalArgumentException("weights have data type " + weights.getDataType() + ", the mixture "
                    + mixture.mixingWeights().getDataType());
        }
        checkPoints(points, weights.getDataType());
        if (points.getShape().get(0) != w.get(1)) {
            throw new IllegalArgumentException("weights have " + w.get(1) + " columns, points " + points.getShape().get(0)
                    + " rows");
        }
        if (mixture.batchSize() != w.get(0)) {
            throw new IllegalArgumentException("weights have " + w.get(0) + " rows, the mixture batch "
                    + mixture.batchSize());
        }
    }

    private static void checkPoints(NDArray points, DataType type) {
        Objects.requireNonNull(points, "points must not be null");
        Shape p = points.getShape();
        if (p.dimension() != 2 || p.get(1) != 2) {
            throw new IllegalArgumentException("points must have shape (L, 2), got " + p);
        }
        if (points.getDataType() != type) {
            throw new IllegalArgumentException("points have data type " + points.getDataType() + ", the mixture " + type);
        }
    }
}
