package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.fovea.math.linalg.Cholesky2;
import java.util.Objects;

/**
 * 2-D continuous sparsemax attention with a Gaussian RBF value basis (Martins et al. 2020, §3.2–3.3, the VQA model of
 * §5.3): the attention density is the {@link TruncatedParaboloid} \( p = \tfrac12 (R^2 - \lVert s \rVert^2)_+ \),
 * \( t = \mu + L s \), and
 * \[ r_j = \int_{\lVert s \rVert \le R} \tfrac12 (R^2 - \lVert s \rVert^2)\, \psi_j(\mu + L s)\, \det L\, ds. \]
 * In polar coordinates the radial integral has a closed form (erf terms); the angle is integrated by the periodic
 * trapezoid rule with a node count chosen a priori from a rigorous error bound for analytic periodic integrands
 * ({@link EllipseIntegrals}, where the formulas and the bound are): the result has a relative error below
 * \( 10^{-9} \) (checked against independent Cartesian Gauss–Legendre quadrature in the tests).
 *
 * <p>Backward (paper, Prop. 4, \( \alpha = 2 \)): \( \partial r_j / \partial \theta = |S| \operatorname{Cov}_{U_S}
 * (\phi, \psi_j) = \int_S \phi\,\psi_j - \frac{1}{|S|}\int_S\phi \int_S\psi_j \) for the uniform distribution
 * \( U_S \) on the support (derivation as in {@link ContinuousSparsemax1}: \( \partial p/\partial\theta =
 * \phi - \nabla\tau \) on \( S \), \( \nabla\tau = \frac{1}{|S|}\int_S\phi \)). With the angular sums \( U_0, U_1,
 * U_2 \) of \( \psi_j \) times \( 1, s, s s^\top \) over the disc, the prefactor \( \kappa = \det K/(2\pi) \) and
 * \( \mathbb{E}_{U_S}[(t - \mu)(t - \mu)^\top] = \frac{R^2}{4}\Sigma \):
 * \[ \frac{\partial r_j}{\partial \theta_1} = \kappa\, L U_1, \qquad
 *    \frac{\partial r_j}{\partial \theta_2} = \kappa \Big(\mu (L U_1)^\top + (L U_1)\mu^\top
 *        + L \big(U_2 - \tfrac{R^2}{4} U_0 I\big) L^\top\Big), \]
 * the second a symmetric matrix whose entry \( (a, b) \) is the derivative with respect to \( \theta_{2,ab} \) as an
 * independent entry of the score (see {@link QuadraticScore2}).
 *
 * <p>Layers: the double kernels {@link #expectation(TruncatedParaboloid, GaussianBasis2)},
 * {@link #canonicalJacobian(TruncatedParaboloid, GaussianBasis2)} and
 * {@link #evaluate(TruncatedParaboloid, GaussianBasis2, boolean)}; the batched, differentiable
 * {@link #expectation(NDArray, NDArray, NDArray, NDArray, int)} with a fixed number of angles. Stateless and
 * thread-safe.
 */
public final class ContinuousSparsemax2 {

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    private ContinuousSparsemax2() {
    }

    /**
     * \( r_j = \mathbb{E}_p[\psi_j] \) for every basis function, to a relative error below \( 10^{-9} \).
     *
     * @param density \( p \), the truncated paraboloid
     * @param basis   \( \psi_1, \dots, \psi_N \)
     * @return a new array \( r \) of length \( N \), every entry \( \ge 0 \)
     * @throws ArithmeticException if a basis function is so narrow against the support that the angular rule needs
     *                             more than 16384 nodes
     */
    public static double[] expectation(TruncatedParaboloid density, GaussianBasis2 basis) {
        return evaluate(density, basis, false).expectation();
    }

    /**
     * \( \partial r_j / \partial \theta_i \) for the 6 canonical parameters in the order of \( \phi \) (class comment).
     *
     * @param density \( p \), the truncated paraboloid
     * @param basis   \( \psi_1, \dots, \psi_N \)
     * @return a new \( [6][N] \) array, {@code [i][j]} \( = \partial r_j / \partial \theta_i \)
     * @throws ArithmeticException as {@link #expectation(TruncatedParaboloid, GaussianBasis2)}
     */
    public static double[][] canonicalJacobian(TruncatedParaboloid density, GaussianBasis2 basis) {
        return evaluate(density, basis, true).jacobian();
    }

