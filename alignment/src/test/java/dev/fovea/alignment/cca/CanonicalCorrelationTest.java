package dev.fovea.alignment.cca;

import static dev.fovea.alignment.frames.FrameFixtures.affine;
import static dev.fovea.alignment.frames.FrameFixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
