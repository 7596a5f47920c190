package dev.fovea.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyTest {

    @Test
    void knownFactor() {
        // The textbook example (e.g. Wikipedia, "Cholesky decomposition", Example): every step is exact in binary.
        double[][] a = {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}};
        double[][] expected = {{2, 0, 0}, {6, 1, 0}, {-8, 5, 3}};
        Cholesky factor = Cholesky.of(a);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], factor.entry(i, j), 0.0, "l[" + i + "][" + j + "]");
            }
        }
        assertEquals(Math.log(36.0), factor.logDeterminant(), 1e-14); // det A = (2 · 1 · 3)² = 36
    }

    @Test
    void agreesWithTheTwoByTwoClosedForm() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            double xx = random.nextDouble(0.1, 3);
            double yy = random.nextDouble(0.1, 3);
            double xy = random.nextDouble(-0.9, 0.9) * Math.sqrt(xx * yy);
            Cholesky2 closed = SymmetricMatrix2.of(xx, xy, yy).cholesky();
            Cholesky general = Cholesky.of(new double[][] {{xx, xy}, {xy, yy}});
            assertEquals(closed.l11(), general.entry(0, 0), 1e-15);
            assertEquals(closed.l21(), general.entry(1, 0), 1e-15 * (1 + Math.abs(closed.l21())));
            assertEquals(closed.l22(), general.entry(1, 1), 1e-14);
        }
    }

    @Test
    void solveLeavesABackwardStableResidual() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 40;
        // A = M Mᵀ + n I is symmetric positive definite and well conditioned.
        double[][] m = new double[n][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += m[i][k] * m[j][k];
                }
            }
            a[i][i] += n;
        }
        double[] b = random.doubles(n, -1, 1).toArray();
        double[] x = Cholesky.of(a).solve(b);
        double worst = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double residual = -b[i];
            for (int j = 0; j < n; j++) {
                residual += a[i][j] * x[j];
                norm = Math.max(norm, Math.abs(a[i][j]));
            }
            worst = Math.max(worst, Math.abs(residual));
        }
        double xNorm = 0;
        for (double v : x) {
            xNorm = Math.max(xNorm, Math.abs(v));
        }
        // ‖Ax − b‖ ≲ c n ε ‖A‖ ‖x‖ for a backward-stable solve.
        assertEquals(0.0, worst, n * 1e-15 * norm * xNorm * n);
    }

    @Test
    void readsOnlyTheLowerTriangle() {
        double[][] lowerOnly = {{4, 999}, {2, 5}};
        assertEquals(1.0, Cholesky.of(lowerOnly).entry(1, 0), 0.0);
    }

    @Test
    void rejectsBadMatricesWithTheirValues() {
        assertEquals("matrix of size 2 must be positive definite, but pivot 1 is -3.0 (diagonal entry 1.0)",
                assertThrows(NotPositiveDefiniteException.class,
                        () -> Cholesky.of(new double[][] {{1, 2}, {2, 1}})).getMessage());
        assertEquals("a[1] has 3 columns, a has 2 rows", assertThrows(IllegalArgumentException.class,
                () -> Cholesky.of(new double[][] {{1, 0}, {0, 1, 0}})).getMessage());
        assertEquals("a must be finite, got NaN at [1, 0]", assertThrows(IllegalArgumentException.class,
                () -> Cholesky.of(new double[][] {{1, 0}, {Double.NaN, 1}})).getMessage());
        assertEquals("a must have at least one row, got none",
                assertThrows(IllegalArgumentException.class, () -> Cholesky.of(new double[0][])).getMessage());
        assertEquals("b has 3 entries, the matrix 2 rows", assertThrows(IllegalArgumentException.class,
                () -> Cholesky.of(new double[][] {{1, 0}, {0, 1}}).solve(new double[3])).getMessage());
    }
}
