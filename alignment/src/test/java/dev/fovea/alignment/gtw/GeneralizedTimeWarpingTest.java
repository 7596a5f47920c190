package dev.fovea.alignment.gtw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.alignment.ctw.PathDeviation;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneralizedTimeWarpingTest {

    /** A smooth 2-channel curve at latent time u ∈ [0, 1]. */
    static double[] curve(double u) {
        return new double[] {Math.sin(5 * u) + u, Math.cos(3 * u) * (1 + u)};
    }

    static double[][] sample(int n, java.util.function.DoubleUnaryOperator time) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = curve(time.applyAsDouble((double) i / (n - 1)));
        }
        return x;
    }

    @Test
    void recoversAWarpFromTheBasisFamily() {
        int nx = 60;
        int ny = 80;
        double[][] x = sample(nx, u -> u);
        double[][] y = sample(ny, u -> u * u);
        GtwResult result = GeneralizedTimeWarping.align(List.of(x, y), GtwOptions.temporalDefaults());
        // x frame i is at latent time i/(nx − 1); y reaches that time at frame (ny − 1)·sqrt(i/(nx − 1)).
        double[] truth = new double[nx];
        for (int i = 0; i < nx; i++) {
            truth[i] = (ny - 1) * Math.sqrt((double) i / (nx - 1));
        }
        double identity = GeneralizedTimeWarping.objective(new double[][][] {x, y}, MonotoneBasis.onGrid(ny),
                new double[][] {unit(), unit()}, new int[] {nx, ny});
        assertTrue(result.cost() < 0.01 * identity, "J fell from " + identity + " to " + result.cost());
        double error = PathDeviation.meanAbsolute(result.columnPerRow(0, 1), truth);
        assertTrue(error < 1.0, "mean deviation " + error + " frames");
    }

    static double[] unit() {
        double[] a = new double[MonotoneBasis.SIZE];
        a[0] = 1;
        return a;
    }

    @Test
    void threeSequencesHaveMonotoneWarpsWithFixedEndsAndANonIncreasingObjective() {
        double[][] a = sample(40, u -> u);
        double[][] b = sample(55, u -> 1 - (1 - u) * (1 - u));
        double[][] c = sample(47, u -> u * u * u);
        GtwResult result = GeneralizedTimeWarping.align(List.of(a, b, c), new GtwOptions(3, 20, true, 1.0, 1e-6));
        double[][] w = result.warps();
        int[] n = {40, 55, 47};
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, w[i][0], 0.0);
            assertEquals(n[i] - 1, w[i][w[i].length - 1], 0.0);
            for (int s = 1; s < w[i].length; s++) {
                assertTrue(w[i][s] >= w[i][s - 1] - 1e-12, "monotone");
            }
        }
        double[] j = result.objective();
        for (int k = 1; k < j.length; k++) {
            assertTrue(j[k] <= j[k - 1]);
        }
        // b frame j sits at latent time 1 − (1 − j/54)², so a's frame f (latent f/39) meets b at 54(1 − √(1 − u)).
        double[] truth = new double[40];
        for (int f = 0; f < 40; f++) {
            double u = f / 39.0;
            truth[f] = 54 * (1 - Math.sqrt(1 - u));
        }
        double error = PathDeviation.meanAbsolute(result.columnPerRow(0, 1), truth);
        GtwResult gtw = GeneralizedTimeWarping.align(List.of(a, b, c), new GtwOptions(1, 50, false, 1.0, 1e-6));
        double gtwError = PathDeviation.meanAbsolute(gtw.columnPerRow(0, 1), truth);
        assertTrue(error < 2.0 && gtwError < 2.0, "GCTW " + error + " GTW " + gtwError + " frames");
    }

    @Test
    void simplexProjectionKnownAnswers() {
        double[] v = {0.5, 0.5, 0.5, 2, 0};
        GeneralizedTimeWarping.projectOntoSimplex(v, 0, 3);
        assertEquals(1 / 3.0, v[0], 1e-15);
        assertEquals(1 / 3.0, v[2], 1e-15);
        GeneralizedTimeWarping.projectOntoSimplex(v, 3, 2);
        assertEquals(1.0, v[3], 0.0);
        assertEquals(0.0, v[4], 0.0);
        // (0.8, 0.6, −1): threshold τ = 0.2 keeps the two largest, (0.6, 0.4, 0).
        double[] w = {0.8, 0.6, -1};
        GeneralizedTimeWarping.projectOntoSimplex(w, 0, 3);
        assertEquals(0.6, w[0], 1e-15);
        assertEquals(0.4, w[1], 1e-15);
        assertEquals(0.0, w[2], 0.0);
    }

    @Test
    void basisFunctionsAreMonotoneFromZeroToOne() {
        double[][] q = MonotoneBasis.onGrid(101);
        for (int k = 0; k < MonotoneBasis.SIZE; k++) {
            assertEquals(0.0, q[0][k], 1e-15);
            assertEquals(1.0, q[100][k], 1e-15);
            for (int s = 1; s <= 100; s++) {
                assertTrue(q[s][k] >= q[s - 1][k], "q" + k);
            }
        }
    }

    @Test
    void rejectsBadInput() {
        double[][] x = {{1}, {2}};
        assertEquals("sequences must hold at least 2 sequences, got 1", assertThrows(IllegalArgumentException.class,
                () -> GeneralizedTimeWarping.align(List.<double[][]>of(x), GtwOptions.temporalDefaults()))
                .getMessage());
        assertEquals("sequences[1] has 2 channels, sequences[0] has 1; GTW without CCA needs equal channels",
                assertThrows(IllegalArgumentException.class, () -> GeneralizedTimeWarping.align(
                        List.of(x, new double[][] {{1, 2}, {3, 4}}), GtwOptions.temporalDefaults())).getMessage());
        assertEquals("gaussNewtonSteps must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new GtwOptions(1, 0, false, 1, 0)).getMessage());
    }
}
