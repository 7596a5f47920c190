package dev.fovea.attention.continuous;

import dev.fovea.math.special.Erf;

/**
 * {@link RayPairs} one pair of opposite rays at a time, in plain double arithmetic with the tabulated
 * {@link Erf#erfcxOfNonNegative(double)}; the reference for {@link VectorRayPairs} and the route when the Vector API
 * module is absent.
 */
final class ScalarRayPairs implements RayPairs {

    static final ScalarRayPairs INSTANCE = new ScalarRayPairs();

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double SQRT_HALF_PI = Math.sqrt(0.5 * Math.PI);

    private ScalarRayPairs() {
    }

    @Override
    public void add(EllipseIntegrals integrals, double[] cos, double[] sin, int pairs, double[] sums) {
        double[] radial = new double[6];
        for (int k = 0; k < pairs; k++) {
            addPair(integrals, sums, cos[k], sin[k], radial);
        }
    }

    /**
     * Adds \( \tfrac12(R^2 K_1 - K_3), K_1, u K_2, u u^\top K_3 \) for the rays \( u = (\cos, \sin) \) and \( -u \).
     * The two rays share \( A \), \( \sqrt A \) and the tail \( \operatorname{erfcx}(|B|/\sqrt{2A}) E_0 \) at the
     * centre; {@code radial} receives \( K_1, K_2, K_3 \) of \( u \), then of \( -u \).
     */
    static void addPair(EllipseIntegrals e, double[] sums, double cos, double sin, double[] radial) {
        double r = e.radius;
        double r2 = e.radiusSquared;
        double c = e.c;
        double ku1 = e.k11 * cos;
        double ku2 = e.k21 * cos + e.k22 * sin;
        double a = ku1 * ku1 + ku2 * ku2;
        double b = ku1 * e.y1 + ku2 * e.y2;
        double rootA = Math.sqrt(a);
        double invRootA = 1.0 / rootA;
        double inverseA = invRootA * invRootA;
        double beta = Math.abs(b) * invRootA;
        double reach = rootA * r;
        double common = a * r2 + c;
        // "Ahead": the ray along which the Gaussian's centre projects forwards (B = |b| ≥ 0); "behind": B = −|b|.
        double rimAhead = Math.exp(-0.5 * (common - 2.0 * Math.abs(b) * r));
        double rimBehind = Math.exp(-0.5 * (common + 2.0 * Math.abs(b) * r));
        double centreTail = Erf.erfcxOfNonNegative(beta * SQRT_HALF) * e.atCentre;
        double behind = centreTail - Erf.erfcxOfNonNegative((reach + beta) * SQRT_HALF) * rimBehind;
        double upper = reach - beta;
        double ahead = upper > 0.0
                ? 2.0 * Math.exp(-0.5 * (c - b * b * inverseA))
                        - Erf.erfcxOfNonNegative(upper * SQRT_HALF) * rimAhead - centreTail
                : Erf.erfcxOfNonNegative(-upper * SQRT_HALF) * rimAhead - centreTail;
        int aheadAt = b >= 0.0 ? 0 : 3;
        radialIntegrals(e, Math.abs(b), ahead, rimAhead, inverseA, invRootA, radial, aheadAt);
        radialIntegrals(e, -Math.abs(b), behind, rimBehind, inverseA, invRootA, radial, 3 - aheadAt);
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

    /** \( K_1, K_2, K_3 \) on one ray from \( T \) and \( E_R \) ({@link EllipseIntegrals}), into {@code out[at..at+2]}. */
    private static void radialIntegrals(EllipseIntegrals e, double b, double t, double rim, double inverseA,
            double invRootA, double[] out, int at) {
        double k0 = SQRT_HALF_PI * invRootA * t;
        double k1 = (b * k0 + e.atCentre - rim) * inverseA;
        double k2 = (b * k1 + k0 - e.radius * rim) * inverseA;
        out[at] = k1;
        out[at + 1] = k2;
        out[at + 2] = (b * k2 + 2.0 * k1 - e.radiusSquared * rim) * inverseA;
    }
}
