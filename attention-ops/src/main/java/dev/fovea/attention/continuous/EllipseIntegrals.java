package dev.fovea.attention.continuous;

import dev.fovea.math.linalg.Cholesky2;
import dev.fovea.math.special.Erf;

/**
 * The integrals of one Gaussian basis function \( \psi = \mathcal{N}(\mu_j, \Sigma_j) \) over the support of a
 * truncated paraboloid, from which {@link ContinuousSparsemax2} builds \( r_j \) and \( \partial r_j/\partial\theta \):
 * the radial part in closed form, the angle by the periodic trapezoid rule.
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
 * each times \( 2\pi/M \). Node count: \( M \) doubles from a start set by the angular width of \( \psi \) seen from
 * the centre (\( \sigma_{\min} / \sqrt{d \min(d, R)} \), \( d = \lVert L^{-1}(\mu_j - \mu) \rVert \),
 * \( \sigma_{\min} \) the smallest standard deviation of \( \psi \) in \( s \)) until every sum moves by less than
 * {@link #TOLERANCE} relative (\( F \) against itself, \( U_0, U_1, U_2 \) against \( U_0, R U_0, R^2 U_0 \)).
 * Geometric convergence makes the error of the accepted sum far smaller than that last change (on 3 769 random
 * paraboloid–basis pairs the accepted \( F \) was within \( 3.5 \cdot 10^{-10} \) of the 16384-node value, typically
 * within \( 10^{-13} \)). \( M \) is always even, so the rays \( \vartheta_k \) and \( \vartheta_k + \pi \) are
 * evaluated together: they share \( A \), \( \sqrt A \) and the tail \( \operatorname{erfcx}(|B|/\sqrt{2A})\,E_0 \)
 * at the centre.
 */
final class EllipseIntegrals {

    /** Relative change between \( M \) and \( 2M \) nodes at which the sums are accepted. */
    static final double TOLERANCE = 1e-9;
    /** The largest node count the adaptive rule may reach. */
    static final int MAX_NODES = 1 << 14;
    /** Beyond this, \( e^{-x} \) underflows to 0 in double for every point of the disc. */
    private static final double UNDERFLOW_EXPONENT = 746.0;
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double SQRT_HALF_PI = Math.sqrt(0.5 * Math.PI);
    private static final double[] COS = new double[MAX_NODES];
    private static final double[] SIN = new double[MAX_NODES];

    static {
        for (int k = 0; k < MAX_NODES; k++) {
            COS[k] = Math.cos(2.0 * Math.PI * k / MAX_NODES);
            SIN[k] = Math.sin(2.0 * Math.PI * k / MAX_NODES);
        }
    }

    /** Number of accumulated sums: F, U0, U1x, U1y, U2xx, U2xy, U2yy. */
    private static final int SUMS = 7;

    private final double k11;
    private final double k21;
    private final double k22;
    private final double y1;
    private final double y2;
    private final double c;
    private final double radius;
    private final double radiusSquared;
    private final double atCentre;

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

    /** The start of the adaptive node count, a power of two \( \ge 8 \) (see the class comment). */
    int startingNodes() {
        // K = L_j⁻¹ L maps s to the whitened coordinates of ψ, so ψ's standard deviations in s are the reciprocal
        // singular values of K; the smallest one is 1/σ_max(K).
        double frobenius = k11 * k11 + k21 * k21 + k22 * k22;
        double determinant = k11 * k22;
        double largestSingularSquared = 0.5 * (frobenius + Math.sqrt(Math.max(0.0,
                frobenius * frobenius - 4.0 * determinant * determinant)));
        double sigmaMin = 1.0 / Math.sqrt(largestSingularSquared);
        // The centre of ψ in s: c = K⁻¹ y.
        double c1 = y1 / k11;
        double c2 = (y2 - k21 * c1) / k22;
        double distance = Math.hypot(c1, c2);
        double estimate = 2.0 * Math.sqrt(distance * Math.min(distance, radius)) / sigmaMin;
        int nodes = 8;
        while (nodes < estimate && nodes < MAX_NODES / 2) {
            nodes *= 2;
        }
        return nodes;
    }

