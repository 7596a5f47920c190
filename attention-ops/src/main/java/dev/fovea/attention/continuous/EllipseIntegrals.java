package dev.fovea.attention.continuous;

import dev.fovea.math.linalg.Cholesky2;
import dev.fovea.math.special.Erf;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The integrals of one Gaussian basis function \( \psi = \mathcal{N}(\mu_j, \Sigma_j) \) over the support of a
 * truncated paraboloid, from which {@link ContinuousSparsemax2} builds \( r_j \) and \( \partial r_j/\partial\theta \):
 * the radial part in closed form, the angle by the periodic trapezoid rule with an a priori node count.
 *
 * <p>Coordinates: \( t = \mu + L s \), \( \Sigma = L L^\top \), so the support is the disc \( \lVert s \rVert \le R \)
 * and \( p = \tfrac12(R^2 - \lVert s \rVert^2) \). With \( L_j L_j^\top = \Sigma_j \), \( K = L_j^{-1} L \) and
 * \( y = L_j^{-1}(\mu_j - \mu) \), \( \psi(t)\, dt = \frac{\det K}{2\pi} e^{-\frac12\lVert K s - y \rVert^2} ds \). On the ray
 * \( s = \rho u \), \( u = (\cos\vartheta, \sin\vartheta) \): \( \lVert K s - y \rVert^2 = A\rho^2 - 2B\rho + C \) with
 * \( A = \lVert K u \rVert^2 \), \( B = (K u)^\top y \), \( C = \lVert y \rVert^2 \). The radial integrals
 * \( K_m(\vartheta) = \int_0^R \rho^m e^{-\frac12(A\rho^2 - 2B\rho + C)} d\rho \) are
 * \[ K_0 = \sqrt{\tfrac{\pi}{2A}}\; T, \qquad A K_{m+1} = B K_m + m K_{m-1} - \big[\rho^m e^{-\frac12(\cdot)}\big]_0^R \]
 * (integration by parts), where \( T \) is \( 2 e^{-\frac12(C - B^2/A)} \big(\Phi(z_u) - \Phi(z_l)\big) \),
 * \( z_l = -B/\sqrt A \), \( z_u = \sqrt A R - B/\sqrt A \), written with \( \operatorname{erfcx} \) and the Gaussian
 * at the two ends of the ray, \( E_0 = e^{-C/2} \) and \( E_R = e^{-\frac12(AR^2 - 2BR + C)} \): e.g. for
 * \( z_l \ge 0 \), \( T = \operatorname{erfcx}(z_l/\sqrt2) E_0 - \operatorname{erfcx}(z_u/\sqrt2) E_R \). No factor
 * \( e^{+x^2} \) is ever formed, so nothing overflows.
 *
 * <p>The sums over the angle \( \vartheta_k = 2\pi k / M \) (the endpoint \( 2\pi \) excluded: the integrand is
 * periodic and analytic, so the rule converges geometrically; counting both 0 and \( 2\pi \), as the reference code's
 * {@code linspace(0, 2π, 100)} does, adds an \( O(1/M) \) bias) are
 * \[ F = \sum_k \tfrac12\big(R^2 K_1 - K_3\big), \quad U_0 = \sum_k K_1, \quad U_1 = \sum_k u_k K_2, \quad
 *    U_2 = \sum_k u_k u_k^\top K_3, \]
 * each times \( 2\pi/M \).
 *
 * <p>Node count, chosen a priori (no doubling, no observed-convergence test). Each integrand, e.g.
 * \( g(\vartheta) = \int_0^R \rho\, p(\rho)\, e^{-\frac12\lVert K \rho u(\vartheta) - y \rVert^2} d\rho \), is an
 * entire \( 2\pi \)-periodic function of \( \vartheta \) (\( u \) is a trigonometric polynomial). If
 * \( |g| \le S_\eta \) on the strip \( |\operatorname{Im}\vartheta| \le \eta \), the \( M \)-point periodic
 * trapezoid rule has error at most \( 4\pi S_\eta / (e^{M\eta} - 1) \) (Trefethen and Weideman, "The exponentially
 * convergent trapezoidal rule", SIAM Review 56 (2014), Theorem 3.2). On the strip,
 * \( u(\vartheta + i\eta) = \cosh\eta\, u(\vartheta) + i \sinh\eta\, u^\perp(\vartheta) \), so, with
 * \( A = \lVert K u \rVert^2 \), \( \lVert K u^\perp \rVert^2 = \lVert K \rVert_F^2 - A \) and
 * \( |B| \le \sqrt A \lVert y \rVert \),
 * \[ \operatorname{Re}\lVert K\rho u - y \rVert^2 = \lVert \rho\cosh\eta\, K u - y \rVert^2
 *      - \rho^2\sinh^2\eta \lVert K u^\perp \rVert^2
 *    \ge z^2 \cosh 2\eta - 2 z \cosh\eta \lVert y \rVert + \lVert y \rVert^2 - \rho^2 \lVert K \rVert_F^2
 *      \sinh^2\eta, \qquad z = \rho\sqrt A \in [0, \sigma_{\max} R], \]
 * whose minimum \( q_\eta \) over the admissible \( (z, \rho) \) (\( \rho \le \min(R, z/\sigma_{\min}) \)) is that
 * of two quadratics on intervals ({@link #smallestRealPart}); then
 * \( S_\eta \le w\, e^{-q_\eta/2} \), where
 * \( w = \int_0^R \rho\, p\, d\rho = R^4/8 \) for \( F \), \( R^2/2 \) for \( U_0 \), \( \cosh\eta\, R^3/3 \) for
 * \( U_1 \) and \( \cosh^2\eta\, R^4/4 \) for \( U_2 \) (\( |\cos|, |\sin| \le \cosh\eta \) on the strip). The
 * exact integrals are bounded below on a small disc inside the support where \( G = e^{-\frac12\lVert K s - y
 * \rVert^2} \) and \( p \) are bounded below ({@link #logLowerBounds}). \( M \) is the smallest even count (at least 8)
 * for which, for some \( \eta \) of the grid \( 0.25, 0.5, \dots, 3 \) (scanned up to the first rise), the bound is at most
 * {@link #TOLERANCE} times the lower bound (\( F \) against itself, \( U_0, U_1, U_2 \) against \( U_0, R U_0,
 * R^2 U_0 \)): a guaranteed relative error up to rounding, checked in the tests against 16384 nodes on random and
 * hard pairs. For the benchmark's pairs (10 × 10 grid, \( \sigma = 0.1 \)) this gives 39.3 nodes on average
 * (30 would do, found by search against a 4096-node reference; the earlier doubling rule evaluated 78).
 *
 * <p>Every \( \operatorname{erfcx} \) argument here is \( \ge 0 \), so the scalar route uses the tabulated
 * {@link Erf#erfcxOfNonNegative(double)} (about a fifth of its time saved against Cody's rational form). The loop over
 * the rays is {@link RayPairs}: with the Vector API module present, several pairs of rays per vector
 * ({@link VectorRayPairs}); the node count, and so the error bound, is the same either way.
 *
 * <p>\( M \) is always even, so the rays \( \vartheta_k \) and \( \vartheta_k + \pi \) are evaluated together:
 * they share \( A \), \( \sqrt A \) and the tail \( \operatorname{erfcx}(|B|/\sqrt{2A})\,E_0 \)
 * at the centre.
 */
final class EllipseIntegrals {

    /** The relative error the node count guarantees for every sum (class comment). */
    static final double TOLERANCE = 1e-9;
    /** The largest node count of the rule, and of {@link #fixed(int)}. */
    static final int MAX_NODES = 1 << 14;
    /** Beyond this, \( e^{-x} \) underflows to 0 in double for every point of the disc. */
    private static final double UNDERFLOW_EXPONENT = 746.0;
    /** The ray-pair loop: several pairs per vector when the Vector API module is present ({@link RayPairs}). */
    static final RayPairs RAYS = RayPairs.fastest();
    private static final double LOG_FOUR_PI_OVER_TOLERANCE = Math.log(4.0 * Math.PI / TOLERANCE);
    private static final double LOG_TWO = Math.log(2.0);
    private static final double LOG_3 = Math.log(3.0);
    private static final double LOG_4 = Math.log(4.0);
    private static final double LOG_8 = Math.log(8.0);
    private static final double LOG_PI = Math.log(Math.PI);
    /** The strip half-widths \( \eta = 0.25, 0.5, \dots, 3 \) tried by {@link #nodesFor(boolean)}. */
    private static final int STRIP_COUNT = 12;
    private static final double[] STRIP = new double[STRIP_COUNT];
    private static final double[] COSH = new double[STRIP_COUNT];
    private static final double[] LOG_COSH = new double[STRIP_COUNT];
    private static final double[] SINH_SQUARED = new double[STRIP_COUNT];
    private static final double[] COS = new double[MAX_NODES];
    private static final double[] SIN = new double[MAX_NODES];

    static {
        for (int i = 0; i < STRIP_COUNT; i++) {
            STRIP[i] = 0.25 * (i + 1);
            COSH[i] = Math.cosh(STRIP[i]);
            LOG_COSH[i] = Math.log(COSH[i]);
            SINH_SQUARED[i] = Math.sinh(STRIP[i]) * Math.sinh(STRIP[i]);
        }
        for (int k = 0; k < MAX_NODES; k++) {
            COS[k] = Math.cos(2.0 * Math.PI * k / MAX_NODES);
            SIN[k] = Math.sin(2.0 * Math.PI * k / MAX_NODES);
        }
    }

    /** Number of accumulated sums: F, U0, U1x, U1y, U2xx, U2xy, U2yy. */
    private static final int SUMS = 7;

    final double k11;
    final double k21;
    final double k22;
    final double y1;
    final double y2;
    final double c;
    final double radius;
    final double radiusSquared;
    final double atCentre;

    private EllipseIntegrals(double k11, double k21, double k22, double y1, double y2, double radiusSquared) {
        this.k11 = k11;
        this.k21 = k21;
        this.k22 = k22;
        this.y1 = y1;
        this.y2 = y2;
        this.c = y1 * y1 + y2 * y2;
        this.radiusSquared = radiusSquared;
        this.radius = Math.sqrt(radiusSquared);
        this.atCentre = Math.exp(-0.5 * c);
    }

    /**
     * The sums for one paraboloid (factor \( L \), squared radius \( R^2 \)) and one basis function.
     *
     * @param mean          \( \mu \) of the paraboloid
     * @param factor        \( L \) with \( \Sigma = L L^\top \)
     * @param radiusSquared \( R^2 \)
     * @param psi           the basis function
     */
    static EllipseIntegrals of(double[] mean, Cholesky2 factor, double radiusSquared, Gaussian2 psi) {
        Cholesky2 basisFactor = psi.covariance().cholesky();
        double a = basisFactor.l11();
        double b = basisFactor.l21();
        double cj = basisFactor.l22();
        double k11 = factor.l11() / a;
        double k21 = (factor.l21() - b * k11) / cj;
        double k22 = factor.l22() / cj;
        double y1 = (psi.meanX() - mean[0]) / a;
        double y2 = (psi.meanY() - mean[1] - b * y1) / cj;
        return new EllipseIntegrals(k11, k21, k22, y1, y2, radiusSquared);
    }

    /** \( \det K / (2\pi) \), the constant in front of every sum. */
    double prefactor() {
        return k11 * k22 / (2.0 * Math.PI);
    }

    /** Whether \( \psi \) underflows to 0 on the whole disc, so that every sum is exactly 0. */
    boolean vanishes() {
        // ‖Ks − y‖ ≥ σ_min(K) (‖c‖ − R) with c = K⁻¹y; σ_min(K)‖c‖ ≥ ‖y‖ ‖K‖⁻¹‖K‖ … use the cruder but safe
        // ‖Ks − y‖ ≥ ‖y‖ − ‖K‖ R.
        double norm = Math.sqrt(k11 * k11 + k21 * k21 + k22 * k22);
        double gap = Math.sqrt(c) - norm * radius;
        return gap > 0.0 && 0.5 * gap * gap > UNDERFLOW_EXPONENT;
    }

    /**
     * The smallest even node count \( M \ge 8 \) for which the bound of the class comment guarantees a relative
     * error of at most {@link #TOLERANCE} in \( F \) and, if asked, in \( U_0, U_1, U_2 \) (against
     * \( U_0, R U_0, R^2 U_0 \)).
     *
     * @throws ArithmeticException if that count exceeds {@link #MAX_NODES}
     */
    int nodesFor(boolean withJacobian) {
        double frobenius = k11 * k11 + k21 * k21 + k22 * k22;
        double sigma = Math.sqrt(largestSingularSquared());
        double smallestSigma = k11 * k22 / sigma;
        double spread = frobenius / (smallestSigma * smallestSigma);
        double distance = Math.sqrt(c);
        double logR = 0.5 * Math.log(radiusSquared);
        double[] lower = logLowerBounds(sigma, logR);
        // log of 4π × (the ρ-weight of each sum) / (tolerance × its lower bound); F: R⁴/8, U₀: R²/2, U₁: R³/3 against
        // R U₀, U₂: R⁴/4 against R² U₀.
        double fixedF = LOG_FOUR_PI_OVER_TOLERANCE + 4.0 * logR - LOG_8 - lower[0];
        double fixedU0 = LOG_FOUR_PI_OVER_TOLERANCE + 2.0 * logR - LOG_TWO - lower[1];
        double fixedU1 = LOG_FOUR_PI_OVER_TOLERANCE + 2.0 * logR - LOG_3 - lower[1];
        double fixedU2 = LOG_FOUR_PI_OVER_TOLERANCE + 2.0 * logR - LOG_4 - lower[1];
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < STRIP_COUNT; i++) {
            double eta = STRIP[i];
            double logGaussian = -0.5 * smallestRealPart(i, frobenius, spread, sigma, smallestSigma, distance);
            double exponent = fixedF + logGaussian;
            if (withJacobian) {
                double logCosh = LOG_COSH[i];
                exponent = Math.max(exponent, Math.max(fixedU0 + logGaussian,
                        Math.max(fixedU1 + logCosh + logGaussian, fixedU2 + 2.0 * logCosh + logGaussian)));
            }
            // e^{Mη} − 1 ≥ e^{x} holds once Mη ≥ max(x, 0) + log 2.
            double nodes = (Math.max(exponent, 0.0) + LOG_TWO) / eta;
            if (nodes > best) {
                // Typically unimodal in η; stopping at the first rise can only cost nodes, never accuracy: every η
                // gives a valid bound.
                break;
            }
            best = nodes;
        }
        if (!(best <= MAX_NODES - 2)) {
            throw new ArithmeticException("the angular trapezoid rule would need more than " + MAX_NODES
                    + " nodes for a relative error of " + TOLERANCE + " (basis function too narrow for the support: "
                    + "whitened centre (" + y1 + ", " + y2 + "), R = " + radius + ")");
        }
        int nodes = 2 * (int) Math.ceil(0.5 * best);
        return Math.max(8, nodes);
    }

    /**
     * A lower bound of \( \operatorname{Re}\lVert K s - y \rVert^2 \) for \( s = \rho\, u(\vartheta + i\eta) \),
     * \( 0 \le \rho \le R \), any real \( \vartheta \) (class comment): with \( z = \rho\sqrt A \in [0, \sigma R] \)
     * the minimum of the two quadratics \( z^2 \cosh 2\eta - 2 z \cosh\eta \lVert y \rVert + \lVert y \rVert^2
     * - \rho^2 \lVert K \rVert_F^2 \sinh^2\eta \), \( \rho = z/\sigma_{\min} \) on \( [0, \sigma_{\min} R] \) and
     * \( \rho = R \) on \( [\sigma_{\min} R, \sigma R] \).
     */
    private double smallestRealPart(
            int strip, double frobenius, double spread, double sigma, double smallestSigma, double distance) {
        double cosh = COSH[strip];
        double sinhSquared = SINH_SQUARED[strip];
        double cosh2 = 1.0 + 2.0 * sinhSquared;
        double linear = -2.0 * cosh * distance;
        double constant = distance * distance;
        double inner = smallestSigma * radius;
        // ρ = z/σ_min on the near part: ρ²‖K‖_F² = z² ‖K‖_F²/σ_min², with spread = ‖K‖_F²/σ_min².
        double nearPart = smallestQuadratic(cosh2 - spread * sinhSquared, linear, constant, 0.0, inner);
        double farPart = smallestQuadratic(cosh2, linear, constant - radiusSquared * frobenius * sinhSquared, inner,
                sigma * radius);
        return Math.min(nearPart, farPart);
    }

    /** \( \min_{lo \le z \le hi} (a_2 z^2 + a_1 z + a_0) \). */
    private static double smallestQuadratic(double a2, double a1, double a0, double lo, double hi) {
        double atEnds = Math.min((a2 * lo + a1) * lo + a0, (a2 * hi + a1) * hi + a0);
        if (a2 > 0.0) {
            double vertex = -0.5 * a1 / a2;
            if (vertex > lo && vertex < hi) {
                return Math.min(atEnds, (a2 * vertex + a1) * vertex + a0);
            }
        }
        return atEnds;
    }

    /** \( \sigma_{\max}(K)^2 \), the largest eigenvalue of \( K^\top K \). */
    private double largestSingularSquared() {
        double frobenius = k11 * k11 + k21 * k21 + k22 * k22;
        double determinant = k11 * k22;
        return 0.5 * (frobenius + Math.sqrt(Math.max(0.0, frobenius * frobenius - 4.0 * determinant * determinant)));
    }

    /**
     * Logarithms of lower bounds of \( \int_{\lVert s \rVert \le R} p\, G\, ds \) (the exact value of the
     * \( F \) integral) and of \( \int_{\lVert s \rVert \le R} G\, ds \) (that of \( U_0 \)), with
     * \( G(s) = e^{-\frac12\lVert K s - y \rVert^2} \): on a small disc \( D(s_0, h) \) inside the support,
     * \( G \ge e^{-\frac12(\lVert K s_0 - y \rVert + \sigma_{\max} h)^2} \), where \( s_0 \) is the centre
     * \( K^{-1} y \) of \( G \) pulled to within \( R - h \) of 0 (for \( U_0 \)) or within \( R - 2h \) (for
     * \( F \), so that \( p \ge \tfrac12(R^2 - (R - h)^2) \ge \tfrac12 h R \) on the small disc); the best of
     * \( h = R/2, R/4, \dots, R/64 \) is kept.
     */
    private double[] logLowerBounds(double sigma, double logR) {
        double c1 = y1 / k11;
        double c2 = (y2 - k21 * c1) / k22;
        double centre = Math.sqrt(c1 * c1 + c2 * c2);
        double distance = Math.sqrt(c);
        double bestF = Double.NEGATIVE_INFINITY;
        double bestU0 = Double.NEGATIVE_INFINITY;
        double h = radius;
        double logH = logR;
        for (int i = 0; i < 6; i++) {
            h *= 0.5;
            logH -= LOG_TWO;
            double logArea = LOG_PI + 2.0 * logH;
            bestF = Math.max(bestF, logArea + logH + logR - LOG_TWO
                    + logGaussianOnDisc(centre, distance, radius - 2.0 * h, h, sigma));
            bestU0 = Math.max(bestU0, logArea + logGaussianOnDisc(centre, distance, radius - h, h, sigma));
        }
        return new double[] {bestF, bestU0};
    }

    /**
     * \( \log \min G \) on \( D(s_0, h) \), \( s_0 = t c \) the centre \( c = K^{-1} y \) of \( G \) shortened to
     * length {@code limit}: \( \lVert K s_0 - y \rVert = (1 - t) \lVert K c \rVert = (1 - t) \lVert y \rVert \).
     */
    private static double logGaussianOnDisc(double centre, double distance, double limit, double h, double sigma) {
        double shrink = centre > limit ? limit / centre : 1.0;
        double worst = (1.0 - shrink) * distance + sigma * h;
        return -0.5 * worst * worst;
    }

    /**
     * The sums \( (F, U_0, U_{1,x}, U_{1,y}, U_{2,xx}, U_{2,xy}, U_{2,yy}) \), each already times \( 2\pi/M \), and the
     * node count \( M \) of {@link #nodesFor(boolean)} in the last entry.
     *
     * @param withJacobian whether \( U_0, U_1, U_2 \) must reach the tolerance too (else only \( F \))
     * @throws ArithmeticException as {@link #nodesFor(boolean)}
     */
    double[] bounded(boolean withJacobian) {
        int nodes = nodesFor(withJacobian);
        double[] sums = new double[SUMS + 1];
        if (nodes > HalfCircle.LARGEST_CACHED) {
            // Rare: the next power of two, whose angles are in the full table (more nodes only lower the error).
            nodes = Integer.highestOneBit(nodes - 1) << 1;
            accumulate(sums, 0, MAX_NODES / nodes);
        } else {
            HalfCircle angles = HalfCircle.of(nodes);
            RAYS.add(this, angles.cos(), angles.sin(), nodes / 2, sums);
        }
        double step = 2.0 * Math.PI / nodes;
        for (int i = 0; i < SUMS; i++) {
            sums[i] *= step;
        }
        sums[SUMS] = nodes;
        return sums;
    }

    /**
     * \( \cos \) and \( \sin \) of \( 2\pi k/M \), \( 0 \le k &lt; M/2 \), for an even
     * \( M \le \) {@link #LARGEST_CACHED}; built once per \( M \) (at most 2 MiB in all; a race builds equal tables
     * twice, harmlessly: the record's final fields publish them safely).
     */
    private record HalfCircle(double[] cos, double[] sin) {

        static final int LARGEST_CACHED = 1024;
        private static final AtomicReferenceArray<HalfCircle> CACHE = new AtomicReferenceArray<>(LARGEST_CACHED / 2 + 1);

        static HalfCircle of(int nodes) {
            HalfCircle cached = CACHE.get(nodes / 2);
            if (cached != null) {
                return cached;
            }
            double[] cos = new double[nodes / 2];
            double[] sin = new double[nodes / 2];
            for (int k = 0; k < nodes / 2; k++) {
                cos[k] = Math.cos(2.0 * Math.PI * k / nodes);
                sin[k] = Math.sin(2.0 * Math.PI * k / nodes);
            }
            HalfCircle built = new HalfCircle(cos, sin);
            CACHE.set(nodes / 2, built);
            return built;
        }
    }

    /** The sums with exactly {@code nodes} equally spaced angles (a divisor of {@link #MAX_NODES}), times \( 2\pi/M \). */
    double[] fixed(int nodes) {
        if (nodes < 1 || MAX_NODES % nodes != 0) {
            throw new IllegalArgumentException("nodes must be a power of two in [1, " + MAX_NODES + "], got " + nodes);
        }
        double[] sums = new double[SUMS];
        accumulate(sums, 0, MAX_NODES / nodes);
        for (int i = 0; i < SUMS; i++) {
            sums[i] *= 2.0 * Math.PI / nodes;
        }
        return sums;
    }

    /**
     * Adds the integrands at the angles \( 2\pi (\mathit{first} + i \cdot \mathit{step}) / \mathrm{MAX} \), in pairs
     * \( \vartheta, \vartheta + \pi \): every node set used here is closed under that shift (\( M \) even).
     */
    private void accumulate(double[] sums, int first, int step) {
        double[] radial = new double[6];
        for (int k = first; k < MAX_NODES / 2; k += step) {
            ScalarRayPairs.addPair(this, sums, COS[k], SIN[k], radial);
        }
    }

    /** The seven integrands at one angle \( \vartheta \), e.g. for a rule other than this class's. */
    double[] integrandsAt(double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] radial = new double[6];
        ScalarRayPairs.addPair(this, new double[SUMS], cos, sin, radial);
        double k1 = radial[0];
        double k2 = radial[1];
        double k3 = radial[2];
        return new double[] {0.5 * (radiusSquared * k1 - k3), k1, cos * k2, sin * k2, cos * cos * k3, cos * sin * k3,
            sin * sin * k3};
    }
}
