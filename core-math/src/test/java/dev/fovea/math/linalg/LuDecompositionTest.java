package dev.fovea.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LuDecompositionTest {

    /** A 3 × 3 system that needs a row swap at the first column (a zero in the corner), solved by hand. */
    @Test
    void solvesASystemThatNeedsPivotingExactly() {
        double[][] a = {{0, 2, 1}, {1, 1, 1}, {2, 1, 0}};
        // x = (1, 2, 3): b = A x.
        double[] x = LuDecomposition.of(a, 0.0).solve(new double[] {7, 6, 4});
        assertEquals(1.0, x[0], 1e-15);
        assertEquals(2.0, x[1], 1e-15);
        assertEquals(3.0, x[2], 1e-15);
    }

    /** Random indefinite matrices: A A⁻¹ = I and A x = b to rounding; the argument is left untouched. */
    @Test
    void inverseAndSolveAgreeWithTheMatrixOnRandomIndefiniteSystems() {
        SplittableRandom random = new SplittableRandom(9);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + trial % 12;
            double[][] a = new double[n][n];
            for (double[] row : a) {
                for (int j = 0; j < n; j++) {
                    row[j] = random.nextDouble(-1, 1);
                }
            }
            double[][] copy = new double[n][];
            for (int i = 0; i < n; i++) {
                copy[i] = a[i].clone();
            }
            LuDecomposition lu = LuDecomposition.of(a, 0.0);
            double[][] inverse = lu.inverse();
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = random.nextDouble(-1, 1);
            }
            double[] x = lu.solve(b);
            for (int i = 0; i < n; i++) {
                assertTrue(Arrays.equals(copy[i], a[i]), "a was modified");
                double residual = -b[i];
                for (int k = 0; k < n; k++) {
                    residual += a[i][k] * x[k];
                }
                assertEquals(0.0, residual, 1e-9, "trial " + trial);
                for (int j = 0; j < n; j++) {
                    double product = 0;
                    for (int k = 0; k < n; k++) {
                        product += a[i][k] * inverse[k][j];
                    }
                    assertEquals(i == j ? 1.0 : 0.0, product, 1e-9, "trial " + trial + " (" + i + ", " + j + ")");
                }
            }
        }
    }

    @Test
    void singularAndBadArgumentsAreRefusedWithTheirValues() {
        ArithmeticException singular = assertThrows(ArithmeticException.class,
                () -> LuDecomposition.of(new double[][] {{1, 2}, {2, 4}}, 0.0));
        assertTrue(singular.getMessage().startsWith("singular matrix: the pivot of column 1 of 2 is 0.0"),
                singular.getMessage());
        // Nearly singular: refused with a relative tolerance, factored without.
        double[][] nearly = {{1, 1}, {1, 1 + 1e-14}};
        assertThrows(ArithmeticException.class, () -> LuDecomposition.of(nearly, 1e-12));
        assertEquals(2, LuDecomposition.of(nearly, 0.0).size());
        assertEquals("a[1] has 3 columns, a has 2 rows", assertThrows(IllegalArgumentException.class,
                () -> LuDecomposition.of(new double[][] {{1, 2}, {1, 2, 3}}, 0.0)).getMessage());
        assertEquals("relativeTolerance must be >= 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> LuDecomposition.of(new double[][] {{1}}, Double.NaN)).getMessage());
        assertEquals("b has length 1, the matrix is 2 x 2", assertThrows(IllegalArgumentException.class,
                () -> LuDecomposition.of(new double[][] {{1, 0}, {0, 1}}, 0.0).solve(new double[] {1})).getMessage());
    }
}
