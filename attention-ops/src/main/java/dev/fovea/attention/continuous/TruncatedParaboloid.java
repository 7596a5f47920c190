package dev.fovea.attention.continuous;

import dev.fovea.math.Finite;
import dev.fovea.math.linalg.NotPositiveDefiniteException;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.Objects;

/**
 * The truncated paraboloid, the density of 2-D continuous sparsemax with a quadratic score (Martins et al. 2020,
 * §2.4, "truncated paraboloid", Fig. 1):
 * \[ p(t) = \Big[-\tfrac12 (t - \mu)^\top \Sigma^{-1} (t - \mu) - \tau\Big]_+
 *         = \tfrac12 \big(R^2 - \lVert s \rVert^2\big)_+, \qquad t = \mu + L s,\ \Sigma = L L^\top, \]
 * with \( \tau = -R^2/2 \). Normalisation: \( \int p = \sqrt{\det\Sigma}\, \int_{\lVert s \rVert \le R}
 * \tfrac12 (R^2 - \lVert s \rVert^2)\, ds = \sqrt{\det\Sigma}\, \pi R^4 / 4 = 1 \), so
 * \[ R^2 = \frac{2}{\sqrt\pi\, (\det\Sigma)^{1/4}}, \qquad
 *    \tau = -\Big(\frac{\Gamma(d/2 + 2)}{\sqrt{\det(2\pi\Sigma)}}\Big)^{2/(d+2)} \text{ at } d = 2. \]
 * The support is the ellipse \( \{t : (t - \mu)^\top \Sigma^{-1} (t - \mu) \le R^2\} \).
 *
 * <p>Here \( \Sigma \) is the scale of the <em>score</em>, not the covariance of \( p \). In \( s \) the density is
 * radial with \( \mathbb{E}\lVert s \rVert^2 = R^2 d/(d + 4) \) in \( d \) dimensions
 * (\( \int_0^R r^{d+1}(R^2 - r^2) dr / \int_0^R r^{d-1}(R^2 - r^2) dr \)), so
 * \[ \operatorname{Cov}_p[t] = \frac{R^2}{d + 4}\, \Sigma = \frac{R^2}{6} \Sigma
 *      = \frac{\Sigma}{3\sqrt\pi\, (\det\Sigma)^{1/4}}, \qquad\text{and}\qquad
 *    \Sigma = 9\pi \sqrt{\det C}\; C \ \text{ gives covariance } C \]
 * ({@link #fromCovariance(double, double, SymmetricMatrix2)}, the moment-matching head of continuous sparsemax; in
 * \( d \) dimensions the covariance is \( \kappa_d (\det\Sigma)^{-1/(d+2)} \Sigma \)).
 *
 * <p>Immutable and thread-safe.
 *
 * @param meanX \( \mu_1 \), finite
 * @param meanY \( \mu_2 \), finite
 * @param scale \( \Sigma \), symmetric positive definite
 */
public record TruncatedParaboloid(double meanX, double meanY, SymmetricMatrix2 scale) {

    /**
     * @throws IllegalArgumentException     if a mean coordinate is not finite
     * @throws NotPositiveDefiniteException if \( \Sigma \) is not positive definite
     */
    public TruncatedParaboloid {
        Finite.check("mean", new double[] {meanX, meanY});
        Objects.requireNonNull(scale, "scale must not be null");
        Gaussian2.requirePositiveDefinite("scale", scale);
    }

    /**
     * The truncated paraboloid with score \( -\tfrac12 (t - \mu)^\top \Sigma^{-1} (t - \mu) \); same as the
     * constructor.
     */
    public static TruncatedParaboloid of(double meanX, double meanY, SymmetricMatrix2 scale) {
        return new TruncatedParaboloid(meanX, meanY, scale);
    }

    /**
     * The truncated paraboloid with mean \( \mu \) and covariance \( C \): \( \Sigma = 9\pi\sqrt{\det C}\, C \).
     *
     * @throws NotPositiveDefiniteException if \( C \) is not positive definite
     */
    public static TruncatedParaboloid fromCovariance(double meanX, double meanY, SymmetricMatrix2 covariance) {
        Objects.requireNonNull(covariance, "covariance must not be null");
        Gaussian2.requirePositiveDefinite("covariance", covariance);
        return new TruncatedParaboloid(meanX, meanY, scaleForCovariance(covariance));
    }

    /** \( \Sigma = 9\pi\sqrt{\det C}\, C \), the scale whose truncated paraboloid has covariance \( C \). */
    static SymmetricMatrix2 scaleForCovariance(SymmetricMatrix2 covariance) {
        return covariance.scaled(9.0 * Math.PI * Math.sqrt(covariance.determinant()));
    }

    /** \( R^2 = 2 / (\sqrt\pi\, (\det\Sigma)^{1/4}) \), the squared radius of the support in whitened coordinates. */
    public double radiusSquared() {
        return 2.0 / Math.sqrt(Math.PI * Math.sqrt(scale.determinant()));
    }

    /** \( \tau = -R^2/2 \). */
    public double threshold() {
        return -0.5 * radiusSquared();
    }

    /** \( \operatorname{Cov}_p[t] = \frac{R^2}{6} \Sigma \). */
    public SymmetricMatrix2 covariance() {
        return scale.scaled(radiusSquared() / 6.0);
    }

    /** The support \( \{t : (t - \mu)^\top M (t - \mu) \le 1\} \) with \( M = \Sigma^{-1}/R^2 \). */
    public Support.Ellipse support() {
        return new Support.Ellipse(new double[] {meanX, meanY}, scale.inverse().scaled(1.0 / radiusSquared()).toRows());
    }

    /** \( p(t) \) at \( t = (x, y) \), 0 outside the support; NaN in, NaN out. */
    public double density(double x, double y) {
        double distance = scale.cholesky().inverseQuadraticForm(x - meanX, y - meanY);
        return Math.max(0.0, 0.5 * (radiusSquared() - distance));
    }

    /** The canonical parameters \( \theta = (\Sigma^{-1}\mu, -\tfrac12\Sigma^{-1}) \) of the score. */
    public QuadraticScore2 score() {
        return QuadraticScore2.fromLocationScale(meanX, meanY, scale);
    }
}
