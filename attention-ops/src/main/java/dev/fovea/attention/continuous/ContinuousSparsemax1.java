package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * 1-D continuous sparsemax attention with a Gaussian RBF value basis (Martins et al. 2020, §3.2–3.3 and App. G):
 * the attention density is the {@link TruncatedParabola} \( p(t) = \frac{a^2 - (t - \mu)^2}{2\sigma^2} \) on
 * \( S = [\mu - a, \mu + a] \), and
 * \[ r_j = \int_S p(t)\, \mathcal{N}(t; \mu_j, \sigma_j^2)\, dt
 *      = \frac{\sigma_j^2}{2\sigma^2} \Big( z_u \varphi(z_l) - z_l \varphi(z_u) - (1 + z_l z_u)\big(\Phi(z_u) - \Phi(z_l)\big) \Big),
 *    \qquad z_{l,u} = \frac{\mu \mp a - \mu_j}{\sigma_j}, \]
 * since in \( z = (t - \mu_j)/\sigma_j \) the parabola is \( \frac{\sigma_j^2}{2\sigma^2}(z - z_l)(z_u - z) \) and
 * \( \int (z - z_l)(z_u - z)\varphi = z_u\varphi(z_l) - z_l\varphi(z_u) - (1 + z_l z_u)\,\Delta\Phi \) (integrate
 * \( z\varphi = -\varphi' \) and \( z^2\varphi = \varphi - (z\varphi)' \)). \( \Delta\Phi \) comes from
 * \( \operatorname{erfc} \) on the side of 0 where it is small (see {@link NormalSegment}).
 *
 * <p>Backward (paper, Prop. 4, the case \( \alpha = 2 \)): the \( \beta \)-escort of \( p \) with \( \beta = 2 - \alpha
 * = 0 \) is the uniform distribution \( U_S \) on the support, and
 * \[ \frac{\partial r_j}{\partial \theta} = |S| \operatorname{Cov}_{U_S}\big(\phi(t), \psi_j(t)\big)
 *      = \int_S \phi\, \psi_j - \frac{1}{|S|} \int_S \phi \int_S \psi_j. \]
 * Derivation: \( p = [\theta^\top\phi - \tau(\theta)]_+ \); on \( S \), \( \partial p/\partial\theta = \phi -
 * \nabla\tau \), and \( \int_S \partial p / \partial \theta = 0 \) (the mass stays 1; the boundary terms vanish because
 * \( p = 0 \) there) gives \( \nabla\tau = \frac{1}{|S|}\int_S \phi \). With \( x = t - \mu \),
 * \( P_k = \int_S x^k \psi_j \) (truncated normal moments) and \( \mathbb{E}_{U_S}[x^2] = a^2/3 \):
 * \[ \frac{\partial r_j}{\partial \theta_1} = P_1, \qquad
 *    \frac{\partial r_j}{\partial \theta_2} = P_2 - \tfrac{a^2}{3} P_0 + 2\mu P_1. \]
 *
 * <p>Accuracy of the double kernels: the terms of the bracket have size up to \( \max(1, z_l^2, z_u^2)\,\varphi \),
 * so the absolute error of \( r_j \) is a few ulps of \( \frac{\sigma_j^2}{2\sigma^2} \max(1, z^2)\,\varphi \); the
 * relative error stays below \( 10^{-12} \) unless the support is much narrower than \( \sigma_j \)
 * (\( z_u - z_l \lesssim 10^{-2} \)) or lies tens of \( \sigma_j \) out in the tail, where \( r_j \) is negligible.
 *
 * <p>Layers: the double kernels {@link #expectation(TruncatedParabola, GaussianBasis1)} and
 * {@link #canonicalJacobian(TruncatedParabola, GaussianBasis1)}; the batched, differentiable
 * {@link #expectation(NDArray, NDArray, NDArray, NDArray)} (with \( \operatorname{erf} \), so its tails are accurate in
 * absolute, not relative, terms). Stateless and thread-safe.
 */
public final class ContinuousSparsemax1 {

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    private ContinuousSparsemax1() {
    }

    /**
     * \( r_j = \mathbb{E}_p[\psi_j] \) for every basis function, by the closed form of the class comment.
     *
     * @param density \( p \), the truncated parabola
     * @param basis   \( \psi_1, \dots, \psi_N \)
     * @return a new array \( r \) of length \( N \), every entry \( \ge 0 \)
     */
    public static double[] expectation(TruncatedParabola density, GaussianBasis1 basis) {
        Objects.requireNonNull(density, "density must not be null");
        Objects.requireNonNull(basis, "basis must not be null");
        double a = density.halfWidth();
        double[] r = new double[basis.size()];
        for (int j = 0; j < r.length; j++) {
            Gaussian1 psi = basis.function(j);
            r[j] = psi.variance() / (2.0 * density.scale()) * segment(density, a, psi).parabolaMoment();
        }
        return r;
    }

    /**
     * \( \partial r_j / \partial \theta_i \) for \( \theta = (\theta_1, \theta_2) \) in the order of
     * \( \phi(t) = (t, t^2) \): the uniform-on-support covariance of the class comment.
     *
     * @param density \( p \), the truncated parabola
     * @param basis   \( \psi_1, \dots, \psi_N \)
     * @return a new \( [2][N] \) array, {@code [i][j]} \( = \partial r_j / \partial \theta_i \)
     */
    public static double[][] canonicalJacobian(TruncatedParabola density, GaussianBasis1 basis) {
        return evaluate(density, basis, true).jacobian();
    }

    /**
     * The expectations, the support \( [\mu - a, \mu + a] \) and, if asked, the canonical Jacobian.
     *
     * @param density      \( p \), the truncated parabola
     * @param basis        \( \psi_1, \dots, \psi_N \)
     * @param withJacobian whether to compute \( \partial r / \partial \theta \)
     */
    public static ContinuousEvaluation evaluate(TruncatedParabola density, GaussianBasis1 basis, boolean withJacobian) {
        double[] r = expectation(density, basis);
        if (!withJacobian) {
            return new ContinuousEvaluation(r, null, density.support());
        }
        double a = density.halfWidth();
        double mu = density.mean();
        double[][] jacobian = new double[2][basis.size()];
        for (int j = 0; j < basis.size(); j++) {
            Gaussian1 psi = basis.function(j);
            NormalSegment z = segment(density, a, psi);
            double sigma = Math.sqrt(psi.variance());
            double offset = psi.mean() - mu;
            double p0 = z.mass();
            double p1 = offset * p0 + sigma * z.firstMoment();
            double p2 = offset * offset * p0 + 2.0 * offset * sigma * z.firstMoment() + psi.variance() * z.secondMoment();
            jacobian[0][j] = p1;
            jacobian[1][j] = p2 - a * a / 3.0 * p0 + 2.0 * mu * p1;
        }
        return new ContinuousEvaluation(r, jacobian, density.support());
    }

    /** The support in the standardised coordinate \( z = (t - \mu_j)/\sigma_j \) of \( \psi_j \). */
    private static NormalSegment segment(TruncatedParabola density, double a, Gaussian1 psi) {
        double sigma = Math.sqrt(psi.variance());
        double offset = density.mean() - psi.mean();
        return NormalSegment.of((offset - a) / sigma, (offset + a) / sigma);
    }

    /**
     * Batched, differentiable \( r_{bj} \) by the closed form of the class comment, with
     * \( \Delta\Phi = \tfrac12(\operatorname{erf}(z_u/\sqrt2) - \operatorname{erf}(z_l/\sqrt2)) \).
     *
     * <p>Only shapes and data types are checked, to keep the training loop free of device-to-host copies: a
     * non-positive scale gives NaN, and NaN propagates. Validate values with {@link TruncatedParabola} at the edge.
     *
     * @param mean           \( \mu \), \( [B] \)
     * @param scale          \( \sigma^2 \) of the score, \( [B] \)
     * @param basisMeans     \( \mu_j \), \( [N] \), \( N \ge 1 \)
     * @param basisVariances \( \sigma_j^2 \), \( [N] \)
     * @return \( r \), \( [B, N] \), in the data type of {@code mean}
     * @throws IllegalArgumentException if a shape or data type does not fit
     */
    public static NDArray expectation(NDArray mean, NDArray scale, NDArray basisMeans, NDArray basisVariances) {
        ArgumentShapes.requireMoments1(mean, "scale", scale);
        ArgumentShapes.requireBasis1(mean, basisMeans, basisVariances);
        NDArray s = scale.expandDims(1);
        NDArray a = s.mul(1.5).pow(1.0 / 3.0);
        NDArray sigma = basisVariances.sqrt().expandDims(0);
        NDArray offset = mean.expandDims(1).sub(basisMeans.expandDims(0));
        NDArray lower = offset.sub(a).div(sigma);
        NDArray upper = offset.add(a).div(sigma);
        NDArray mass = upper.mul(SQRT_HALF).erf().sub(lower.mul(SQRT_HALF).erf()).mul(0.5);
        NDArray bracket = upper.mul(standardNormal(lower))
                .sub(lower.mul(standardNormal(upper)))
                .sub(lower.mul(upper).add(1.0).mul(mass));
        return bracket.mul(basisVariances.expandDims(0)).div(s.mul(2.0));
    }

    /**
     * Batched, differentiable density \( p_b(t_l) = \big[\frac{a_b^2 - (t_l - \mu_b)^2}{2\sigma_b^2}\big]_+ \) at fixed
     * points, e.g. the cell centres of a {@link UnitIntervalGrid} for display.
     *
     * @param mean   \( \mu \), \( [B] \)
     * @param scale  \( \sigma^2 \), \( [B] \)
     * @param points \( t_l \), \( [P] \)
     * @return \( [B, P] \) in the data type of {@code mean}
     * @throws IllegalArgumentException if a shape or data type does not fit
     */
    public static NDArray density(NDArray mean, NDArray scale, NDArray points) {
        ArgumentShapes.requireMoments1(mean, "scale", scale);
        ArgumentShapes.requireShape("points", points, -1);
        ArgumentShapes.requireSameType("mean", mean, "points", points);
        NDArray s = scale.expandDims(1);
        NDArray aSquared = s.mul(1.5).pow(2.0 / 3.0);
        NDArray d = points.expandDims(0).sub(mean.expandDims(1));
        return aSquared.sub(d.square()).div(s.mul(2.0)).maximum(0.0);
    }

    private static NDArray standardNormal(NDArray z) {
        return z.square().mul(-0.5).sub(LOG_SQRT_TWO_PI).exp();
    }
}
