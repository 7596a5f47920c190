package dev.fovea.attention.hard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.discrete.Softmax;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both samplers against the exact probabilities and against each other by Pearson's chi-square test. Location 2 is
 * masked, leaving 5 categories: 4 degrees of freedom, whose 0.999 quantile is 18.467 (e.g. Abramowitz and Stegun,
 * table 26.8). The seeds are fixed, so the tests are deterministic; a correct sampler fails one comparison with
 * probability 0.001 over the choice of seed, a sampler off by 2% in one probability fails almost surely at this n.
 */
class CategoricalSamplingTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    private static final double[] SCORES = {0.3, -1.2, Double.NEGATIVE_INFINITY, 1.1, 0.0, -0.4};
    private static final int DRAWS = 60_000;
    private static final double CHI_SQUARE_4_0999 = 18.467;

    @Test
    void kernelsFollowTheSoftmaxAndAgreeWithEachOther() {
        long[] gumbel = kernelCounts(CategoricalSampling.gumbelMax(), 17);
        long[] inverse = kernelCounts(CategoricalSampling.inverseCdf(), 18);
        assertFits(gumbel, inverse);
    }

    @Test
    void ndArraySamplersFollowTheSoftmaxAndAgreeWithEachOther() {
        NDManager m = managers.manager();
        Engine.getInstance().setRandomSeed(1234);
        NDArray scores = m.create(SCORES).toType(DataType.FLOAT64, false).reshape(1, SCORES.length)
                .repeat(0, DRAWS);
        long[] gumbel = counts(CategoricalSampling.gumbelMax().sample(scores).toLongArray());
        long[] inverse = counts(CategoricalSampling.inverseCdf().sample(scores).toLongArray());
        assertFits(gumbel, inverse);
    }

    @Test
    void ndArraySamplesHaveTheBatchShape() {
        NDManager m = managers.manager();
        NDArray scores = m.randomNormal(new Shape(2, 3, 7)).toType(DataType.FLOAT64, false);
        for (CategoricalSampling s : new CategoricalSampling[] {CategoricalSampling.gumbelMax(),
            CategoricalSampling.inverseCdf()}) {
            NDArray k = s.sample(scores);
            assertEquals(new Shape(2, 3), k.getShape());
            assertEquals(DataType.INT64, k.getDataType());
            for (long v : k.toLongArray()) {
                assertTrue(v >= 0 && v < 7, "index " + v);
            }
        }
    }

    @Test
    void aSingleUnmaskedLocationIsAlwaysDrawn() {
        double[] scores = {Double.NEGATIVE_INFINITY, 2.0, Double.NEGATIVE_INFINITY};
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            assertEquals(1, CategoricalSampling.gumbelMax().sample(scores, random));
            assertEquals(1, CategoricalSampling.inverseCdf().sample(scores, random));
        }
        assertThrows(IllegalArgumentException.class, () -> CategoricalSampling.gumbelMax().sample(
                new double[] {Double.NaN, 1.0}, random));
    }

    @Test
    void theTestRejectsASamplerOffByTenPercentInOneScore() {
        // Score 0 raised by 0.1 changes p_0 ≈ 0.21 by ≈ 8%: about 1,000 extra draws of 12,600 expected, a
        // goodness-of-fit statistic of about 90, far above the 18.467 threshold.
        double[] wrong = SCORES.clone();
        wrong[0] += 0.1;
        long[] counts = new long[SCORES.length];
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < DRAWS; i++) {
            counts[CategoricalSampling.inverseCdf().sample(wrong, random)]++;
        }
        double[] p = Softmax.probabilities(SCORES);
        double fit = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0.0) {
                fit += (counts[i] - DRAWS * p[i]) * (counts[i] - DRAWS * p[i]) / (DRAWS * p[i]);
            }
        }
        assertTrue(fit > CHI_SQUARE_4_0999, "statistic " + fit);
    }

    private static long[] kernelCounts(CategoricalSampling sampling, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] counts = new long[SCORES.length];
        for (int i = 0; i < DRAWS; i++) {
            counts[sampling.sample(SCORES, random)]++;
        }
        return counts;
    }

    private static long[] counts(long[] draws) {
        long[] counts = new long[SCORES.length];
        for (long d : draws) {
            counts[(int) d]++;
        }
        return counts;
    }

    private static void assertFits(long[] first, long[] second) {
        double[] p = Softmax.probabilities(SCORES);
        assertEquals(0, first[2], "a masked location was drawn");
        assertEquals(0, second[2], "a masked location was drawn");
        double fitFirst = 0.0;
        double fitSecond = 0.0;
        double twoSample = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0.0) {
                continue;
            }
            double expected = DRAWS * p[i];
            fitFirst += (first[i] - expected) * (first[i] - expected) / expected;
            fitSecond += (second[i] - expected) * (second[i] - expected) / expected;
            // Equal sample sizes: Σ (a - b)² / (a + b) is chi-square with k - 1 degrees of freedom.
            twoSample += (double) (first[i] - second[i]) * (first[i] - second[i]) / (first[i] + second[i]);
        }
        assertTrue(fitFirst < CHI_SQUARE_4_0999, "Gumbel-max goodness of fit " + fitFirst);
        assertTrue(fitSecond < CHI_SQUARE_4_0999, "inverse-CDF goodness of fit " + fitSecond);
        assertTrue(twoSample < CHI_SQUARE_4_0999, "two-sample statistic " + twoSample);
    }
}
