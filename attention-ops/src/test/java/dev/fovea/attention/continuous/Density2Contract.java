package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fovea.math.linalg.Cholesky2;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * What every density on \( \mathbb{R}^2 \) must satisfy: it integrates to 1 and has the mean and covariance it
 * states. Integrals by 16-point composite Gauss–Legendre: over the box a {@link Case} names (densities with unbounded
 * support, the box holding all but a negligible part of the mass), or over the ellipse an {@link EllipseCase} names
 * (densities with that compact support), in polar coordinates of the disc it is the image of, so that the rule never
 * straddles the kink at the boundary.
 */
abstract class Density2Contract {

    /** One density with its stated moments and a box that holds all but a negligible part of its mass. */
    record Case(String name, DoubleBinaryOperator density, double[] mean, double[][] covariance, double[] box) {
    }

    /** One density with its stated moments and its support, an ellipse. */
    record EllipseCase(String name, DoubleBinaryOperator density, double[] mean, double[][] covariance,
                       Support.Ellipse support) {
    }

    private static final GaussLegendre RULE = GaussLegendre.of(16);
    private static final int PANELS = 12;
    private static final double TOLERANCE = 1e-12;

    abstract List<Case> cases();

    /** Densities with compact support; none by default. */
    List<EllipseCase> ellipseCases() {
        return List.of();
    }

    /** A named integrator \( g \mapsto \int p\, g \) with the stated moments. */
    private record Integral(String name, double[] mean, double[][] covariance, ToDoubleFunction<DoubleBinaryOperator> of) {
    }

    private List<Integral> integrals() {
        List<Integral> all = new ArrayList<>();
        for (Case c : cases()) {
            all.add(new Integral(c.name(), c.mean(), c.covariance(), weight -> RULE.integrate(
                    (x, y) -> c.density().applyAsDouble(x, y) * weight.applyAsDouble(x, y),
                    c.box()[0], c.box()[1], c.box()[2], c.box()[3], PANELS)));
        }
        for (EllipseCase c : ellipseCases()) {
            all.add(new Integral(c.name(), c.mean(), c.covariance(), weight -> overEllipse(c, weight)));
        }
        return all;
    }

    /**
     * \( \int_E p\, g \) with \( t = c + G s \), \( G G^\top = M^{-1} \), \( s = \rho (\cos\vartheta, \sin\vartheta) \),
     * \( \rho \in [0, 1] \) and \( \vartheta \in [0, 2\pi] \) by composite Gauss–Legendre.
     */
    static double overEllipse(EllipseCase c, DoubleBinaryOperator weight) {
        double[][] m = c.support().matrix();
        Cholesky2 g = SymmetricMatrix2.fromRows(m).inverse().cholesky();
        double[] centre = c.support().center();
        double jacobian = g.l11() * g.l22();
        return RULE.integrate((rho, angle) -> {
            double[] t = g.lowerTimes(rho * Math.cos(angle), rho * Math.sin(angle));
            double x = centre[0] + t[0];
            double y = centre[1] + t[1];
            return rho * jacobian * c.density().applyAsDouble(x, y) * weight.applyAsDouble(x, y);
        }, 0.0, 1.0, 0.0, 2.0 * Math.PI, PANELS);
    }

    @Test
    void integratesToOne() {
        for (Integral c : integrals()) {
            assertEquals(1.0, c.of().applyAsDouble((x, y) -> 1.0), TOLERANCE, c.name());
        }
    }

    @Test
    void hasTheStatedMean() {
        for (Integral c : integrals()) {
            assertEquals(c.mean()[0], c.of().applyAsDouble((x, y) -> x), TOLERANCE, c.name() + " mean x");
            assertEquals(c.mean()[1], c.of().applyAsDouble((x, y) -> y), TOLERANCE, c.name() + " mean y");
        }
    }

    @Test
    void hasTheStatedCovariance() {
        for (Integral c : integrals()) {
            double mx = c.mean()[0];
            double my = c.mean()[1];
            double[][] s = c.covariance();
            assertEquals(s[0][0], c.of().applyAsDouble((x, y) -> (x - mx) * (x - mx)), TOLERANCE, c.name() + " xx");
            assertEquals(s[0][1], c.of().applyAsDouble((x, y) -> (x - mx) * (y - my)), TOLERANCE, c.name() + " xy");
            assertEquals(s[1][1], c.of().applyAsDouble((x, y) -> (y - my) * (y - my)), TOLERANCE, c.name() + " yy");
        }
    }
}
