package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.math.linalg.NotPositiveDefiniteException;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.List;
import org.junit.jupiter.api.Test;

class Gaussian2Test extends Density2Contract {

    static Gaussian2 correlated() {
        return Gaussian2.of(0.3, 0.7, SymmetricMatrix2.of(0.02, -0.012, 0.05));
    }

    @Override
    List<Case> cases() {
        return List.of(
                asCase("isotropic", Gaussian2.of(0.5, 0.5, SymmetricMatrix2.diagonal(0.01, 0.01))),
                asCase("correlated", correlated()),
                asCase("elongated", Gaussian2.of(-1.0, 2.0, SymmetricMatrix2.of(4.0, 0.9, 0.25))));
    }

    /** A box of ±12 standard deviations per axis: the mass outside is below \( 10^{-31} \). */
    static Case asCase(String name, Gaussian2 g) {
        double sx = 12 * Math.sqrt(g.covariance().xx());
        double sy = 12 * Math.sqrt(g.covariance().yy());
        return new Case(name, g::density, new double[] {g.meanX(), g.meanY()}, g.covariance().toRows(),
                new double[] {g.meanX() - sx, g.meanX() + sx, g.meanY() - sy, g.meanY() + sy});
    }

    @Test
    void knownDensityAtTheMean() {
        // N(μ; μ, Σ) = 1 / (2π sqrt(det Σ)); det = 0.02·0.05 − 0.012² = 0.000856.
        assertEquals(1.0 / (2 * Math.PI * Math.sqrt(0.000856)), correlated().density(0.3, 0.7), 1e-12);
        assertEquals(Math.log(correlated().density(0.1, 0.2)), correlated().logDensity(0.1, 0.2), 1e-14);
    }

    @Test
    void rejectsNonPositiveDefiniteCovarianceWithItsEntries() {
        var e = assertThrows(NotPositiveDefiniteException.class,
                () -> Gaussian2.of(0.0, 0.0, SymmetricMatrix2.of(1.0, 2.0, 1.0)));
        assertTrue(e.getMessage().startsWith("covariance matrix [[1.0, 2.0], [2.0, 1.0]] must be positive definite"),
                e.getMessage());
        assertTrue(e.getMessage().contains("determinant = -3.0"), e.getMessage());
    }

    @Test
    void rejectsNaNMeanNamingTheCoordinate() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Gaussian2.of(0.0, Double.NaN, SymmetricMatrix2.identity()));
        assertEquals("mean must be finite, got NaN at [1]", e.getMessage());
    }

    @Test
    void rejectsArraysOfTheWrongShape() {
        var mean = assertThrows(IllegalArgumentException.class,
                () -> Gaussian2.of(new double[3], new double[][] {{1, 0}, {0, 1}}));
        assertEquals("mean has 3 entries, expected 2", mean.getMessage());
        var asymmetric = assertThrows(IllegalArgumentException.class,
                () -> Gaussian2.of(new double[2], new double[][] {{1, 0.5}, {0.4, 1}}));
        assertTrue(asymmetric.getMessage().startsWith("rows must be symmetric"), asymmetric.getMessage());
    }
}
