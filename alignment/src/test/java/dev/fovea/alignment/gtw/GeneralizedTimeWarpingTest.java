package dev.fovea.alignment.gtw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.alignment.ctw.PathDeviation;
import java.util.List;
import java.util.SplittableRandom;
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
        // x frame i is at latent time i/(nx − 1); y reaches that time at frame (ny − 1)·sqrt(i/(nx − 1)).
        double[] truth = new double[nx];
        for (int i = 0; i < nx; i++) {
            truth[i] = (ny - 1) * Math.sqrt((double) i / (nx - 1));
        }
        double identity = GeneralizedTimeWarping.objective(new double[][][] {x, y}, MonotoneBasis.onGrid(ny),
                new double[][] {unit(), unit()}, new int[] {nx, ny});
        // Unregularised, the warp (in the family) is found almost exactly; with the default smoothness the curvature
        // of u^2 costs lambda (l - 1) * 4 ≈ 0.95, so the total J stays higher but the data term and error stay small.
        GtwResult exact = GeneralizedTimeWarping.align(List.of(x, y), GtwOptions.temporalDefaults().withSmoothness(0));
        assertTrue(exact.cost() < 0.001 * identity, "J fell from " + identity + " to " + exact.cost());
        assertTrue(PathDeviation.meanAbsolute(exact.columnPerRow(0, 1), truth) < 0.1);
        GtwResult smooth = GeneralizedTimeWarping.align(List.of(x, y), GtwOptions.temporalDefaults());
        assertTrue(dataTerm(List.of(x, y), smooth) < 0.01 * identity, "data term " + dataTerm(List.of(x, y), smooth));
        double error = PathDeviation.meanAbsolute(smooth.columnPerRow(0, 1), truth);
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
        GtwResult result = GeneralizedTimeWarping.align(List.of(a, b, c), new GtwOptions(3, 20, true, 1.0, 1e-6, 0));
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
        GtwResult gtw = GeneralizedTimeWarping.align(List.of(a, b, c), new GtwOptions(1, 50, false, 1.0, 1e-6, 0));
        double gtwError = PathDeviation.meanAbsolute(gtw.columnPerRow(0, 1), truth);
        assertTrue(error < 2.0 && gtwError < 2.0, "GCTW " + error + " GTW " + gtwError + " frames");
    }

    /** \( (l - 1)^4 \sum_i \sum_s (\Delta^2 w_i(s) / (n_i - 1))^2 \) measured on the returned warps. */
    static double measuredRoughness(GtwResult result) {
        double sum = 0;
        for (double[] w : result.warps()) {
            int l = w.length;
            double frames = w[l - 1];
            for (int s = 1; s < l - 1; s++) {
                double second = (w[s + 1] - 2 * w[s] + w[s - 1]) / frames;
                sum += Math.pow(l - 1, 4) * second * second;
            }
        }
        return sum;
    }

    /** The data term recomputed from the warps alone: \( \sum_s \sum_i \| X_i(w_i(s)) - \bar X(s) \|^2 \). */
    static double dataTerm(List<double[][]> sequences, GtwResult result) {
        double[][] w = result.warps();
        int m = sequences.size();
        double sum = 0;
        for (int s = 0; s < w[0].length; s++) {
            int d = sequences.get(0)[0].length;
            double[][] at = new double[m][d];
            double[] mean = new double[d];
            for (int i = 0; i < m; i++) {
                double[][] x = sequences.get(i);
                int f = Math.min((int) Math.floor(w[i][s]), x.length - 2);
                double t = w[i][s] - f;
                for (int c = 0; c < d; c++) {
                    at[i][c] = (1 - t) * x[f][c] + t * x[f + 1][c];
                    mean[c] += at[i][c] / m;
                }
            }
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < d; c++) {
                    sum += (at[i][c] - mean[c]) * (at[i][c] - mean[c]);
                }
            }
        }
        return sum;
    }

    @Test
    void smoothnessMakesTheWarpsSmoother() {
        // Two sequences related by a warp with a kink (rate 0.5 then 2): the larger lambda, the smaller the measured
        // second difference of the warps; a huge lambda leaves the identity (zero second difference).
        double[][] x = sample(70, u -> u);
        double[][] y = sample(90, u -> u < 0.5 ? 0.5 * u : 0.25 + 1.5 * (u - 0.5));
        double previous = Double.POSITIVE_INFINITY;
        double first = Double.NaN;
        for (double lambda : new double[] {0, 1e-4, 1e-3, 1e-2, 1e-1, 1}) {
            GtwResult result = GeneralizedTimeWarping.align(List.of(x, y),
                    GtwOptions.temporalDefaults().withSmoothness(lambda));
            double roughness = measuredRoughness(result);
            assertTrue(roughness <= previous * (1 + 1e-9), "lambda " + lambda + ": " + roughness + " > " + previous);
            previous = roughness;
            if (lambda == 0) {
                first = roughness;
            }
        }
        assertTrue(previous < 0.05 * first, "lambda 1 vs 0: " + previous + " vs " + first);
        GtwResult rigid = GeneralizedTimeWarping.align(List.of(x, y),
                GtwOptions.temporalDefaults().withSmoothness(1e6));
        double[][] w = rigid.warps();
        for (int s = 0; s < w[0].length; s++) {
            assertEquals(69.0 * s / 89, w[0][s], 1e-3, "identity warp of x");
            assertEquals(s, w[1][s], 1e-3, "identity warp of y");
        }
    }

    @Test
    void zeroSmoothnessIsTheUnregularisedObjectiveSolvedAtLeastAsWellAsBefore() {
        // With lambda = 0 the reported J is the data term alone (recomputed here from the warps), and the exact QP
        // does at least as well as the 300-step projected gradient it replaced. Figures of that solver (commit
        // e85242e, same problems and settings): basis-family problem J = 0.1305, error 0.721 frames; three sequences
        // with GTW J = 0.3489, error 0.884 frames; with GCTW error 1.874 frames.
        double[][] x = sample(60, u -> u);
        double[][] y = sample(80, u -> u * u);
        GtwResult pair = GeneralizedTimeWarping.align(List.of(x, y), GtwOptions.temporalDefaults().withSmoothness(0));
        assertEquals(dataTerm(List.of(x, y), pair), pair.cost(), 1e-9 * pair.cost());
        assertTrue(pair.cost() <= 0.1305, "J " + pair.cost());
        double[] truth = new double[60];
        for (int i = 0; i < 60; i++) {
            truth[i] = 79 * Math.sqrt(i / 59.0);
        }
        assertTrue(PathDeviation.meanAbsolute(pair.columnPerRow(0, 1), truth) <= 0.721);
        double[][] a = sample(40, u -> u);
        double[][] b = sample(55, u -> 1 - (1 - u) * (1 - u));
        double[][] c = sample(47, u -> u * u * u);
        GtwResult three = GeneralizedTimeWarping.align(List.of(a, b, c), new GtwOptions(1, 50, false, 1.0, 1e-6, 0));
        assertEquals(dataTerm(List.of(a, b, c), three), three.cost(), 1e-9 * three.cost());
        assertTrue(three.cost() <= 0.3489, "J " + three.cost());
        double[] truthB = new double[40];
        for (int f = 0; f < 40; f++) {
            truthB[f] = 54 * (1 - Math.sqrt(1 - f / 39.0));
        }
        assertTrue(PathDeviation.meanAbsolute(three.columnPerRow(0, 1), truthB) <= 0.884);
        GtwResult canonical = GeneralizedTimeWarping.align(List.of(a, b, c), new GtwOptions(3, 20, true, 1.0, 1e-6, 0));
        assertTrue(PathDeviation.meanAbsolute(canonical.columnPerRow(0, 1), truthB) <= 1.874);
    }

    @Test
    void theTemporalStepsQpSatisfiesTheKktConditions() {
        // A real temporal-step model (three sequences, damping 1e-3, lambda 1e-3) at a non-trivial point.
        double[][] a = sample(40, u -> u);
        double[][] b = sample(55, u -> 1 - (1 - u) * (1 - u));
        double[][] c = sample(47, u -> u * u * u);
        double[][] basis = MonotoneBasis.onGrid(55);
        double[][] weights = new double[3][MonotoneBasis.SIZE];
        for (int i = 0; i < 3; i++) {
            weights[i][0] = 0.6;
            weights[i][1 + i] = 0.3;
            weights[i][10 + i] = 0.1;
        }
        for (double lambda : new double[] {0, 1e-3, 1}) {
            GeneralizedTimeWarping.TemporalModel model = GeneralizedTimeWarping.temporalModel(
                    new double[][][] {a, b, c}, basis, weights, new int[] {40, 55, 47}, 1e-3, lambda,
                    GeneralizedTimeWarping.smoothnessGram(basis));
            SimplexQuadraticProgram.Solution solution = SimplexQuadraticProgram.minimize(model.q(), model.c(),
                    MonotoneBasis.SIZE, model.start());
            SimplexQuadraticProgramTest.assertKkt(model.q(), model.c(), MonotoneBasis.SIZE, solution);
        }
    }

    @Test
    void theSmoothnessGramIsTheScaledSecondDifference() {
        // a^T G a against the second difference of u = Q a computed directly, for a random weight vector.
        double[][] basis = MonotoneBasis.onGrid(30);
        double[][] gram = GeneralizedTimeWarping.smoothnessGram(basis);
        SplittableRandom random = new SplittableRandom(2);
        double[] a = new double[MonotoneBasis.SIZE];
        for (int k = 0; k < a.length; k++) {
            a[k] = random.nextDouble();
        }
        double direct = 0;
        for (int s = 1; s < 29; s++) {
            double second = 0;
            for (int k = 0; k < a.length; k++) {
                second += a[k] * (basis[s + 1][k] - 2 * basis[s][k] + basis[s - 1][k]);
            }
            direct += Math.pow(29, 4) * second * second;
        }
        assertEquals(direct, GeneralizedTimeWarping.roughness(gram, new double[][] {a}), 1e-10 * direct);
        // The identity has no curvature.
        assertEquals(0.0, GeneralizedTimeWarping.roughness(gram, new double[][] {unit()}), 1e-9);
    }

    @Test
    void simplexProjectionKnownAnswers() {
        double[] v = {0.5, 0.5, 0.5, 2, 0};
        ProjectedGradient.projectOntoSimplex(v, 0, 3);
        assertEquals(1 / 3.0, v[0], 1e-15);
        assertEquals(1 / 3.0, v[2], 1e-15);
        ProjectedGradient.projectOntoSimplex(v, 3, 2);
        assertEquals(1.0, v[3], 0.0);
        assertEquals(0.0, v[4], 0.0);
        // (0.8, 0.6, −1): threshold τ = 0.2 keeps the two largest, (0.6, 0.4, 0).
        double[] w = {0.8, 0.6, -1};
        ProjectedGradient.projectOntoSimplex(w, 0, 3);
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
                () -> new GtwOptions(1, 0, false, 1, 0, 0)).getMessage());
        assertEquals("smoothness must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> GtwOptions.temporalDefaults().withSmoothness(-1)).getMessage());
    }
}
