package dev.fovea.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    static double[][] randomSymmetric(SplittableRandom random, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = random.nextDouble(-1, 1);
                a[j][i] = a[i][j];
            }
        }
        return a;
    }

    @Test
    void reconstructsAndIsOrthogonal() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 1; n <= 12; n++) {
            double[][] a = randomSymmetric(random, n);
            SymmetricEigen eigen = SymmetricEigen.of(a);
            double[][] v = eigen.vectors();
            double[] lambda = eigen.values();
            for (int k = 1; k < n; k++) {
                assertTrue(lambda[k - 1] >= lambda[k], "descending");
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double vvt = 0;
                    double vtv = 0;
                    double vlv = 0;
                    for (int k = 0; k < n; k++) {
                        vvt += v[i][k] * v[j][k];
                        vtv += v[k][i] * v[k][j];
                        vlv += v[i][k] * lambda[k] * v[j][k];
                    }
                    assertEquals(i == j ? 1 : 0, vvt, 1e-13, "V Vᵀ");
                    assertEquals(i == j ? 1 : 0, vtv, 1e-13, "Vᵀ V");
                    assertEquals(a[i][j], vlv, 1e-13, "V Λ Vᵀ at [" + i + ", " + j + "]");
                }
            }
        }
    }

    @Test
    void knownSpectrum() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with eigenvectors (1, 1)/√2 and (1, −1)/√2.
        SymmetricEigen eigen = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertEquals(3, eigen.value(0), 1e-15);
        assertEquals(1, eigen.value(1), 1e-15);
        double[][] v = eigen.vectors();
        assertEquals(1 / Math.sqrt(2), Math.abs(v[0][0]), 1e-15);
        assertEquals(v[0][0], v[1][0], 1e-15);
        // The trace and determinant of a 3×3 match the sum and product of its eigenvalues.
        double[][] a = {{4, 1, -2}, {1, 2, 0}, {-2, 0, 3}};
        double[] l = SymmetricEigen.of(a).values();
        assertEquals(9, l[0] + l[1] + l[2], 1e-13);
        double det = 4 * (2 * 3) - 1 * (1 * 3) + (-2) * (0 - 2 * (-2));
        assertEquals(det, l[0] * l[1] * l[2], 1e-12);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.of(new double[][] {{1, 0}, {Double.NaN, 1}}));
        assertEquals("a must be finite, got NaN at [1, 0]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 0}}));
        assertEquals("a[0] has 2 columns, a has 1 rows", e.getMessage());
    }

    @Test
    void generalizedProblemIsBOrthonormalAndSolvesTheEquation() {
        SplittableRandom random = new SplittableRandom(9);
        for (int n = 1; n <= 8; n++) {
            double[][] a = randomSymmetric(random, n);
            double[][] g = randomSymmetric(random, n);
            double[][] b = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        b[i][j] += g[i][k] * g[j][k];
                    }
                }
                b[i][i] += 0.5;
            }
            GeneralizedSymmetricEigen eigen = GeneralizedSymmetricEigen.of(a, b);
            double[][] v = eigen.vectors();
            double[] lambda = eigen.values();
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < n; i++) {
                    double av = 0;
                    double bv = 0;
                    for (int j = 0; j < n; j++) {
                        av += a[i][j] * v[j][k];
                        bv += b[i][j] * v[j][k];
                    }
                    assertEquals(av, lambda[k] * bv, 1e-11, "A v = λ B v, k = " + k);
                }
                for (int l = 0; l < n; l++) {
                    double vbv = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            vbv += v[i][k] * b[i][j] * v[j][l];
                        }
                    }
                    assertEquals(k == l ? 1 : 0, vbv, 1e-11, "Vᵀ B V");
                }
            }
        }
    }

    @Test
    void generalizedRejectsIndefiniteB() {
        assertThrows(NotPositiveDefiniteException.class,
                () -> GeneralizedSymmetricEigen.of(new double[][] {{1}}, new double[][] {{-1}}));
    }
}
