package dev.fovea.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Cholesky2Test {

    @Test
    void lowerTimesLowerTransposeIsTheMatrix() {
        Random random = new Random(17L);
        for (int trial = 0; trial < 1000; trial++) {
            SymmetricMatrix2 m = SymmetricMatrix2Test.randomPositiveDefinite(random);
            Cholesky2 l = m.cholesky();
            // L Lᵀ multiplied out by hand here rather than through matrix(), which is checked separately below.
            double scale = Math.abs(m.xx()) + Math.abs(m.xy()) + Math.abs(m.yy());
            assertEquals(m.xx(), l.l11() * l.l11(), 1e-14 * scale, "trial " + trial);
            assertEquals(m.xy(), l.l21() * l.l11(), 1e-14 * scale, "trial " + trial);
            assertEquals(m.yy(), l.l21() * l.l21() + l.l22() * l.l22(), 1e-14 * scale, "trial " + trial);
            SymmetricMatrix2 back = l.matrix();
            assertEquals(m.xx(), back.xx(), 1e-14 * scale);
            assertEquals(m.xy(), back.xy(), 1e-14 * scale);
            assertEquals(m.yy(), back.yy(), 1e-14 * scale);
        }
    }

    @Test
    void knownFactor() {
        // [[4, 2], [2, 5]] = [[2, 0], [1, 2]] · [[2, 1], [0, 2]]: every step exact in binary.
        assertEquals(new Cholesky2(2.0, 1.0, 2.0), SymmetricMatrix2.of(4, 2, 5).cholesky());
    }

    @Test
    void solveQuadraticFormAndLogDeterminantAgreeWithTheMatrix() {
        Random random = new Random(19L);
        for (int trial = 0; trial < 1000; trial++) {
            SymmetricMatrix2 m = SymmetricMatrix2Test.randomPositiveDefinite(random);
            Cholesky2 l = m.cholesky();
            double x = random.nextGaussian();
            double y = random.nextGaussian();

            // Residual of the solve through M itself: a backward-stable solve leaves ≲ c·ε·‖M‖·‖w‖ with c small;
            // 1e-13 leaves a factor ~50 of room.
            double[] w = l.solve(x, y);
            double[] mw = m.times(w[0], w[1]);
            double bound = 1e-13 * (m.xx() + Math.abs(m.xy()) + m.yy()) * (Math.abs(w[0]) + Math.abs(w[1]) + 1.0);
            assertEquals(x, mw[0], bound, "trial " + trial);
            assertEquals(y, mw[1], bound, "trial " + trial);

            // vᵀM⁻¹v by the closed-form inverse, a route that never touches L.
            double viaInverse = m.inverse().quadraticForm(x, y);
            double got = l.inverseQuadraticForm(x, y);
            assertTrue(got >= 0.0);
            assertEquals(viaInverse, got, 1e-11 * (1.0 + viaInverse), "trial " + trial);
            assertEquals(Math.log(m.determinant()), l.logDeterminant(), 1e-12, "trial " + trial);
        }
    }

    @Test
    void lowerTimesIsTheTriangularProduct() {
        Cholesky2 l = new Cholesky2(2.0, -1.0, 3.0);
        double[] v = l.lowerTimes(0.5, 2.0);
        assertEquals(1.0, v[0], 0.0);
        assertEquals(-0.5 + 6.0, v[1], 0.0);
    }

    @Test
    void sampleCovarianceOfLowerTimesNormalIsTheMatrix() {
        // Independent route through statistics: Cov(L z) = L Lᵀ = M for z ~ N(0, I).
        SymmetricMatrix2 m = SymmetricMatrix2.of(2.0, 0.6, 0.5);
        Cholesky2 l = m.cholesky();
        Random random = new Random(29L);
        int n = 200_000;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int k = 0; k < n; k++) {
            double[] s = l.lowerTimes(random.nextGaussian(), random.nextGaussian());
            sxx += s[0] * s[0];
            sxy += s[0] * s[1];
            syy += s[1] * s[1];
        }
        // Standard error of a sample second moment is ≈ √(2/n)·σ² ≈ 0.0063 for σ² = 2; allow 5 of them.
        assertEquals(m.xx(), sxx / n, 0.035);
        assertEquals(m.xy(), sxy / n, 0.02);
        assertEquals(m.yy(), syy / n, 0.01);
    }

    @Test
    void constructorRejectsInvalidFactors() {
        String message = assertThrows(IllegalArgumentException.class, () -> new Cholesky2(0.0, 1.0, 1.0)).getMessage();
        assertTrue(message.contains("l11 = 0.0"), message);
        assertThrows(IllegalArgumentException.class, () -> new Cholesky2(1.0, Double.NaN, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Cholesky2(1.0, 0.0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Cholesky2(1.0, 0.0, Double.POSITIVE_INFINITY));
    }
}