    /**
     * The expectations, the support and, if asked, the canonical Jacobian, in one pass over the angular nodes.
     *
     * @param density      \( p \), the truncated paraboloid
     * @param basis        \( \psi_1, \dots, \psi_N \)
     * @param withJacobian whether to compute \( \partial r / \partial \theta \) (the node count then also bounds the
     *                     error of its sums)
     * @throws ArithmeticException as {@link #expectation(TruncatedParaboloid, GaussianBasis2)}
     */
    public static ContinuousEvaluation evaluate(TruncatedParaboloid density, GaussianBasis2 basis, boolean withJacobian) {
        Objects.requireNonNull(density, "density must not be null");
        Objects.requireNonNull(basis, "basis must not be null");
        int n = basis.size();
        double[] mean = {density.meanX(), density.meanY()};
        Cholesky2 l = density.scale().cholesky();
        double r2 = density.radiusSquared();
        double[] r = new double[n];
        double[][] jacobian = withJacobian ? new double[6][n] : null;
        for (int j = 0; j < n; j++) {
            EllipseIntegrals integrals = EllipseIntegrals.of(mean, l, r2, basis.function(j));
            if (integrals.vanishes()) {
                continue;
            }
            double[] sums = integrals.bounded(withJacobian);
            double kappa = integrals.prefactor();
            r[j] = kappa * sums[0];
            if (withJacobian) {
                fillColumn(jacobian, j, kappa, sums, mean, l, r2);
            }
        }
        return new ContinuousEvaluation(r, jacobian, density.support());
    }

    /**
     * \( r_j \) and the Jacobian with exactly {@code angleNodes} trapezoid nodes for every basis function (a power of
     * two up to 16384), for convergence studies and for finite differences that must not see the a priori count switch
     * between neighbouring arguments.
     */
    static ContinuousEvaluation evaluate(TruncatedParaboloid density, GaussianBasis2 basis, int angleNodes) {
        int n = basis.size();
        double[] mean = {density.meanX(), density.meanY()};
        Cholesky2 l = density.scale().cholesky();
        double r2 = density.radiusSquared();
        double[] r = new double[n];
        double[][] jacobian = new double[6][n];
        for (int j = 0; j < n; j++) {
            EllipseIntegrals integrals = EllipseIntegrals.of(mean, l, r2, basis.function(j));
            double[] sums = integrals.fixed(angleNodes);
            r[j] = integrals.prefactor() * sums[0];
            fillColumn(jacobian, j, integrals.prefactor(), sums, mean, l, r2);
        }
        return new ContinuousEvaluation(r, jacobian, density.support());
    }

    /** Column \( j \) of the Jacobian from the sums \( (F, U_0, U_1, U_2) \); formulas in the class comment. */
    private static void fillColumn(
            double[][] jacobian, int j, double kappa, double[] sums, double[] mean, Cholesky2 l, double r2) {
        double u0 = sums[1];
        double[] lu1 = l.lowerTimes(sums[2], sums[3]);
        // W = U₂ − (R²/4) U₀ I, then L W Lᵀ.
        double wxx = sums[4] - 0.25 * r2 * u0;
        double wxy = sums[5];
        double wyy = sums[6] - 0.25 * r2 * u0;
        double l11 = l.l11();
        double l21 = l.l21();
        double l22 = l.l22();
        // L W = [[l11 wxx, l11 wxy], [l21 wxx + l22 wxy, l21 wxy + l22 wyy]]; (L W) Lᵀ.
        double lwxx = l11 * wxx;
        double lwxy = l11 * wxy;
        double lwyx = l21 * wxx + l22 * wxy;
        double lwyy = l21 * wxy + l22 * wyy;
        double sxx = lwxx * l11;
        double sxy = lwxx * l21 + lwxy * l22;
        double syy = lwyx * l21 + lwyy * l22;
        jacobian[0][j] = kappa * lu1[0];
        jacobian[1][j] = kappa * lu1[1];
        jacobian[2][j] = kappa * (2.0 * mean[0] * lu1[0] + sxx);
        double off = kappa * (mean[0] * lu1[1] + lu1[0] * mean[1] + sxy);
        jacobian[3][j] = off;
        jacobian[4][j] = off;
        jacobian[5][j] = kappa * (2.0 * mean[1] * lu1[1] + syy);
    }

