package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What every density on \( \mathbb{R}^2 \) must satisfy: it integrates to 1 and has the mean and covariance it
 * states. Integrals by 16-point composite Gauss–Legendre over the box the case names.
 */
abstract class Density2Contract {

    /** One density with its stated moments and a box that holds all but a negligible part of its mass. */
    record Case(String name, DoubleBinaryOperator density, double[] mean, double[][] covariance, double[] box) {
    }

    private static final GaussLegendre RULE = GaussLegendre.of(16);
    private static final int PANELS = 12;
    private static final double TOLERANCE = 1e-12;

    abstract List<Case> cases();

    private static double integrate(Case c, DoubleBinaryOperator weight) {
        return RULE.integrate((x, y) -> c.density().applyAsDouble(x, y) * weight.applyAsDouble(x, y),
                c.box()[0], c.box()[1], c.box()[2], c.box()[3], PANELS);
    }

    @Test
    void integratesToOne() {
        for (Case c : cases()) {
            assertEquals(1.0, integrate(c, (x, y) -> 1.0), TOLERANCE, c.name());
        }
    }

    @Test
    void hasTheStatedMean() {
        for (Case c : cases()) {
            assertEquals(c.mean()[0], integrate(c, (x, y) -> x), TOLERANCE, c.name() + " mean x");
            assertEquals(c.mean()[1], integrate(c, (x, y) -> y), TOLERANCE, c.name() + " mean y");
        }
    }

    @Test
    void hasTheStatedCovariance() {
        for (Case c : cases()) {
            double mx = c.mean()[0];
            double my = c.mean()[1];
            double[][] s = c.covariance();
            assertEquals(s[0][0], integrate(c, (x, y) -> (x - mx) * (x - mx)), TOLERANCE, c.name() + " xx");
            assertEquals(s[0][1], integrate(c, (x, y) -> (x - mx) * (y - my)), TOLERANCE, c.name() + " xy");
            assertEquals(s[1][1], integrate(c, (x, y) -> (y - my) * (y - my)), TOLERANCE, c.name() + " yy");
        }
    }
}