    /**
     * The sums \( (F, U_0, U_{1,x}, U_{1,y}, U_{2,xx}, U_{2,xy}, U_{2,yy}) \), each already times \( 2\pi/M \), and the
     * node count \( M \) in the last entry, by the adaptive rule.
     *
     * @param withJacobian whether \( U_0, U_1, U_2 \) must converge too (else only \( F \) is tested)
     * @throws ArithmeticException if {@link #MAX_NODES} nodes do not reach {@link #TOLERANCE}
     */
    double[] adaptive(boolean withJacobian) {
        int nodes = startingNodes();
        double[] sums = new double[SUMS];
        accumulate(sums, 0, MAX_NODES / nodes);
        while (true) {
            double[] refined = sums.clone();
            // The nodes of the doubled rule that the current one lacks: the odd multiples of 2π / (2M).
            accumulate(refined, MAX_NODES / (2 * nodes), MAX_NODES / nodes);
            nodes *= 2;
            if (converged(sums, refined, withJacobian)) {
                double[] result = new double[SUMS + 1];
                for (int i = 0; i < SUMS; i++) {
                    result[i] = refined[i] * (2.0 * Math.PI / nodes);
                }
                result[SUMS] = nodes;
                return result;
            }
            if (nodes >= MAX_NODES) {
                throw new ArithmeticException("the angular trapezoid rule did not reach a relative change of "
                        + TOLERANCE + " with " + MAX_NODES + " nodes (basis function too narrow for the support: "
                        + "whitened centre (" + y1 + ", " + y2 + "), R = " + radius + ")");
            }
            sums = refined;
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
     * Compares the sums with \( M \) nodes ({@code coarse}, scaled as \( 2\times \) those with \( 2M \)) and with
     * \( 2M \) nodes ({@code fine}): both are plain sums, so the rule values are {@code coarse / M} and
     * {@code fine / 2M}.
     */
    private boolean converged(double[] coarse, double[] fine, boolean withJacobian) {
        double forwardChange = Math.abs(2.0 * coarse[0] - fine[0]);
        if (forwardChange > TOLERANCE * Math.abs(fine[0])) {
            return false;
        }
        if (!withJacobian) {
            return true;
        }
        double scale = Math.abs(fine[1]);
        double[] weights = {1.0, radius, radius, radiusSquared, radiusSquared, radiusSquared};
        for (int i = 1; i < SUMS; i++) {
            if (Math.abs(2.0 * coarse[i] - fine[i]) > TOLERANCE * weights[i - 1] * scale) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the integrands at the angles \( 2\pi (\mathit{first} + i \cdot \mathit{step}) / \mathrm{MAX} \), in pairs
     * \( \vartheta, \vartheta + \pi \): every node set used here is closed under that shift (\( M \) even).
     */
    private void accumulate(double[] sums, int first, int step) {
        double[] radial = new double[6];
        for (int k = first; k < MAX_NODES / 2; k += step) {
            addPair(sums, COS[k], SIN[k], radial);
        }
    }

    /** The seven integrands at one angle \( \vartheta \), e.g. for a rule other than this class's. */
    double[] integrandsAt(double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] radial = new double[6];
        addPair(new double[SUMS], cos, sin, radial);
        double k1 = radial[0];
        double k2 = radial[1];
        double k3 = radial[2];
        return new double[] {0.5 * (radiusSquared * k1 - k3), k1, cos * k2, sin * k2, cos * cos * k3, cos * sin * k3,
            sin * sin * k3};
    }

    /**
     * Adds \( \tfrac12(R^2 K_1 - K_3), K_1, u K_2, u u^\top K_3 \) for the rays \( u = (\cos, \sin) \) and \( -u \).
     * The two rays share \( A \), \( \sqrt A \) and the tail \( \operatorname{erfcx}(|B|/\sqrt{2A}) E_0 \) at the
     * centre; {@code radial} receives \( K_1, K_2, K_3 \) of \( u \), then of \( -u \).
     */
    private void addPair(double[] sums, double cos, double sin, double[] radial) {
        double r = radius;
        double r2 = radiusSquared;
        double e0 = atCentre;
        double ku1 = k11 * cos;
        double ku2 = k21 * cos + k22 * sin;
        double a = ku1 * ku1 + ku2 * ku2;
        double b = ku1 * y1 + ku2 * y2;
        double rootA = Math.sqrt(a);
        double invRootA = 1.0 / rootA;
        double inverseA = invRootA * invRootA;
        double beta = Math.abs(b) * invRootA;
        double reach = rootA * r;
        double common = a * r2 + c;
        // "Ahead": the ray along which the Gaussian's centre projects forwards (B = |b| ≥ 0); "behind": B = −|b|.
        double rimAhead = Math.exp(-0.5 * (common - 2.0 * Math.abs(b) * r));
        double rimBehind = Math.exp(-0.5 * (common + 2.0 * Math.abs(b) * r));
        double centreTail = Erf.erfcx(beta * SQRT_HALF) * e0;
        double behind = centreTail - Erf.erfcx((reach + beta) * SQRT_HALF) * rimBehind;
        double upper = reach - beta;
        double ahead = upper > 0.0
                ? 2.0 * Math.exp(-0.5 * (c - b * b * inverseA)) - Erf.erfcx(upper * SQRT_HALF) * rimAhead - centreTail
                : Erf.erfcx(-upper * SQRT_HALF) * rimAhead - centreTail;
        int aheadAt = b >= 0.0 ? 0 : 3;
        radialIntegrals(Math.abs(b), ahead, rimAhead, inverseA, invRootA, radial, aheadAt);
        radialIntegrals(-Math.abs(b), behind, rimBehind, inverseA, invRootA, radial, 3 - aheadAt);
        double k1 = radial[0] + radial[3];
        double k2 = radial[1] - radial[4];
        double k3 = radial[2] + radial[5];
        sums[0] += 0.5 * (r2 * k1 - k3);
        sums[1] += k1;
        sums[2] += cos * k2;
        sums[3] += sin * k2;
        sums[4] += cos * cos * k3;
        sums[5] += cos * sin * k3;
        sums[6] += sin * sin * k3;
    }

    /** \( K_1, K_2, K_3 \) on one ray from \( T \) and \( E_R \) (class comment), into {@code out[at..at+2]}. */
    private void radialIntegrals(double b, double t, double rim, double inverseA, double invRootA, double[] out, int at) {
        double k0 = SQRT_HALF_PI * invRootA * t;
        double k1 = (b * k0 + atCentre - rim) * inverseA;
        double k2 = (b * k1 + k0 - radius * rim) * inverseA;
        out[at] = k1;
        out[at + 1] = k2;
        out[at + 2] = (b * k2 + 2.0 * k1 - radiusSquared * rim) * inverseA;
    }
}
