package dev.fovea.math.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricMatrix2Test {

    private static final double TOLERANCE = 1e-12;

    /** A random positive-definite matrix R Rᵀ + δI with entries of order 1, so its condition number stays moderate. */
    static SymmetricMatrix2 randomPositiveDefinite(Random random) {
        double a = random.nextGaussian();
        double b = random.nextGaussian();
        double c = random.nextGaussian();
        double d = random.nextGaussian();
        return SymmetricMatrix2.positiveDefinite(a * a + b * b + 0.1, a * c + b * d, c * c + d * d + 0.1);
    }

    private static SymmetricMatrix2 randomSymmetric(Random random) {
        return SymmetricMatrix2.of(random.nextGaussian(), random.nextGaussian(), random.nextGaussian());
    }

    @Test
    void inverseTimesMatrixIsIdentity() {
        Random random = new Random(7L);
        for (int trial = 0; trial < 1000; trial++) {
            SymmetricMatrix2 m = randomSymmetric(random);
            if (Math.abs(m.determinant()) < 1e-3) {
                continue; // ill-conditioned: the residual bound below would need the condition number
            }
            SymmetricMatrix2 inv = m.inverse();
            // Columns of M⁻¹ M via times(), an independent code path from inverse().
            double[] c0 = inv.times(m.xx(), m.xy());
            double[] c1 = inv.times(m.xy(), m.yy());
            double scale = Math.max(1.0, Math.abs(inv.xx()) + Math.abs(inv.xy()) + Math.abs(inv.yy()));
            assertArrayEquals(new double[] {1.0, 0.0}, c0, TOLERANCE * scale * 10, "trial " + trial);
            assertArrayEquals(new double[] {0.0, 1.0}, c1, TOLERANCE * scale * 10, "trial " + trial);
        }
    }

    @Test
    void determinantAndTraceMatchTheClosedFormEigenvalues() {
        Random random = new Random(11L);
        for (int trial = 0; trial < 1000; trial++) {
            SymmetricMatrix2 m = randomSymmetric(random);
            // λ± = (tr ± √((xx − yy)² + 4 xy²)) / 2 for a symmetric 2×2 matrix.
            double radius = Math.hypot(m.xx() - m.yy(), 2.0 * m.xy());
            double lambdaPlus = 0.5 * (m.trace() + radius);
            double lambdaMinus = 0.5 * (m.trace() - radius);
            double magnitude = Math.abs(lambdaPlus) * Math.abs(lambdaMinus) + lambdaPlus * lambdaPlus + 1.0;
            assertEquals(lambdaPlus * lambdaMinus, m.determinant(), TOLERANCE * magnitude, "trial " + trial);
            assertEquals(lambdaPlus + lambdaMinus, m.trace(), TOLERANCE * (Math.abs(lambdaPlus) + 1.0));
            assertEquals(lambdaMinus > 0.0, m.isPositiveDefinite(), "trial " + trial);
        }
    }

    @Test
    void determinantIsAccurateWhenProductsNearlyCancel() {
        // xx·yy = 1 − 2⁻⁵⁴ rounds to 1 and xy² = 1 − 2⁻⁵² + 2⁻¹⁰⁶ rounds to 1 − 2⁻⁵², so the plain formula gives
        // 2⁻⁵² while the exact determinant is 3·2⁻⁵⁴ − 2⁻¹⁰⁶: a 33 % error that FMA must avoid.
        double xx = 1.0 + 0x1p-27;
        double xy = 1.0 - 0x1p-53;
        double yy = 1.0 - 0x1p-27;
        double exact = new BigDecimal(xx).multiply(new BigDecimal(yy))
                .subtract(new BigDecimal(xy).pow(2)).doubleValue();
        double plain = xx * yy - xy * xy;
        assertTrue(Math.abs(plain - exact) > 0.3 * exact, "the case must defeat the plain formula");
        assertEquals(exact, SymmetricMatrix2.of(xx, xy, yy).determinant(), 2 * Math.ulp(exact));
    }

    @Test
    void quadraticFormAndTimesAgree() {
        Random random = new Random(13L);
        for (int trial = 0; trial < 200; trial++) {
            SymmetricMatrix2 m = randomSymmetric(random);
            double x = random.nextGaussian();
            double y = random.nextGaussian();
            double[] mv = m.times(x, y);
            assertEquals(x * mv[0] + y * mv[1], m.quadraticForm(x, y), 1e-13 * (1.0 + Math.abs(m.quadraticForm(x, y))));
        }
        assertEquals(1.0 * 4 + 2 * 2.0 * 2 * 3 + 5.0 * 9, SymmetricMatrix2.of(1.0, 2.0, 5.0).quadraticForm(2, 3));
    }

    @Test
    void factoriesAndArithmetic() {
        assertEquals(new SymmetricMatrix2(1, 0, 1), SymmetricMatrix2.identity());
        assertEquals(new SymmetricMatrix2(2, 0, 3), SymmetricMatrix2.diagonal(2, 3));
        assertEquals(new SymmetricMatrix2(3, 1, 7), SymmetricMatrix2.of(1, 0.5, 2).plus(SymmetricMatrix2.of(2, 0.5, 5)));
        assertEquals(new SymmetricMatrix2(-2, 1, -4), SymmetricMatrix2.of(1, -0.5, 2).scaled(-2));
        double[][] rows = SymmetricMatrix2.of(1, 2, 3).toRows();
        assertArrayEquals(new double[] {1, 2}, rows[0]);
        assertArrayEquals(new double[] {2, 3}, rows[1]);
        assertEquals(SymmetricMatrix2.of(1, 2, 3), SymmetricMatrix2.fromRows(rows));
    }

    @Test
    void fromRowsAveragesOffDiagonalsWithinTheTolerance() {
        SymmetricMatrix2 m = SymmetricMatrix2.fromRows(new double[][] {{1.0, 0.5}, {0.5 + 1e-14, 2.0}});
        assertEquals(0.5 + 0.5e-14, m.xy(), 1e-16);
        // Rounding noise around 0 is judged against the largest entry, not against itself.
        assertEquals(0.0, SymmetricMatrix2.fromRows(new double[][] {{1.0, 1e-17}, {-1e-17, 1.0}}).xy(), 0.0);
    }

    @Test
    void fromRowsRejectsAsymmetryWithBothEntries() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> SymmetricMatrix2.fromRows(new double[][] {{1.0, 0.5}, {0.6, 2.0}})).getMessage();
        assertTrue(message.contains("rows[0][1] = 0.5") && message.contains("rows[1][0] = 0.6"), message);
    }

    @Test
    void fromRowsRejectsBadShapeAndNonFiniteEntries() {
        assertEquals("rows must be 2×2, got 3 rows", assertThrows(IllegalArgumentException.class,
                () -> SymmetricMatrix2.fromRows(new double[3][2])).getMessage());
        assertEquals("rows must be 2×2, got 3 columns in rows[1]", assertThrows(IllegalArgumentException.class,
                () -> SymmetricMatrix2.fromRows(new double[][] {{1, 0}, {0, 1, 0}})).getMessage());
        assertEquals("rows must be finite, got NaN at [1, 1]", assertThrows(IllegalArgumentException.class,
                () -> SymmetricMatrix2.fromRows(new double[][] {{1, 0}, {0, Double.NaN}})).getMessage());
    }

    @Test
    void rejectsNonFiniteEntries() {
        assertEquals("xy must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> SymmetricMatrix2.of(1, Double.NaN, 1)).getMessage());
        assertEquals("yy must be finite, got Infinity", assertThrows(IllegalArgumentException.class,
                () -> SymmetricMatrix2.positiveDefinite(1, 0, Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("factor must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> SymmetricMatrix2.identity().scaled(Double.NaN)).getMessage());
    }

    @Test
    void positiveDefiniteRejectsIndefiniteAndSemidefiniteWithValuesAndDeterminant() {
        // det = 1·1 − 2·2 = −3
        NotPositiveDefiniteException indefinite = assertThrows(NotPositiveDefiniteException.class,
                () -> SymmetricMatrix2.positiveDefinite(1, 2, 1));
        assertEquals("matrix [[1.0, 2.0], [2.0, 1.0]] must be positive definite, but determinant = -3.0 <= 0",
                indefinite.getMessage());
        // det = 1 > 0 but both eigenvalues are −1: Sylvester needs xx > 0 as well.
        String negative = assertThrows(NotPositiveDefiniteException.class,
                () -> SymmetricMatrix2.positiveDefinite(-1, 0, -1)).getMessage();
        assertTrue(negative.contains("xx = -1.0 <= 0") && negative.contains("determinant = 1.0"), negative);
        // Rank one: det = 0 exactly.
        String singular = assertThrows(NotPositiveDefiniteException.class,
                () -> SymmetricMatrix2.positiveDefinite(1, 1, 1)).getMessage();
        assertTrue(singular.contains("determinant = 0.0"), singular);
        assertFalse(SymmetricMatrix2.of(1, 1, 1).isPositiveDefinite());
        assertTrue(SymmetricMatrix2.of(2, 1, 1).isPositiveDefinite());
    }

    @Test
    void singularInverseFailsLoudly() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> SymmetricMatrix2.of(1, 2, 4).inverse());
        assertTrue(e.getMessage().contains("determinant = 0.0"), e.getMessage());
        // Tiny but non-zero determinant whose inverse overflows.
        assertThrows(ArithmeticException.class, () -> SymmetricMatrix2.of(1e-200, 0, 1e-200).inverse());
    }

    @Test
    void choleskyRejectsNonPositiveDefinite() {
        String message = assertThrows(NotPositiveDefiniteException.class,
                () -> SymmetricMatrix2.of(4, 2, 1).cholesky()).getMessage();
        assertTrue(message.contains("[[4.0, 2.0], [2.0, 1.0]]") && message.contains("determinant = 0.0"), message);
    }
}
