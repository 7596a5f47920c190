package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import dev.fovea.math.linalg.Cholesky2;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.Objects;

/**
 * 2-D continuous softmax attention with a Gaussian RBF value basis: the expectations
 * \[ r_j = \mathbb{E}_{t \sim p}[\psi_j(t)] = \int_{\mathbb{R}^2} \mathcal{N}(t; \mu, \Sigma)\,
 *      \mathcal{N}(t; \mu_j, \Sigma_j)\, dt = \mathcal{N}(\mu; \mu_j, \Sigma + \Sigma_j) \]
 * in closed form (the product of two Gaussian densities integrates to a Gaussian in the difference of the means;
 * Martins et al. 2020, "Sparse and Continuous Attention Mechanisms", §3.2 and App. F).
 *
 * <p>Backward in canonical parameters (paper, Prop. 3, \( \alpha = 1 \)): for the score
 * \( f(t) = \theta^\top\phi(t) \), \( \phi(t) = (t_1, t_2, t_1^2, t_1 t_2, t_2 t_1, t_2^2) \) ({@link QuadraticScore2}),
 * \( \partial r_j / \partial \theta = \operatorname{Cov}_p(\phi, \psi_j) \). The product
 * \( p\,\psi_j = r_j\, \mathcal{N}(m_j, S_j) \), \( S_j = \Sigma - \Sigma A_j \Sigma \), \( m_j = \mu + \delta_j \),
 * \( \delta_j = \Sigma A_j (\mu_j - \mu) \), \( A_j = (\Sigma + \Sigma_j)^{-1} \), gives it in closed form:
 * \[ \frac{\partial r_j}{\partial \theta_1} = r_j \delta_j, \qquad
 *    \frac{\partial r_j}{\partial \theta_2} = r_j \big(-\Sigma A_j \Sigma + \delta_j\delta_j^\top + \mu\delta_j^\top
 *        + \delta_j\mu^\top\big) \]
 * (\( \mathbb{E}[t t^\top \psi_j] - \mathbb{E}[t t^\top] r_j = r_j(S_j + m_j m_j^\top - \Sigma - \mu\mu^\top) \)), entry
 * \( (a, b) \) being the derivative with respect to \( \theta_{2,ab} \) as an independent entry of the score.
 *
 * <p>Two layers:
 * <ul>
 *   <li>the double kernel {@link #expectation(Gaussian2, GaussianBasis2)} with the explicit derivatives
 *       {@link #jacobian(Gaussian2, GaussianBasis2)} (in \( \mu, \Sigma \)) and
 *       {@link #canonicalJacobian(Gaussian2, GaussianBasis2)} (in \( \theta \));</li>
 *   <li>the batched, differentiable {@link #expectation(NDArray, NDArray, NDArray, NDArray)} on NDArrays, through
 *       which DJL autograd gives the same derivatives (checked in the tests).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class ContinuousSoftmax2 {

    private ContinuousSoftmax2() {
    }

    /**
     * \( r_j = \mathcal{N}(\mu; \mu_j, \Sigma + \Sigma_j) \) for every basis function, evaluated as
     * \( \exp(-\log 2\pi - \tfrac12 \log\det S_j - \tfrac12 v_j^\top S_j^{-1} v_j) \) with \( S_j = \Sigma + \Sigma_j \)
     * (positive definite as a sum of two such matrices) and \( v_j = \mu_j - \mu \), through the Cholesky factor of
     * \( S_j \).
     *
     * @param density \( p = \mathcal{N}(\mu, \Sigma) \), validated on construction
     * @param basis   \( \psi_1, \dots, \psi_N \), validated on construction
     * @return a new array \( r \) of length \( N \), every entry \( \ge 0 \)
     */
    public static double[] expectation(Gaussian2 density, GaussianBasis2 basis) {
        Objects.requireNonNull(density, "density must not be null");
        Objects.requireNonNull(basis, "basis must not be null");
        double[] r = new double[basis.size()];
        for (int j = 0; j < r.length; j++) {
            Gaussian2 psi = basis.function(j);
            Cholesky2 factor = density.covariance().plus(psi.covariance()).cholesky();
            r[j] = Math.exp(Gaussian2.logNormal(psi.meanX() - density.meanX(), psi.meanY() - density.meanY(), factor));
        }
        return r;
    }

    /**
     * The expectations and their explicit derivatives with respect to \( \mu \) and \( \Sigma \); see
     * {@link ExpectationJacobian} for the formulas and the convention for the off-diagonal entry.
     *
     * @param density \( p = \mathcal{N}(\mu, \Sigma) \)
     * @param basis   \( \psi_1, \dots, \psi_N \)
     */
    public static ExpectationJacobian jacobian(Gaussian2 density, GaussianBasis2 basis) {
        Objects.requireNonNull(density, "density must not be null");
        Objects.requireNonNull(basis, "basis must not be null");
        int n = basis.size();
        double[] r = new double[n];
        double[][] dMean = new double[n][];
        SymmetricMatrix2[] dCovariance = new SymmetricMatrix2[n];
        for (int j = 0; j < n; j++) {
            Gaussian2 psi = basis.function(j);
            SymmetricMatrix2 s = density.covariance().plus(psi.covariance());
            Cholesky2 factor = s.cholesky();
            double vx = psi.meanX() - density.meanX();
            double vy = psi.meanY() - density.meanY();
            r[j] = Math.exp(Gaussian2.logNormal(vx, vy, factor));
            double[] w = factor.solve(vx, vy);
            SymmetricMatrix2 a = s.inverse();
            dMean[j] = new double[] {r[j] * w[0], r[j] * w[1]};
            double half = 0.5 * r[j];
            dCovariance[j] = SymmetricMatrix2.of(
                    half * (w[0] * w[0] - a.xx()), half * (w[0] * w[1] - a.xy()), half * (w[1] * w[1] - a.yy()));
        }
        return new ExpectationJacobian(r, dMean, dCovariance);
    }

    /**
     * \( \partial r_j / \partial \theta_i \) for the 6 canonical parameters in the order of \( \phi \); formulas in
     * the class comment.
     *
     * @param density \( p = \mathcal{N}(\mu, \Sigma) \)
     * @param basis   \( \psi_1, \dots, \psi_N \)
     * @return a new \( [6][N] \) array, {@code [i][j]} \( = \partial r_j / \partial \theta_i \)
     */
    public static double[][] canonicalJacobian(Gaussian2 density, GaussianBasis2 basis) {
        return evaluate(density, basis, true).jacobian();
    }

    /**
     * The expectations, the support (the whole plane) and, if asked, the canonical Jacobian.
     *
     * @param density      \( p = \mathcal{N}(\mu, \Sigma) \)
     * @param basis        \( \psi_1, \dots, \psi_N \)
     * @param withJacobian whether to compute \( \partial r / \partial \theta \)
     */
    public static ContinuousEvaluation evaluate(Gaussian2 density, GaussianBasis2 basis, boolean withJacobian) {
        Objects.requireNonNull(density, "density must not be null");
        Objects.requireNonNull(basis, "basis must not be null");
        int n = basis.size();
        double[] r = new double[n];
        double[][] jacobian = withJacobian ? new double[6][n] : null;
        SymmetricMatrix2 sigma = density.covariance();
        double mx = density.meanX();
        double my = density.meanY();
        for (int j = 0; j < n; j++) {
            Gaussian2 psi = basis.function(j);
            SymmetricMatrix2 s = sigma.plus(psi.covariance());
            Cholesky2 factor = s.cholesky();
            double vx = psi.meanX() - mx;
            double vy = psi.meanY() - my;
            r[j] = Math.exp(Gaussian2.logNormal(vx, vy, factor));
            if (!withJacobian) {
                continue;
            }
            double[] w = factor.solve(vx, vy);
            double[] delta = sigma.times(w[0], w[1]);
            // Σ A Σ: A Σ column by column through the factor, then Σ times it.
            double[] aSigmaX = factor.solve(sigma.xx(), sigma.xy());
            double[] aSigmaY = factor.solve(sigma.xy(), sigma.yy());
            double[] sasX = sigma.times(aSigmaX[0], aSigmaX[1]);
            double[] sasY = sigma.times(aSigmaY[0], aSigmaY[1]);
            double sasXY = 0.5 * (sasY[0] + sasX[1]);
            jacobian[0][j] = r[j] * delta[0];
            jacobian[1][j] = r[j] * delta[1];
            jacobian[2][j] = r[j] * (-sasX[0] + delta[0] * delta[0] + 2.0 * mx * delta[0]);
            double off = r[j] * (-sasXY + delta[0] * delta[1] + mx * delta[1] + delta[0] * my);
            jacobian[3][j] = off;
            jacobian[4][j] = off;
            jacobian[5][j] = r[j] * (-sasY[1] + delta[1] * delta[1] + 2.0 * my * delta[1]);
        }
        return new ContinuousEvaluation(r, jacobian, new Support.WholeSpace(2));
    }

    /**
     * Batched, differentiable \( r_{bj} = \mathcal{N}(\mu_b; \mu_j, \Sigma_b + \Sigma_j) \).
     *
     * <p>The 2×2 determinant and inverse are written out entry by entry
     * (\( \det S = s_{xx} s_{yy} - s_{xy} s_{yx} \), \( v^\top S^{-1} v = (s_{yy} v_x^2 - (s_{xy} + s_{yx}) v_x v_y +
     * s_{xx} v_y^2) / \det S \)), so autograd treats the four covariance entries as independent variables, as
     * {@link ExpectationJacobian} does. Only shapes and data types are checked here, to keep the training loop free of
     * device-to-host copies: a covariance that is not positive definite gives NaN, and NaN propagates. Validate
     * values with {@link Gaussian2} at the edge.
     *
     * @param mean             \( \mu \), \( [B, 2] \)
     * @param covariance       \( \Sigma \), \( [B, 2, 2] \), symmetric positive definite
     * @param basisMeans       \( \mu_j \), \( [N, 2] \), \( N \ge 1 \)
     * @param basisCovariances \( \Sigma_j \), \( [N, 2, 2] \)
     * @return \( r \), \( [B, N] \), in the data type of {@code mean}
     * @throws IllegalArgumentException if a shape or data type does not fit; the message names the arrays and shapes
     */
    public static NDArray expectation(NDArray mean, NDArray covariance, NDArray basisMeans, NDArray basisCovariances) {
        ArgumentShapes.requireMoments2(mean, "covariance", covariance);
        ArgumentShapes.requireBasis2(mean, basisMeans, basisCovariances);
        NDArray s = covariance.expandDims(1).add(basisCovariances.expandDims(0));
        NDArray v = basisMeans.expandDims(0).sub(mean.expandDims(1));
        return gaussianDensity(s, v);
    }

    /**
     * Batched, differentiable density \( \mathcal{N}(t_l; \mu_b, \Sigma_b) \) at fixed points, e.g. the cell centres
     * of a {@link UnitSquareGrid} for display.
     *
     * @param mean       \( \mu \), \( [B, 2] \)
     * @param covariance \( \Sigma \), \( [B, 2, 2] \)
     * @param points     \( t_l \), \( [P, 2] \)
     * @return \( [B, P] \) in the data type of {@code mean}
     * @throws IllegalArgumentException if a shape or data type does not fit
     */
    public static NDArray density(NDArray mean, NDArray covariance, NDArray points) {
        ArgumentShapes.requireMoments2(mean, "covariance", covariance);
        ArgumentShapes.requireShape("points", points, -1, 2);
        ArgumentShapes.requireSameType("mean", mean, "points", points);
        return gaussianDensity(covariance.expandDims(1), points.expandDims(0).sub(mean.expandDims(1)));
    }

    /** \( \mathcal{N}(v; 0, S) \) with \( S \) of shape \( [B, 1 \text{ or } N, 2, 2] \) and \( v \) \( [B, N, 2] \). */
    private static NDArray gaussianDensity(NDArray s, NDArray v) {
        NDArray sxx = s.get(":, :, 0, 0");
        NDArray sxy = s.get(":, :, 0, 1");
        NDArray syx = s.get(":, :, 1, 0");
        NDArray syy = s.get(":, :, 1, 1");
        NDArray vx = v.get(":, :, 0");
        NDArray vy = v.get(":, :, 1");
        NDArray det = sxx.mul(syy).sub(sxy.mul(syx));
        NDArray quadratic = vx.square().mul(syy)
                .sub(vx.mul(vy).mul(sxy.add(syx)))
                .add(vy.square().mul(sxx))
                .div(det);
        return quadratic.mul(-0.5).sub(det.log().mul(0.5)).sub(Gaussian2.LOG_TWO_PI).exp();
    }
}
