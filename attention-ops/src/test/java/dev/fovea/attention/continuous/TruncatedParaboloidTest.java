package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.math.linalg.NotPositiveDefiniteException;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruncatedParaboloidTest extends Density2Contract {

    static TruncatedParaboloid correlated() {
        return TruncatedParaboloid.of(0.4, 0.55, SymmetricMatrix2.of(0.02, 0.008, 0.012));
    }

    @Override
    List<Case> cases() {
        return List.of();
    }

    @Override
    List<EllipseCase> ellipseCases() {
        return List.of(asCase("standard", TruncatedParaboloid.of(0, 0, SymmetricMatrix2.identity())),
                asCase("correlated", correlated()),
                asCase("from covariance", TruncatedParaboloid.fromCovariance(0.7, 0.2,
                        SymmetricMatrix2.of(0.004, -0.001, 0.002))));
    }

    static EllipseCase asCase(String name, TruncatedParaboloid p) {
        return new EllipseCase(name, p::density, new double[] {p.meanX(), p.meanY()}, p.covariance().toRows(),
                p.support());
    }

    @Test
    void knownAnswersForTheStandardParaboloid() {
        // Σ = I: R² = 2/√π, peak R²/2 = 1/√π, covariance R²/6 I = I/(3√π), support the disc of radius R.
        TruncatedParaboloid p = TruncatedParaboloid.of(0, 0, SymmetricMatrix2.identity());
        double r2 = 2 / Math.sqrt(Math.PI);
        assertEquals(r2, p.radiusSquared(), 1e-15);
        assertEquals(1 / Math.sqrt(Math.PI), p.density(0, 0), 1e-15);
        assertEquals(1 / (3 * Math.sqrt(Math.PI)), p.covariance().xx(), 1e-15);
        assertTrue(p.support().contains(Math.sqrt(r2) * 0.999, 0));
        assertFalse(p.support().contains(Math.sqrt(r2) * 1.001, 0));
        assertEquals(0.0, p.density(Math.sqrt(r2) * 1.001, 0), 0.0);
        double[] axes = p.support().semiAxes();
        assertEquals(Math.sqrt(r2), axes[0], 1e-15);
        assertEquals(Math.sqrt(r2), axes[1], 1e-15);
    }

    @Test
    void thresholdIsThePapersGammaFormula() {
        // τ = −(Γ(d/2 + 2) / sqrt(det(2πΣ)))^{2/(d+2)} with d = 2, Γ(3) = 2.
        TruncatedParaboloid p = correlated();
        double det = p.scale().determinant();
        double expected = -Math.pow(2.0 / (2 * Math.PI * Math.sqrt(det)), 0.5);
        assertEquals(expected, p.threshold(), 1e-14 * Math.abs(expected));
    }

    @Test
    void fromCovarianceInvertsTheCovariance() {
        SymmetricMatrix2 c = SymmetricMatrix2.of(0.03, 0.011, 0.02);
        SymmetricMatrix2 back = TruncatedParaboloid.fromCovariance(0.5, 0.5, c).covariance();
        assertArrayEquals(new double[] {c.xx(), c.xy(), c.yy()}, new double[] {back.xx(), back.xy(), back.yy()}, 1e-16);
    }

    @Test
    void supportEllipseIsTheZeroSetOfTheDensity() {
        TruncatedParaboloid p = correlated();
        Support.Ellipse e = p.support();
        double[][] m = e.matrix();
        // Walk along a direction until the density vanishes and check the ellipse's quadratic form there is 1.
        for (double angle = 0; angle < 2 * Math.PI; angle += 0.7) {
            double lo = 0;
            double hi = 10;
            for (int i = 0; i < 200; i++) {
                double mid = 0.5 * (lo + hi);
                if (p.density(p.meanX() + mid * Math.cos(angle), p.meanY() + mid * Math.sin(angle)) > 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double x = lo * Math.cos(angle);
            double y = lo * Math.sin(angle);
            assertEquals(1.0, x * (m[0][0] * x + m[0][1] * y) + y * (m[1][0] * x + m[1][1] * y), 1e-12);
        }
    }

    @Test
    void scoreRoundTripsAndRowMajorThetaUsesTheSymmetricPart() {
        TruncatedParaboloid p = correlated();
        QuadraticScore2 score = p.score();
        assertArrayEquals(new double[] {p.meanX(), p.meanY()}, score.location(), 1e-14);
        assertEquals(p.scale(), roundTo(score.scale()));
        // Moving θ₂[0][1] alone by h moves the symmetric part's off-diagonal by h/2.
        double[] t = score.toArray();
        QuadraticScore2 asymmetric = new QuadraticScore2(t[0], t[1], t[2], t[3] + 0.2, t[4] - 0.2, t[5]);
        assertEquals(score.scale().xy(), asymmetric.scale().xy(), 1e-15);
        assertEquals(score.value(0.3, 0.9), asymmetric.value(0.3, 0.9), 1e-12);
    }

    private static SymmetricMatrix2 roundTo(SymmetricMatrix2 m) {
        return SymmetricMatrix2.of(Math.round(m.xx() * 1e12) / 1e12, Math.round(m.xy() * 1e12) / 1e12,
                Math.round(m.yy() * 1e12) / 1e12);
    }

    @Test
    void rejectsBadParametersWithTheirValues() {
        var e = assertThrows(NotPositiveDefiniteException.class,
                () -> TruncatedParaboloid.of(0, 0, SymmetricMatrix2.of(1, 2, 1)));
        assertTrue(e.getMessage().startsWith("scale matrix [[1.0, 2.0], [2.0, 1.0]] must be positive definite"),
                e.getMessage());
        var theta = assertThrows(NotPositiveDefiniteException.class,
                () -> new QuadraticScore2(0, 0, 1, 0, 0, -1));
        assertTrue(theta.getMessage().startsWith("-(theta2 + theta2ᵀ) matrix [[-2.0, -0.0], [-0.0, 2.0]]"),
                theta.getMessage());
        assertEquals("theta must be finite, got NaN at [4]", assertThrows(IllegalArgumentException.class,
                () -> new QuadraticScore2(0, 0, -1, 0, Double.NaN, -1)).getMessage());
    }
}
