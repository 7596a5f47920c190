package dev.fovea.attention.continuous;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RayPairs} with one pair of opposite rays per lane of the widest double vector of the CPU
 * ({@link DoubleVector#SPECIES_PREFERRED}: 8 lanes with AVX-512, 4 with AVX2), through the incubating Vector API.
 *
 * <p>The arithmetic is that of {@link ScalarRayPairs}, written without branches: the sign of \( B \) and the side of
 * the Gaussian's peak become lane blends, and both \( e^{-\frac12(C - B^2/A)} \) and the tail are computed in every lane.
 * \( e^x \) is the Vector API's {@link VectorOperators#EXP} (the JDK's vectorised libm, within 1 ulp), and
 * \( \operatorname{erfcx} \) on \( [0, \infty) \) is {@link #erfcx(DoubleVector)}: a table lookup, like the scalar
 * route's, would need a gather per coefficient. The tail of a half circle whose length is not a multiple of the
 * vector length is masked.
 *
 * <p>Only loaded when the JVM resolved {@code jdk.incubator.vector} ({@link RayPairs#fastest()}).
 */
final class VectorRayPairs implements RayPairs {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double SQRT_HALF_PI = Math.sqrt(0.5 * Math.PI);

    /** The centre \( \kappa \) of the map \( \tau = (x - \kappa)/(x + \kappa) \) of {@link #erfcx(DoubleVector)}. */
    private static final double ERFCX_CENTRE = 3.0;
    /**
     * Monomial coefficients (constant first) in \( \tau \) of \( h(\tau) = (1 + x/\kappa)\operatorname{erfcx}(x) \),
     * \( x = \kappa(1 + \tau)/(1 - \tau) \), \( \kappa = 3 \): the 22-term Chebyshev interpolant of \( h \) on
     * \( [-1, 1] \) (its coefficients fall below \( 10^{-17} \) by degree 21), computed with mpmath at 50 digits and
     * converted to monomials there. Horner in double is within 5 ulps of erfcx at 4500 points of \( [0, 10^4] \)
     * (measured against mpmath); the tests check 6 ulps at reference points and 12 against Cody's form.
     */
    private static final double[] ERFCX_COEFFICIENTS = {
        0.3580023023627799, -0.294464817723293, 0.19674278570136905, -0.10348908730032487, 0.039842587095677014,
        -0.008942411537958437, -0.00040413887411009487, 0.0010113539579816233, -0.00018276991291403435,
        -9.225899997789508e-05, 3.585391740464576e-05, 1.0131578675156923e-05, -5.823839277695447e-06,
        -1.5801189369395156e-06, 9.225490949004146e-07, 3.2798388174368307e-07, -1.3718778405338225e-07,
        -7.241314802770536e-08, 1.662235757595342e-08, 1.3174436327282527e-08, -1.176637834482961e-09,
        -1.3433763579088608e-09,
    };

    private VectorRayPairs() {
    }

    /** The kernel; initialising this class needs {@code jdk.incubator.vector}. */
    static VectorRayPairs create() {
        return new VectorRayPairs();
    }

    /** Lanes per vector on this CPU. */
    static int lanes() {
        return SPECIES.length();
    }

    @Override
    public void add(EllipseIntegrals e, double[] cos, double[] sin, int pairs, double[] sums) {
        double r = e.radius;
        double r2 = e.radiusSquared;
        double c = e.c;
        double e0 = e.atCentre;
        DoubleVector f = DoubleVector.zero(SPECIES);
        DoubleVector u0 = f;
        DoubleVector u1x = f;
        DoubleVector u1y = f;
        DoubleVector u2xx = f;
        DoubleVector u2xy = f;
        DoubleVector u2yy = f;
        for (int k = 0; k < pairs; k += SPECIES.length()) {
            VectorMask<Double> live = SPECIES.indexInRange(k, pairs);
            // Dead lanes load 0 and compute NaN, which the masked sums below never add.
            DoubleVector cs = DoubleVector.fromArray(SPECIES, cos, k, live);
            DoubleVector sn = DoubleVector.fromArray(SPECIES, sin, k, live);
            DoubleVector ku1 = cs.mul(e.k11);
            DoubleVector ku2 = cs.mul(e.k21).add(sn.mul(e.k22));
            DoubleVector a = ku1.mul(ku1).add(ku2.mul(ku2));
            DoubleVector b = ku1.mul(e.y1).add(ku2.mul(e.y2));
            DoubleVector rootA = a.sqrt();
            DoubleVector invRootA = DoubleVector.broadcast(SPECIES, 1.0).div(rootA);
            DoubleVector inverseA = invRootA.mul(invRootA);
            DoubleVector absB = b.abs();
            DoubleVector beta = absB.mul(invRootA);
            DoubleVector reach = rootA.mul(r);
            DoubleVector halfCommon = a.mul(-0.5 * r2).sub(0.5 * c);
            DoubleVector rimAhead = halfCommon.add(absB.mul(r)).lanewise(VectorOperators.EXP);
            DoubleVector rimBehind = halfCommon.sub(absB.mul(r)).lanewise(VectorOperators.EXP);
            DoubleVector centreTail = erfcx(beta.mul(SQRT_HALF)).mul(e0);
            DoubleVector behind = centreTail.sub(erfcx(reach.add(beta).mul(SQRT_HALF)).mul(rimBehind));
            DoubleVector upper = reach.sub(beta);
            DoubleVector tail = erfcx(upper.abs().mul(SQRT_HALF)).mul(rimAhead);
            DoubleVector peak = b.mul(b).mul(inverseA).sub(c).mul(0.5).lanewise(VectorOperators.EXP);
            VectorMask<Double> peakOnRay = upper.compare(VectorOperators.GT, 0.0);
            DoubleVector ahead = tail.blend(peak.add(peak).sub(tail), peakOnRay).sub(centreTail);
            // Radial recurrences on the ray ahead (B = |b|) and behind (B = −|b|), as ScalarRayPairs.radialIntegrals.
            DoubleVector k0a = invRootA.mul(ahead).mul(SQRT_HALF_PI);
            DoubleVector k1a = absB.mul(k0a).add(e0).sub(rimAhead).mul(inverseA);
            DoubleVector k2a = absB.mul(k1a).add(k0a).sub(rimAhead.mul(r)).mul(inverseA);
            DoubleVector k3a = absB.mul(k2a).add(k1a.add(k1a)).sub(rimAhead.mul(r2)).mul(inverseA);
            DoubleVector k0b = invRootA.mul(behind).mul(SQRT_HALF_PI);
            DoubleVector k1b = k0b.mul(absB).neg().add(e0).sub(rimBehind).mul(inverseA);
            DoubleVector k2b = k0b.sub(absB.mul(k1b)).sub(rimBehind.mul(r)).mul(inverseA);
            DoubleVector k3b = k1b.add(k1b).sub(absB.mul(k2b)).sub(rimBehind.mul(r2)).mul(inverseA);
            DoubleVector k1 = k1a.add(k1b);
            DoubleVector k2Ahead = k2a.sub(k2b);
            // K₂ is odd in u: the ray +u is the one ahead when b ≥ 0.
            DoubleVector k2 = k2Ahead.blend(k2Ahead.neg(), b.compare(VectorOperators.LT, 0.0));
            DoubleVector k3 = k3a.add(k3b);
            f = f.add(k1.mul(0.5 * r2).sub(k3.mul(0.5)), live);
            u0 = u0.add(k1, live);
            u1x = u1x.add(cs.mul(k2), live);
            u1y = u1y.add(sn.mul(k2), live);
            DoubleVector csk3 = cs.mul(k3);
            u2xx = u2xx.add(cs.mul(csk3), live);
            u2xy = u2xy.add(sn.mul(csk3), live);
            u2yy = u2yy.add(sn.mul(sn).mul(k3), live);
        }
        sums[0] += f.reduceLanes(VectorOperators.ADD);
        sums[1] += u0.reduceLanes(VectorOperators.ADD);
        sums[2] += u1x.reduceLanes(VectorOperators.ADD);
        sums[3] += u1y.reduceLanes(VectorOperators.ADD);
        sums[4] += u2xx.reduceLanes(VectorOperators.ADD);
        sums[5] += u2xy.reduceLanes(VectorOperators.ADD);
        sums[6] += u2yy.reduceLanes(VectorOperators.ADD);
    }

    /**
     * \( \operatorname{erfcx}(x) = e^{x^2}\operatorname{erfc}(x) \) lane by lane for finite \( x \ge 0 \):
     * \( \operatorname{erfcx}(x) = h(\tau)\, \kappa/(x + \kappa) \) with \( \tau = (x - \kappa)/(x + \kappa)
     * \in [-1, 1) \) and \( h \) the polynomial {@link #ERFCX_COEFFICIENTS} (Horner, fused multiply-adds). Mapping
     * \( [0, \infty) \) onto \( [-1, 1) \) this way keeps \( h \) smooth up to \( \tau = 1 \), where
     * \( h \to 1/(\kappa\sqrt\pi) \) (Schonfelder's form for erfc-type Chebyshev expansions).
     */
    static DoubleVector erfcx(DoubleVector x) {
        DoubleVector inverse = DoubleVector.broadcast(SPECIES, 1.0).div(x.add(ERFCX_CENTRE));
        DoubleVector tau = x.sub(ERFCX_CENTRE).mul(inverse);
        double[] c = ERFCX_COEFFICIENTS;
        DoubleVector sum = DoubleVector.broadcast(SPECIES, c[c.length - 1]);
        for (int n = c.length - 2; n >= 0; n--) {
            sum = sum.fma(tau, DoubleVector.broadcast(SPECIES, c[n]));
        }
        return sum.mul(inverse).mul(ERFCX_CENTRE);
    }

    /** {@link #erfcx(DoubleVector)} at one point (lane 0), for tests. */
    static double erfcx(double x) {
        return erfcx(DoubleVector.broadcast(SPECIES, x)).lane(0);
    }
}
