package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.math.VectorApi;
import dev.fovea.math.linalg.SymmetricMatrix2;
import dev.fovea.math.special.Erf;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two ray-pair loops of {@link EllipseIntegrals} compute the same sums, and the vector route's own
 * \( \operatorname{erfcx} \) is accurate. This module's tests run with {@code --add-modules jdk.incubator.vector}
 * (its pom); the modules downstream (serving, webui) run without it and so use the scalar route end to end.
 */
class RayPairsTest {

    @Test
    void theVectorRouteIsChosenWhenTheModuleIsResolved() {
        assertTrue(VectorApi.isResolved(), "attention-ops' surefire argLine must add jdk.incubator.vector");
        assertInstanceOf(VectorRayPairs.class, RayPairs.fastest());
        assertInstanceOf(VectorRayPairs.class, EllipseIntegrals.RAYS);
        assertTrue(VectorRayPairs.lanes() >= 2, "lanes: " + VectorRayPairs.lanes());
    }

    /**
     * Pairs of the kind attention layers meet (supports of variances 0.005–0.03 anywhere in the unit square, the
     * 10 × 10 grid of \( \sigma = 0.1 \) basis functions, as in the benchmark) and every pair count from 1 to 40, so
     * that every remainder of the vector length occurs: the seven sums agree to \( 10^{-12} \) relative to the terms
     * they are made of — \( U_0 \) to itself, \( U_1, U_2 \) to \( R U_0, R^2 U_0 \) (the scale of the Jacobian's
     * columns), \( F = \sum \tfrac12(R^2 K_1 - K_3) \) to \( \tfrac12 R^2 U_0 \) (for a basis function far outside
     * the support, whose mass sits at the rim where \( p \to 0 \), that difference cancels).
     */
    @Test
    void vectorAndScalarRoutesAgreeOnAttentionLayerPairs() {
        SplittableRandom random = new SplittableRandom(77);
        GaussianBasis2 basis = GaussianBasis2.grid(10, 0.1);
        double worst = 0;
        for (int trial = 0; trial < 40; trial++) {
            double vx = random.nextDouble(0.005, 0.03);
            double vy = random.nextDouble(0.005, 0.03);
            double rho = random.nextDouble(-0.5, 0.5);
            TruncatedParaboloid p = TruncatedParaboloid.fromCovariance(random.nextDouble(0.0, 1.0),
                    random.nextDouble(0.0, 1.0), SymmetricMatrix2.of(vx, rho * Math.sqrt(vx * vy), vy));
            for (int j = 0; j < basis.size(); j++) {
                worst = Math.max(worst, routeDifference(p, basis.function(j), 1 + trial));
            }
        }
        assertTrue(worst <= 1e-12, "vector and scalar sums differ by " + worst);
    }

    /**
     * The hard pairs of {@code ContinuousSparsemax2Test} (supports from a fraction of a basis width to 40 widths,
     * correlations up to ±0.95, basis functions far outside): there the radial recurrences divide by a small \( A \)
     * after subtracting nearly equal terms, and amplify the two routes' different roundings (exp, erfcx) alike, by up
     * to \( 10^{5} \); they still agree to \( 10^{-10} \), and that test bounds the vector route's error against 16384
     * nodes by the \( 10^{-9} \) tolerance.
     */
    @Test
    void vectorAndScalarRoutesAgreeOnHardPairs() {
        SplittableRandom random = new SplittableRandom(78);
        double worst = 0;
        for (int trial = 0; trial < 2000; trial++) {
            HardEllipsePair pair = HardEllipsePair.draw(random);
            worst = Math.max(worst, routeDifference(pair.density(), pair.basisFunction(), 1 + trial % 40));
        }
        assertTrue(worst <= 1e-10, "vector and scalar sums differ by " + worst);
    }

    /** The largest scaled difference of the seven sums of the two routes over {@code pairs} ray pairs (0 if negligible). */
    private static double routeDifference(TruncatedParaboloid p, Gaussian2 psi, int pairs) {
        EllipseIntegrals integrals = EllipseIntegrals.of(new double[] {p.meanX(), p.meanY()}, p.scale().cholesky(),
                p.radiusSquared(), psi);
        if (integrals.vanishes()) {
            return 0.0;
        }
        double[] cos = new double[pairs];
        double[] sin = new double[pairs];
        for (int k = 0; k < pairs; k++) {
            cos[k] = Math.cos(Math.PI * k / pairs);
            sin[k] = Math.sin(Math.PI * k / pairs);
        }
        double[] scalarSums = new double[7];
        double[] vectorSums = new double[7];
        ScalarRayPairs.INSTANCE.add(integrals, cos, sin, pairs, scalarSums);
        RayPairs.fastest().add(integrals, cos, sin, pairs, vectorSums);
        // Near the underflow threshold both lose digits to subnormal intermediates.
        if (scalarSums[1] < 1e-280) {
            return 0.0;
        }
        double r = Math.sqrt(p.radiusSquared());
        double[] scale = {0.5 * r * r * scalarSums[1], scalarSums[1], r * scalarSums[1], r * scalarSums[1],
            r * r * scalarSums[1], r * r * scalarSums[1], r * r * scalarSums[1]};
        double worst = 0.0;
        for (int i = 0; i < 7; i++) {
            worst = Math.max(worst, Math.abs(vectorSums[i] - scalarSums[i]) / scale[i]);
        }
        return worst;
    }

    /**
     * Values of \( \operatorname{erfcx} \) from mpmath 1.3 ({@code erfc(x)*exp(x**2)} at 30 digits), to 6 ulps.
     */
    @Test
    void vectorErfcxMatchesReferenceValues() {
        double[][] reference = {
            {0.0, 1.0},
            {0.5, 0.61569034419292587487},
            {1.0, 0.42758357615580700441},
            {2.0, 0.25539567631050574387},
            {3.7, 0.14743499753718507911},
            {8.0, 0.069985166200880927723},
            {25.0, 0.022549572432641358944},
            {1000.0, 0.0005641893014533876542},
        };
        for (double[] point : reference) {
            double value = VectorRayPairs.erfcx(point[0]);
            assertEquals(point[1], value, 6 * Math.ulp(point[1]), "erfcx(" + point[0] + ")");
        }
    }

    /** Against Cody's {@link Erf#erfcx(double)} (within about 6 ulps itself) on [0, 30] and out to 10⁴. */
    @Test
    void vectorErfcxAgreesWithCodysRationalForm() {
        SplittableRandom random = new SplittableRandom(5);
        double worst = 0;
        for (int i = 0; i < 20000; i++) {
            double x = i % 2 == 0 ? random.nextDouble(0.0, 30.0) : Math.pow(10.0, random.nextDouble(-3.0, 4.0));
            double expected = Erf.erfcx(x);
            worst = Math.max(worst, Math.abs(VectorRayPairs.erfcx(x) - expected) / Math.ulp(expected));
        }
        assertTrue(worst <= 12, "worst difference " + worst + " ulps");
    }
}
