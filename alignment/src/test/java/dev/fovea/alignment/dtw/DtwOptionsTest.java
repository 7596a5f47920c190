package dev.fovea.alignment.dtw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DtwOptionsTest {

    private static double[] gaussian(Random random, int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = random.nextGaussian();
        }
        return s;
    }

    private static double[][] gaussian(Random random, int n, int d) {
        double[][] s = new double[n][d];
        for (double[] row : s) {
            for (int k = 0; k < d; k++) {
                row[k] = random.nextGaussian();
            }
        }
        return s;
    }

    @Test
    void bandOfRadiusZeroOnEqualLengthsIsTheSquaredEuclideanDistance() {
        Random random = new Random(3L);
        double[] x = gaussian(random, 40);
        double[] y = gaussian(random, 40);
        double euclidean = 0.0;
        for (int i = 0; i < x.length; i++) {
            euclidean += (x[i] - y[i]) * (x[i] - y[i]);
        }
        DtwResult result = Dtw.align(x, y, DtwOptions.defaults().withWindow(Window.sakoeChiba(0)));
        assertEquals(euclidean, result.cost(), 1e-12 * euclidean);
        assertEquals(x.length, result.path().length());
    }

    @Test
    void widerBandsNeverCostMoreAndTheFullBandIsUnconstrained() {
        Random random = new Random(5L);
        double[] x = gaussian(random, 30);
        double[] y = gaussian(random, 25);
        double previous = Double.POSITIVE_INFINITY;
        for (int r = 5; r <= 30; r++) {
            DtwResult result = Dtw.align(x, y, DtwOptions.defaults().withWindow(Window.sakoeChiba(r)));
            assertTrue(result.cost() <= previous);
            previous = result.cost();
            for (int k = 0; k < result.path().length(); k++) {
                assertTrue(Math.abs(result.path().row(k) - result.path().column(k)) <= r);
            }
        }
        assertEquals(Dtw.align(x, y).cost(), previous, 0.0);
    }

    @Test
    void tooNarrowWindowsAreRejectedWithTheLengths() {
        double[] x = new double[10];
        double[] y = new double[4];
        assertEquals("window: a Sakoe-Chiba band |i - j| <= 5 cannot reach (n - 1, m - 1) for n = 10, m = 4;"
                        + " radiusCells must be >= |n - m| = 6",
                assertThrows(IllegalArgumentException.class,
                        () -> Dtw.align(x, y, DtwOptions.defaults().withWindow(Window.sakoeChiba(5)))).getMessage());
        String itakura = assertThrows(IllegalArgumentException.class,
                () -> Dtw.align(x, y, DtwOptions.defaults().withWindow(Window.itakura(2)))).getMessage();
        assertTrue(itakura.startsWith("window: an Itakura parallelogram of maxSlope 2.0"), itakura);
        // asymmetric advances one row per step and at most two columns: m ≤ 2n − 1.
        String pattern = assertThrows(IllegalArgumentException.class,
                () -> Dtw.align(new double[2], new double[4], DtwOptions.defaults()
                        .withStepPattern(StepPattern.asymmetric()))).getMessage();
        assertTrue(pattern.startsWith("stepPattern admits no warping path"), pattern);
        assertEquals("radiusCells must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> Window.sakoeChiba(-1)).getMessage());
        assertEquals("maxSlope must be > 1 and finite, got 0.5",
                assertThrows(IllegalArgumentException.class, () -> Window.itakura(0.5)).getMessage());
        assertEquals("openBegin needs a pattern normalised by n or not at all; symmetric2 is normalised by n + m",
                assertThrows(IllegalArgumentException.class, () -> DtwOptions.defaults()
                        .withStepPattern(StepPattern.symmetric2()).withOpenEnds(true, false)).getMessage());
        assertEquals("window: the mask is 2 x 2 but the sequences need 10 x 4",
                assertThrows(IllegalArgumentException.class, () -> Dtw.align(x, y, DtwOptions.defaults()
                        .withWindow(Window.mask(new boolean[2][2])))).getMessage());
    }

    @Test
    void rabinerJuangPatternsAreNamedAsTheyNameThemselves() {
        StepPattern pattern = StepPattern.rabinerJuang(4, 'c', true);
        assertEquals("rabinerJuang4cs", pattern.name());
        assertEquals(pattern, StepPattern.named("rabinerJuang4cs"));
        assertEquals(StepPattern.Normalization.N, pattern.normalization());
        String message = assertThrows(IllegalArgumentException.class,
                () -> StepPattern.named("rabinerJuang8a")).getMessage();
        assertTrue(message.startsWith("stepPattern must be one of [symmetric1,"), message);
        assertTrue(message.endsWith("or rabinerJuang<1-7><a-d>[s], got rabinerJuang8a"), message);
    }

    @Test
    void subsequenceSearchFindsAnEmbeddedCopy() {
        // The query occurs exactly at columns 5..8 of the reference: open begin + open end finds it at cost 0.
        double[] query = {1, 3, 2, 5};
        double[] reference = {9, 9, 8, 7, 9, 1, 3, 2, 5, 9, 8};
        DtwResult result = Dtw.align(query, reference, DtwOptions.defaults().withOpenEnds(true, true));
        assertEquals(0.0, result.cost(), 0.0);
        assertArrayEquals(new int[] {5, 6, 7, 8}, result.path().columns());
        assertArrayEquals(new int[] {0, 1, 2, 3}, result.path().rows());
    }

    @Test
    void symmetric2NormalisesByNPlusMAndAsymmetricByN() {
        double[] x = {0, 1, 2};
        double[] y = {0, 2};
        DtwResult s2 = Dtw.align(x, y, DtwOptions.defaults().withStepPattern(StepPattern.symmetric2()));
        assertEquals(s2.cost() / 5, s2.normalizedCost(), 0.0);
        DtwResult asym = Dtw.align(x, y, DtwOptions.defaults().withStepPattern(StepPattern.asymmetric()));
        assertEquals(asym.cost() / 3, asym.normalizedCost(), 0.0);
        // By hand, symmetric2: path (0,0) →diag (1,1) → (2,1): 0 + 2·(1−2)² + (2−2)² = 2; the alternative
        // (0,0) → (1,0) →diag (2,1) costs 0 + 1 + 2·0 = 1.
        assertEquals(1.0, s2.cost(), 0.0);
        assertTrue(Double.isNaN(Dtw.align(x, y, DtwOptions.defaults()).normalizedCost()));
    }

    @Test
    void dependentMultivariateEqualsTheGivenMatrixOfVectorDistances() {
        Random random = new Random(9L);
        double[][] x = gaussian(random, 12, 3);
        double[][] y = gaussian(random, 9, 3);
        for (LocalCost cost : new LocalCost[] {LocalCost.squared(), LocalCost.euclidean(), LocalCost.absolute()}) {
            double[][] c = new double[12][9];
            for (int i = 0; i < 12; i++) {
                for (int j = 0; j < 9; j++) {
                    double sq = 0.0;
                    double abs = 0.0;
                    for (int k = 0; k < 3; k++) {
                        sq += (x[i][k] - y[j][k]) * (x[i][k] - y[j][k]);
                        abs += Math.abs(x[i][k] - y[j][k]);
                    }
                    c[i][j] = cost instanceof LocalCost.Squared ? sq
                            : cost instanceof LocalCost.Euclidean ? Math.sqrt(sq) : abs;
                }
            }
            DtwOptions options = DtwOptions.defaults().withLocalCost(cost)
                    .withStepPattern(StepPattern.symmetric2());
            DtwResult vectors = Dtw.align(x, y, options);
            DtwResult given = Dtw.alignGiven(options.withLocalCost(LocalCost.given(c)));
            assertEquals(given.cost(), vectors.cost(), 1e-12 * given.cost());
            assertEquals(given.path(), vectors.path());
            double[][] accumulated = Dtw.accumulatedCost(x, y, options);
            assertEquals(vectors.cost(), accumulated[11][8], 0.0);
        }
    }

    @Test
    void oneChannelMultivariateEqualsOneDimensional() {
        Random random = new Random(13L);
        double[] x = gaussian(random, 20);
        double[] y = gaussian(random, 17);
        double[][] x1 = new double[20][];
        double[][] y1 = new double[17][];
        for (int i = 0; i < 20; i++) {
            x1[i] = new double[] {x[i]};
        }
        for (int j = 0; j < 17; j++) {
            y1[j] = new double[] {y[j]};
        }
        DtwOptions options = DtwOptions.defaults().withWindow(Window.sakoeChiba(4));
        assertEquals(Dtw.align(x, y, options), Dtw.align(x1, y1, options));
        assertEquals(Dtw.align(x, y, options).cost(), Dtw.independentCost(x1, y1, options), 0.0);
    }

    @Test
    void independentMultivariateSumsChannelCosts() {
        Random random = new Random(17L);
        double[][] x = gaussian(random, 10, 2);
        double[][] y = gaussian(random, 14, 2);
        double sum = 0.0;
        for (int k = 0; k < 2; k++) {
            double[] xk = new double[10];
            double[] yk = new double[14];
            for (int i = 0; i < 10; i++) {
                xk[i] = x[i][k];
            }
            for (int j = 0; j < 14; j++) {
                yk[j] = y[j][k];
            }
            sum += Dtw.align(xk, yk).cost();
        }
        assertEquals(sum, Dtw.independentCost(x, y, DtwOptions.defaults()), 1e-12 * sum);
        // DTW_I lets each channel warp alone, so it never exceeds DTW_D with the squared cost.
        assertTrue(Dtw.independentCost(x, y, DtwOptions.defaults()) <= Dtw.align(x, y, DtwOptions.defaults()).cost()
                * (1 + 1e-12));
    }

    @Test
    void rejectsBadMultivariateInput() {
        double[][] ok = {{1, 2}, {3, 4}};
        assertEquals("y has 3 channels at [1], x has 2", assertThrows(IllegalArgumentException.class,
                () -> Dtw.align(ok, new double[][] {{1, 2}, {1, 2, 3}}, DtwOptions.defaults())).getMessage());
        assertEquals("x must be finite, got NaN at [1, 0]", assertThrows(IllegalArgumentException.class,
                () -> Dtw.align(new double[][] {{1, 2}, {Double.NaN, 2}}, ok, DtwOptions.defaults())).getMessage());
        assertEquals("y must have at least one entry, got length 0", assertThrows(IllegalArgumentException.class,
                () -> Dtw.align(ok, new double[0][], DtwOptions.defaults())).getMessage());
        assertEquals("localCost must be rectangular, row 0 has 2 entries, row 1 has 1",
                assertThrows(IllegalArgumentException.class,
                        () -> LocalCost.given(new double[][] {{1, 2}, {3}})).getMessage());
        assertThrows(ArithmeticException.class,
                () -> Dtw.align(new double[] {1e200}, new double[] {-1e200}, DtwOptions.defaults()));
    }
}
