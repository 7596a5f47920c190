package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What every density on \( \mathbb{R} \) must satisfy: it integrates to 1 and has the mean and variance it states.
 * Integrals by 16-point composite Gauss–Legendre over the interval the case names: the support itself for a density
 * with compact support (where it is smooth, so the rule converges fast), a truncated domain holding all but a
 * negligible part of the mass otherwise.
 */
abstract class Density1Contract {

    /** One density with its stated moments and the interval to integrate over. */
    record Case(String name, DoubleUnaryOperator density, double mean, double variance, double lower, double upper) {
    }

    private static final GaussLegendre RULE = GaussLegendre.of(16);
    private static final int PANELS = 24;
    private static final double TOLERANCE = 1e-12;

    abstract List<Case> cases();

    private static double integrate(Case c, DoubleUnaryOperator weight) {
        return RULE.integrate(t -> c.density().applyAsDouble(t) * weight.applyAsDouble(t), c.lower(), c.upper(), PANELS);
    }

    @Test
    void integratesToOne() {
        for (Case c : cases()) {
            assertEquals(1.0, integrate(c, t -> 1.0), TOLERANCE, c.name());
        }
    }

    @Test
    void hasTheStatedMean() {
        for (Case c : cases()) {
            double scale = Math.sqrt(c.variance());
            assertEquals(c.mean(), integrate(c, t -> t), TOLERANCE * (Math.abs(c.mean()) + scale), c.name());
        }
    }

    @Test
    void hasTheStatedVariance() {
        for (Case c : cases()) {
            double m = c.mean();
            assertEquals(c.variance(), integrate(c, t -> (t - m) * (t - m)), TOLERANCE * c.variance(), c.name());
        }
    }
}
