package dev.fovea.alignment.cca;

import static dev.fovea.alignment.frames.FrameFixtures.affine;
import static dev.fovea.alignment.frames.FrameFixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.math.linalg.GeneralizedSymmetricEigen;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalCorrelationTest {

    static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int t = 0; t < a.length; t++) {
            ma += a[t] / a.length;
            mb += b[t] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int t = 0; t < a.length; t++) {
            sab += (a[t] - ma) * (b[t] - mb);
            saa += (a[t] - ma) * (a[t] - ma);
            sbb += (b[t] - mb) * (b[t] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    static double[] column(double[][] x, int c) {
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = x[t][c];
        }
        return out;
    }

    @Test
    void anInvertibleAffineImageIsPerfectlyCorrelated() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] x = gaussian(random, 40, 3);
        double[][] a = {{2, 1, 0}, {-1, 0.5, 3}, {0.2, 0, 1}};
        double[][] y = affine(x, a, new double[] {5, -2, 1});
        CcaResult cca = CanonicalCorrelation.fit(List.of(x, y), 0, CcaDimension.fixed(3));
        for (double rho : cca.correlations()) {
            assertEquals(1.0, rho, 1e-10);
        }
        double[][] px = cca.project(0, x);
        double[][] py = cca.project(1, y);
        for (int t = 0; t < 40; t++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(px[t][c], py[t][c], 1e-9, "projections coincide");
            }
        }
    }

    /** Two noisy, partly correlated sets far from the origin (no canonical correlation is exactly 1). */
    static List<double[][]> correlatedSets(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = affine(gaussian(random, 50, 3), new double[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 1}},
                new double[] {40, -7, 3});
        double[][] noise = gaussian(random, 50, 2);
        double[][] y = new double[50][2];
        for (int t = 0; t < 50; t++) {
            y[t][0] = x[t][0] - 0.5 * x[t][1] + 0.3 * noise[t][0] + 12;
            y[t][1] = 0.2 * x[t][2] + noise[t][1] - 5;
        }
        return List.of(x, y);
    }

    @Test
    void homogeneousFitEqualsTheCentredFit() {
        // Independent route: the centred fit never forms the homogeneous moments; the restriction of the homogeneous
        // problem to the complement of the constant pair must reproduce it (with and without a ridge).
        for (double r : new double[] {0, 0.1}) {
            List<double[][]> sets = correlatedSets(3);
            CcaResult centred = CanonicalCorrelation.fit(sets, r, CcaDimension.fixed(2));
            CcaResult homogeneous = CanonicalCorrelation.fitHomogeneous(sets, r, CcaDimension.fixed(2));
            assertEquals(2, homogeneous.components());
            for (int k = 0; k < 2; k++) {
                assertEquals(centred.correlations()[k], homogeneous.correlations()[k], 1e-10);
            }
            for (int set = 0; set < 2; set++) {
                double[][] a = centred.project(set, sets.get(set));
                double[][] b = homogeneous.project(set, sets.get(set));
                for (int t = 0; t < 50; t++) {
                    for (int k = 0; k < 2; k++) {
                        // eigenvectors are defined up to sign
                        assertEquals(Math.abs(a[t][k]), Math.abs(b[t][k]), 1e-8, "r " + r + " set " + set);
                    }
                }
            }
        }
    }

    @Test
    void theFullHomogeneousProblemHasTheConstantPairAtCorrelationOneAndOurSpectrumBesides() {
        // Independent route: the unrestricted (d_x + 1 + d_y + 1) generalized eigenproblem of the uncentred second
        // moments, with the ridge sparing the constant coordinates, solved by the generic solver.
        List<double[][]> sets = correlatedSets(5);
        double r = 0.05;
        int n = 50;
        double[][] z = new double[n][];
        for (int t = 0; t < n; t++) {
            double[] x = sets.get(0)[t];
            double[] y = sets.get(1)[t];
            z[t] = new double[] {x[0], x[1], x[2], 1, y[0], y[1], 1};
        }
        double[][] c = new double[7][7];
        for (double[] row : z) {
            for (int a = 0; a < 7; a++) {
                for (int b = 0; b < 7; b++) {
                    c[a][b] += row[a] * row[b] / n;
                }
            }
        }
        double[][] d = new double[7][7];
        int[][] blocks = {{0, 4}, {4, 7}};
        for (int[] block : blocks) {
            double trace = 0;
            for (int a = block[0]; a < block[1] - 1; a++) {
                trace += c[a][a] - c[a][block[1] - 1] * c[a][block[1] - 1];
            }
            for (int a = block[0]; a < block[1]; a++) {
                for (int b = block[0]; b < block[1]; b++) {
                    d[a][b] = c[a][b];
                }
                if (a < block[1] - 1) {
                    d[a][a] += r * trace / (block[1] - block[0] - 1);
                }
            }
        }
        GeneralizedSymmetricEigen full = GeneralizedSymmetricEigen.of(c, d);
        double[] lambda = full.values();
        // The constant pair: lambda = 2 (correlation 1) with eigenvector proportional to (0, 0, 0, 1, 0, 0, 1).
        assertEquals(2.0, lambda[0], 1e-10);
        double[] top = new double[7];
        for (int a = 0; a < 7; a++) {
            top[a] = full.vectors()[a][0];
        }
        for (int a : new int[] {0, 1, 2, 4, 5}) {
            assertEquals(0.0, top[a], 1e-9 * Math.abs(top[3]));
        }
        assertEquals(top[3], top[6], 1e-9 * Math.abs(top[3]));
        // Next come 1 + rho_k for our two correlations (with a ridge the lower eigenvalues are not 1 - rho_k).
        CcaResult ours = CanonicalCorrelation.fitHomogeneous(sets, r, CcaDimension.fixed(2));
        double[] rho = ours.correlations();
        assertEquals(1 + rho[0], lambda[1], 1e-9);
        assertEquals(1 + rho[1], lambda[2], 1e-9);
        // Without a ridge the whole spectrum is known: 2, 1 ± rho_k, 1 for the third x direction, and 0 for the
        // anti-constant pair (e_x, -e_y).
        double[][] dr = new double[7][];
        for (int a = 0; a < 7; a++) {
            dr[a] = c[a].clone();
            for (int b2 = 0; b2 < 7; b2++) {
                boolean sameBlock = (a < 4) == (b2 < 4);
                dr[a][b2] = sameBlock ? c[a][b2] : 0;
            }
        }
        double[] plain = GeneralizedSymmetricEigen.of(c, dr).values();
        double[] rho0 = CanonicalCorrelation.fitHomogeneous(sets, 0, CcaDimension.fixed(2)).correlations();
        double[] expected = {2, 1 + rho0[0], 1 + rho0[1], 1, 1 - rho0[1], 1 - rho0[0], 0};
        for (int k = 0; k < 7; k++) {
            assertEquals(expected[k], plain[k], 1e-9, "eigenvalue " + k);
        }
        assertTrue(rho[0] > 0.5 && rho[0] < 1 - 1e-3, "a genuine, imperfect correlation: " + rho[0]);
    }

    @Test
    void theHomogeneousOffsetAbsorbsATranslation() {
        List<double[][]> sets = correlatedSets(7);
        double[] b = {-300, 25, 1000};
        double[][] moved = affine(sets.get(0), new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, b);
        CcaResult before = CanonicalCorrelation.fitHomogeneous(sets, 0.01, CcaDimension.fixed(2));
        CcaResult after = CanonicalCorrelation.fitHomogeneous(List.of(moved, sets.get(1)), 0.01, CcaDimension.fixed(2));
        double[][] v = before.homogeneousProjection(0);
        double[][] w = after.homogeneousProjection(0);
        assertEquals(4, v.length, "d_x + 1 rows");
        assertEquals(2, v[0].length);
        for (int k = 0; k < 2; k++) {
            double sign = Math.signum(v[0][k] * w[0][k]);
            double shift = 0;
            for (int a = 0; a < 3; a++) {
                assertEquals(v[a][k], sign * w[a][k], 1e-9 * Math.abs(v[a][k]), "linear part unchanged");
                shift -= b[a] * v[a][k];
            }
            assertEquals(v[3][k] + shift, sign * w[3][k], 1e-9 * Math.abs(shift), "offset row moves by -b^T V");
        }
        // [x, 1] V-hat is the projection.
        double[][] projected = before.project(0, sets.get(0));
        for (int t = 0; t < 50; t++) {
            for (int k = 0; k < 2; k++) {
                double sum = v[3][k];
                for (int a = 0; a < 3; a++) {
                    sum += sets.get(0)[t][a] * v[a][k];
                }
                assertEquals(projected[t][k], sum, 1e-9);
            }
        }
    }

    @Test
    void oneChannelEachGivesTheAbsolutePearsonCorrelation() {
        SplittableRandom random = new SplittableRandom(2);
        double[][] x = gaussian(random, 30, 1);
        double[][] y = new double[30][1];
        for (int t = 0; t < 30; t++) {
            y[t][0] = -0.7 * x[t][0] + random.nextGaussian();
        }
        double r = pearson(column(x, 0), column(y, 0));
        CcaResult cca = CanonicalCorrelation.fit(List.of(x, y), 0, CcaDimension.fixed(1));
        assertEquals(Math.abs(r), cca.correlations()[0], 1e-12);
    }

    @Test
    void projectionsHaveTheStatedCorrelationsUnitVarianceAndAreUncorrelatedAcrossComponents() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] z = gaussian(random, 200, 2);
        double[][] x = affine(z, new double[][] {{1, 0, 2, 0}, {0, 1, 0, 1}}, new double[4]);
        double[][] y = affine(z, new double[][] {{1, 1, 0}, {0, 1, -1}}, new double[3]);
        for (double[] row : x) {
            for (int k = 0; k < 4; k++) {
                row[k] += 0.5 * random.nextGaussian();
            }
        }
        for (double[] row : y) {
            for (int k = 0; k < 3; k++) {
                row[k] += 0.8 * random.nextGaussian();
            }
        }
        CcaResult cca = CanonicalCorrelation.fit(List.of(x, y), 0, CcaDimension.fixed(3));
        double[][] px = cca.project(0, x);
        double[][] py = cca.project(1, y);
        double[] rho = cca.correlations();
        for (int c = 0; c < 3; c++) {
            assertEquals(rho[c], pearson(column(px, c), column(py, c)), 1e-10);
            double var = 0;
            for (double[] row : px) {
                var += row[c] * row[c] / px.length;
            }
            assertEquals(1.0, var, 1e-10);
            for (int e = 0; e < c; e++) {
                assertEquals(0.0, pearson(column(px, c), column(px, e)), 1e-10);
                assertEquals(0.0, pearson(column(px, c), column(py, e)), 1e-10);
            }
        }
        // Two latent dimensions drive both sets; the third correlation is noise. The energy rule keeps what it must.
        assertEquals(1, CanonicalCorrelation.fit(List.of(x, y), 0, CcaDimension.energy(rho[0] / (rho[0] + rho[1]
                + rho[2]))).components());
        assertEquals(3, CanonicalCorrelation.fit(List.of(x, y), 0, CcaDimension.energy(1.0)).components());
    }

    @Test
    void multiSetOfThreeAffineImagesHasCorrelationOne() {
        SplittableRandom random = new SplittableRandom(4);
        double[][] x = gaussian(random, 50, 2);
        double[][] y = affine(x, new double[][] {{1, 2}, {3, -1}}, new double[] {1, 1});
        double[][] w = affine(x, new double[][] {{0.5, 0, 1}, {0, 2, 1}}, new double[] {0, 0, 0});
        for (double[] row : w) {
            row[2] += random.nextGaussian();
        }
        CcaResult cca = CanonicalCorrelation.fit(List.of(x, y, w), 0, CcaDimension.fixed(2));
        assertEquals(1.0, cca.correlations()[0], 1e-10);
        assertEquals(1.0, cca.correlations()[1], 1e-10);
    }

    @Test
    void rejectsBadInput() {
        double[][] x = {{1}, {2}};
        assertEquals("sets must hold at least 2 sets, got 1", assertThrows(IllegalArgumentException.class,
                () -> CanonicalCorrelation.fit(List.<double[][]>of(x), 0, CcaDimension.fixed(1))).getMessage());
        assertEquals("sets[1] has 3 rows, sets[0] has 2", assertThrows(IllegalArgumentException.class,
                () -> CanonicalCorrelation.fit(List.of(x, new double[][] {{1}, {2}, {3}}), 0, CcaDimension.fixed(1)))
                .getMessage());
        assertEquals("regularization must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> CanonicalCorrelation.fit(List.of(x, x), -1, CcaDimension.fixed(1))).getMessage());
        assertEquals("energy must be in (0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> CcaDimension.energy(1.5)).getMessage());
        assertEquals("components must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> CcaDimension.fixed(0)).getMessage());
    }
}
