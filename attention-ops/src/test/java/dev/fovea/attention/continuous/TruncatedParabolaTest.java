package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TruncatedParabolaTest extends Density1Contract {

    @Override
    List<Case> cases() {
        return List.of(asCase("unit half-width", TruncatedParabola.of(0.0, 2.0 / 3.0)),
                asCase("narrow", TruncatedParabola.of(0.4, 1e-5)),
                asCase("from variance", TruncatedParabola.fromVariance(-1.5, 0.37)));
    }

    /** The support itself: the density is a polynomial there, so Gauss–Legendre is exact up to rounding. */
    static Case asCase(String name, TruncatedParabola p) {
        Support.Interval s = p.support();
        return new Case(name, p::density, p.mean(), p.variance(), s.lower(), s.upper());
    }

    @Test
    void knownAnswers() {
        // σ² = 2/3 gives a³ = 3σ²/2 = 1: support [μ − 1, μ + 1], peak a²/(2σ²) = 3/4, variance a²/5 = 1/5.
        TruncatedParabola p = TruncatedParabola.of(0.5, 2.0 / 3.0);
        assertEquals(1.0, p.halfWidth(), 1e-15);
        assertEquals(new Support.Interval(-0.5, 1.5), p.support());
        assertEquals(0.75, p.density(0.5), 1e-15);
        assertEquals(0.0, p.density(1.5), 1e-15);
        assertEquals(0.0, p.density(7.0), 0.0);
        assertEquals(0.2, p.variance(), 1e-15);
        assertEquals(-0.75, p.threshold(), 1e-15);
    }

    @Test
    void thresholdIsThePapersGammaFormula() {
        // τ = −(Γ(d/2 + 2) / sqrt(det(2πΣ)))^{2/(d+2)} with d = 1, Γ(5/2) = 3√π/4.
        for (double scale : new double[] {1e-4, 0.05, 1.0, 30.0}) {
            double gamma = 3 * Math.sqrt(Math.PI) / 4;
            double expected = -Math.pow(gamma / Math.sqrt(2 * Math.PI * scale), 2.0 / 3.0);
            assertEquals(expected, TruncatedParabola.of(0, scale).threshold(), 1e-14 * Math.abs(expected));
        }
    }

    @Test
    void fromVarianceInvertsTheVariance() {
        for (double v : new double[] {1e-6, 0.01, 0.2, 5.0}) {
            assertEquals(v, TruncatedParabola.fromVariance(0.0, v).variance(), 1e-15 * v);
        }
    }

    @Test
    void scoreRoundTripsThroughCanonicalParameters() {
        TruncatedParabola p = TruncatedParabola.of(0.3, 0.02);
        QuadraticScore1 score = p.score();
        assertEquals(0.3 / 0.02, score.theta1(), 1e-12);
        assertEquals(-0.5 / 0.02, score.theta2(), 1e-12);
        assertEquals(0.3, score.location(), 1e-15);
        assertEquals(0.02, score.scale(), 1e-17);
        // p(t) = [f(t) − τ']₊ for the score f up to its additive constant: check the shape at two points.
        double constant = p.density(0.3) - score.value(0.3);
        assertEquals(p.density(0.35), score.value(0.35) + constant, 1e-12);
    }

    @Test
    void rejectsBadParametersWithTheirValues() {
        assertEquals("scale must be finite and > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> TruncatedParabola.of(0, -1)).getMessage());
        assertEquals("variance must be finite and > 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> TruncatedParabola.fromVariance(0, Double.NaN)).getMessage());
        assertEquals("theta2 must be finite and < 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new QuadraticScore1(1, 0)).getMessage());
    }
}
