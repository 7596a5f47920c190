package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class Gaussian1Test extends Density1Contract {

    @Override
    List<Case> cases() {
        return List.of(asCase("unit", Gaussian1.of(0, 1)), asCase("narrow", Gaussian1.of(0.3, 1e-4)),
                asCase("wide", Gaussian1.of(-2.0, 9.0)));
    }

    /** A domain of ±12 standard deviations: the mass outside is below \( 10^{-31} \). */
    static Case asCase(String name, Gaussian1 g) {
        double half = 12 * Math.sqrt(g.variance());
        return new Case(name, g::density, g.mean(), g.variance(), g.mean() - half, g.mean() + half);
    }

    @Test
    void knownDensityAtTheMean() {
        // N(μ; μ, σ²) = 1/sqrt(2πσ²).
        assertEquals(1 / Math.sqrt(2 * Math.PI * 0.25), Gaussian1.of(1, 0.25).density(1), 1e-15);
    }

    @Test
    void rejectsBadParametersWithTheirValues() {
        assertEquals("mean must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Gaussian1.of(Double.NaN, 1)).getMessage());
        assertEquals("variance must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Gaussian1.of(0, 0)).getMessage());
    }
}