    /**
     * Batched, differentiable \( r_{bj} \) with the radial closed form of {@link EllipseIntegrals} (written with
     * \( \operatorname{erf} \): accurate in absolute, not relative, terms far in the tails) and the trapezoid rule with
     * exactly {@code angleNodes} angles \( 2\pi k/M \).
     *
     * <p>The error of a fixed \( M \) decays like \( e^{-M^2 w^2/2} \) with \( w \) the angular width of
     * \( \psi_j \) seen from \( \mu \) (roughly its smallest standard deviation over its distance from \( \mu \) in
     * whitened coordinates, or over \( R \) if it lies outside the support). \( M = 64 \) gives \( 10^{-9} \) for
     * \( w \ge 0.1 \); the double kernel picks \( M \) per basis function and is the reference. Memory and time grow as
     * \( B \cdot N \cdot M \).
     *
     * <p>Only shapes and data types are checked, to keep the training loop free of device-to-host copies: a scale
     * that is not positive definite gives NaN, and NaN propagates. The off-diagonal of {@code scale} enters as the
     * mean of its two entries.
     *
     * @param mean             \( \mu \), \( [B, 2] \)
     * @param scale            \( \Sigma \) of the score, \( [B, 2, 2] \)
     * @param basisMeans       \( \mu_j \), \( [N, 2] \), \( N \ge 1 \)
     * @param basisCovariances \( \Sigma_j \), \( [N, 2, 2] \)
     * @param angleNodes       \( M \ge 8 \)
     * @return \( r \), \( [B, N] \), in the data type of {@code mean}
     * @throws IllegalArgumentException if a shape or data type does not fit or {@code angleNodes < 8}
     */
    public static NDArray expectation(
            NDArray mean, NDArray scale, NDArray basisMeans, NDArray basisCovariances, int angleNodes) {
        ArgumentShapes.requireMoments2(mean, "scale", scale);
        ArgumentShapes.requireBasis2(mean, basisMeans, basisCovariances);
        if (angleNodes < 8) {
            throw new IllegalArgumentException("angleNodes must be >= 8, got " + angleNodes);
        }
        NDManager manager = mean.getManager();
        // L of Σ per query, [B, 1]; L_j of Σ_j per basis function, [1, N].
        NDArray sxx = scale.get(":, 0, 0").expandDims(1);
        NDArray sxy = scale.get(":, 0, 1").add(scale.get(":, 1, 0")).mul(0.5).expandDims(1);
        NDArray syy = scale.get(":, 1, 1").expandDims(1);
        NDArray l11 = sxx.sqrt();
        NDArray l21 = sxy.div(l11);
        NDArray l22 = syy.sub(l21.square()).sqrt();
        NDArray a = basisCovariances.get(":, 0, 0").sqrt().expandDims(0);
        NDArray b = basisCovariances.get(":, 0, 1").add(basisCovariances.get(":, 1, 0")).mul(0.5).expandDims(0).div(a);
        NDArray cj = basisCovariances.get(":, 1, 1").expandDims(0).sub(b.square()).sqrt();
        // K = L_j⁻¹ L and y = L_j⁻¹ (μ_j − μ), [B, N].
        NDArray k11 = l11.div(a);
        NDArray k21 = l21.sub(b.mul(k11)).div(cj);
        NDArray k22 = l22.div(cj);
        NDArray y1 = basisMeans.get(":, 0").expandDims(0).sub(mean.get(":, 0").expandDims(1)).div(a);
        NDArray y2 = basisMeans.get(":, 1").expandDims(0).sub(mean.get(":, 1").expandDims(1)).sub(b.mul(y1)).div(cj);
        NDArray c = y1.square().add(y2.square()).expandDims(2);
        // R² = 2 / (√π (det Σ)^{1/4}) with det Σ = (l11 l22)², [B, 1, 1].
        NDArray r2 = l11.mul(l22).sqrt().mul(Math.sqrt(Math.PI)).pow(-1.0).mul(2.0).expandDims(2);
        NDArray r = r2.sqrt();
        double[] angles = new double[angleNodes];
        for (int k = 0; k < angleNodes; k++) {
            angles[k] = 2.0 * Math.PI * k / angleNodes;
        }
        NDArray theta = manager.create(angles, new Shape(1, 1, angleNodes)).toType(mean.getDataType(), false);
        NDArray cos = theta.cos();
        NDArray sin = theta.sin();
        NDArray ku1 = k11.expandDims(2).mul(cos);
        NDArray ku2 = k21.expandDims(2).mul(cos).add(k22.expandDims(2).mul(sin));
        NDArray quadA = ku1.square().add(ku2.square());
        NDArray quadB = ku1.mul(y1.expandDims(2)).add(ku2.mul(y2.expandDims(2)));
        NDArray rootA = quadA.sqrt();
        NDArray lower = quadB.neg().div(rootA);
        NDArray upper = rootA.mul(r).add(lower);
        NDArray mass = upper.mul(SQRT_HALF).erf().sub(lower.mul(SQRT_HALF).erf()).mul(0.5);
        NDArray peak = c.sub(quadB.square().div(quadA)).mul(-0.5).exp();
        NDArray atCentre = c.mul(-0.5).exp();
        NDArray atRim = quadA.mul(r2).sub(quadB.mul(r).mul(2.0)).add(c).mul(-0.5).exp();
        NDArray k0 = peak.mul(mass).div(rootA).mul(Math.exp(LOG_SQRT_TWO_PI));
        NDArray k1 = quadB.mul(k0).add(atCentre).sub(atRim).div(quadA);
        NDArray k2 = quadB.mul(k1).add(k0).sub(r.mul(atRim)).div(quadA);
        NDArray k3 = quadB.mul(k2).add(k1.mul(2.0)).sub(r2.mul(atRim)).div(quadA);
        NDArray radial = r2.mul(k1).sub(k3).mul(0.5);
        return radial.sum(new int[] {2}).mul(k11.mul(k22)).div(angleNodes);
    }

