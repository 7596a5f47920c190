package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * 1-D continuous softmax attention with a Gaussian RBF value basis (Martins et al. 2020, §3.2 and App. F): for
 * \( p = \mathcal{N}(\mu, \sigma^2) \) and \( \psi_j = \mathcal{N}(\mu_j, \sigma_j^2) \),
 * \[ r_j = \mathbb{E}_p[\psi_j(t)] = \int_{\mathbb{R}} \mathcal{N}(t; \mu, \sigma^2)\, \mathcal{N}(t; \mu_j, \sigma_j^2)\, dt
 *      = \mathcal{N}(\mu; \mu_j, \sigma^2 + \sigma_j^2). \]
 *
 * <p>Backward (paper, Prop. 3, the case \( \alpha = 1 \)): with the canonical parameters \( \theta \) of the score
 * \( f(t) = \theta^\top \phi(t) \), \( \phi(t) = (t, t^2) \) ({@link QuadraticScore1}), the Jacobian is the covariance
 * \[ \frac{\partial r_j}{\partial \theta} = \operatorname{Cov}_p\big(\phi(t), \psi_j(t)\big), \]
 * because \( \partial p / \partial\theta = p\,(\phi - \mathbb{E}_p\phi) \). The product \( p\,\psi_j = r_j\,
 * \mathcal{N}(m_j, s_j) \) with \( s_j = \frac{\sigma^2 \sigma_j^2}{\sigma^2 + \sigma_j^2} \),
 * \( m_j = \mu + \frac{\sigma^2 (\mu_j - \mu)}{\sigma^2 + \sigma_j^2} \) gives it in closed form:
 * \[ \frac{\partial r_j}{\partial \theta_1} = r_j (m_j - \mu), \qquad
 *    \frac{\partial r_j}{\partial \theta_2} = r_j \big(s_j - \sigma^2 + (m_j - \mu)(m_j + \mu)\big),
 *    \quad s_j - \sigma^2 = -\frac{\sigma^4}{\sigma^2 + \sigma_j^2}. \]
 *
 * <p>Layers: the double kernels {@link #expectation(Gaussian1, GaussianBasis1)} and
 * {@link #canonicalJacobian(Gaussian1, GaussianBasis1)}; the batched, differentiable
 * {@link #expectation(NDArray, NDArray, NDArray, NDArray)}, through which DJL autograd gives the same derivatives
 * (checked in the tests). Stateless and thread-safe.
 */
public final class ContinuousSoftmax1 {

    private ContinuousSoftmax1() {
    }

    /**
     * \( r_j = \mathcal{N}(\mu; \mu_j, \sigma^2 + \sigma_j^2) \) for every basis function.
     *
     * @param density \( p = \mathcal{N}(\mu, \sigma^2) \), validated on construction
     * @param basis   \( \psi_1, \dots, \psi_N \)
     * @return a new array \( r \) of length \( N \), every entry \( \ge 0 \)
     */
    public static double[] expectation(Gaussian1 density, GaussianBasis1 basis) {
        Objects.requireNonNull(density, "density must not be null");
        Objects.requireNonNull(basis, "basis must not be null");
        double[] r = new double[basis.size()];
        for (int j = 0; j < r.length; j++) {
            Gaussian1 psi = basis.function(j);
            r[j] = Gaussian1.of(psi.mean(), density.variance() + psi.variance()).density(density.mean());
        }
        return r;
    }

    /**
     * \( \partial r_j / \partial \theta_i \) for \( \theta = (\theta_1, \theta_2) \) in the order of
     * \( \phi(t) = (t, t^2) \); formulas in the class comment.
     *
     * @param density \( p = \mathcal{N}(\mu, \sigma^2) \)
     * @param basis   \( \psi_1, \dots, \psi_N \)
     * @return a new \( [2][N] \) array, {@code [i][j]} \( = \partial r_j / \partial \theta_i \)
     */
    public static double[][] canonicalJacobian(Gaussian1 density, GaussianBasis1 basis) {
        return evaluate(density, basis, true).jacobian();
    }

    /**
     * The expectations, the support (the whole line) and, if asked, the canonical Jacobian.
     *
     * @param density      \( p = \mathcal{N}(\mu, \sigma^2) \)
     * @param basis        \( \psi_1, \dots, \psi_N \)
     * @param withJacobian whether to compute \( \partial r / \partial \theta \)
     */
    public static ContinuousEvaluation evaluate(Gaussian1 density, GaussianBasis1 basis, boolean withJacobian) {
        double[] r = expectation(density, basis);
        if (!withJacobian) {
            return new ContinuousEvaluation(r, null, new Support.WholeSpace(1));
        }
        double mu = density.mean();
        double variance = density.variance();
        double[][] jacobian = new double[2][r.length];
        for (int j = 0; j < r.length; j++) {
            Gaussian1 psi = basis.function(j);
            double total = variance + psi.variance();
            double shift = variance * (psi.mean() - mu) / total;
            jacobian[0][j] = r[j] * shift;
            jacobian[1][j] = r[j] * (-variance * variance / total + shift * (shift + 2.0 * mu));
        }
        return new ContinuousEvaluation(r, jacobian, new Support.WholeSpace(1));
    }

    /**
     * Batched, differentiable \( r_{bj} = \mathcal{N}(\mu_b; \mu_j, \sigma_b^2 + \sigma_j^2) \).
     *
     * <p>Only shapes and data types are checked, to keep the training loop free of device-to-host copies: a
     * non-positive variance gives NaN, and NaN propagates. Validate values with {@link Gaussian1} at the edge.
     *
     * @param mean           \( \mu \), \( [B] \)
     * @param variance       \( \sigma^2 \), \( [B] \)
     * @param basisMeans     \( \mu_j \), \( [N] \), \( N \ge 1 \)
     * @param basisVariances \( \sigma_j^2 \), \( [N] \)
     * @return \( r \), \( [B, N] \), in the data type of {@code mean}
     * @throws IllegalArgumentException if a shape or data type does not fit
     */
    public static NDArray expectation(NDArray mean, NDArray variance, NDArray basisMeans, NDArray basisVariances) {
        ArgumentShapes.requireMoments1(mean, "variance", variance);
        ArgumentShapes.requireBasis1(mean, basisMeans, basisVariances);
        NDArray s = variance.expandDims(1).add(basisVariances.expandDims(0));
        NDArray v = basisMeans.expandDims(0).sub(mean.expandDims(1));
        return v.square().div(s).add(s.log()).add(Gaussian2.LOG_TWO_PI).mul(-0.5).exp();
    }

    /**
     * Batched, differentiable density \( \mathcal{N}(t_l; \mu_b, \sigma_b^2) \) at fixed points, e.g. the cell
     * centres of a {@link UnitIntervalGrid} for display.
     *
     * @param mean     \( \mu \), \( [B] \)
     * @param variance \( \sigma^2 \), \( [B] \)
     * @param points   \( t_l \), \( [P] \)
     * @return \( [B, P] \) in the data type of {@code mean}
     * @throws IllegalArgumentException if a shape or data type does not fit
     */
    public static NDArray density(NDArray mean, NDArray variance, NDArray points) {
        ArgumentShapes.requireMoments1(mean, "variance", variance);
        ArgumentShapes.requireShape("points", points, -1);
        ArgumentShapes.requireSameType("mean", mean, "points", points);
        NDArray s = variance.expandDims(1);
        NDArray v = points.expandDims(0).sub(mean.expandDims(1));
        return v.square().div(s).add(s.log()).add(Gaussian2.LOG_TWO_PI).mul(-0.5).exp();
    }
}