    /**
     * Batched, differentiable density \( p_b(t_l) = \tfrac12\big(R_b^2 - (t_l - \mu_b)^\top \Sigma_b^{-1}
     * (t_l - \mu_b)\big)_+ \) at fixed points, e.g. the cell centres of a {@link UnitSquareGrid} for display.
     *
     * @param mean   \( \mu \), \( [B, 2] \)
     * @param scale  \( \Sigma \), \( [B, 2, 2] \)
     * @param points \( t_l \), \( [P, 2] \)
     * @return \( [B, P] \) in the data type of {@code mean}
     * @throws IllegalArgumentException if a shape or data type does not fit
     */
    public static NDArray density(NDArray mean, NDArray scale, NDArray points) {
        ArgumentShapes.requireMoments2(mean, "scale", scale);
        ArgumentShapes.requireShape("points", points, -1, 2);
        ArgumentShapes.requireSameType("mean", mean, "points", points);
        NDArray sxx = scale.get(":, 0, 0").expandDims(1);
        NDArray sxy = scale.get(":, 0, 1").add(scale.get(":, 1, 0")).mul(0.5).expandDims(1);
        NDArray syy = scale.get(":, 1, 1").expandDims(1);
        NDArray det = sxx.mul(syy).sub(sxy.square());
        NDArray r2 = det.sqrt().mul(Math.PI).sqrt().pow(-1.0).mul(2.0);
        NDArray dx = points.get(":, 0").expandDims(0).sub(mean.get(":, 0").expandDims(1));
        NDArray dy = points.get(":, 1").expandDims(0).sub(mean.get(":, 1").expandDims(1));
        NDArray distance = dx.square().mul(syy).sub(dx.mul(dy).mul(sxy).mul(2.0)).add(dy.square().mul(sxx)).div(det);
        return r2.sub(distance).mul(0.5).maximum(0.0);
    }
}
