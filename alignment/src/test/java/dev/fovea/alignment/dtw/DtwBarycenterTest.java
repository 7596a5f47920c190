package dev.fovea.alignment.dtw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DtwBarycenterTest {

    @Test
    void inertiaNeverIncreasesFromOneIterationToTheNext() {
        Random random = new Random(61L);
        for (int trial = 0; trial < 10; trial++) {
            double[][] series = new double[6][];
            for (int k = 0; k < series.length; k++) {
                series[k] = new double[20 + random.nextInt(15)];
                double shift = random.nextInt(5);
                for (int i = 0; i < series[k].length; i++) {
                    series[k][i] = Math.sin((i + shift) / 3.0) + 0.1 * random.nextGaussian();
                }
            }
            double[] average = series[0].clone();
            double before = DtwBarycenter.inertia(series, average);
            for (int iteration = 0; iteration < 8; iteration++) {
                average = DtwBarycenter.average(series, average, 1);
                double after = DtwBarycenter.inertia(series, average);
                assertTrue(after <= before * (1 + 1e-12), "trial " + trial + " iteration " + iteration + ": "
                        + after + " > " + before);
                before = after;
            }
        }
    }

    @Test
    void identicalSequencesAreTheirOwnAverageAndOneStepIsTheMeanOfAlignedValues() {
        double[] s = {0, 1, 4, 2};
        assertArrayEquals(s, DtwBarycenter.average(new double[][] {s, s.clone()}, new double[] {1, 1, 1, 1}, 10),
                0.0);
        // Equal lengths and a diagonal alignment for both (initial = first sequence, second close to it): one step is
        // the pointwise mean.
        double[] a = {0, 10, 20};
        double[] b = {1, 11, 21};
        assertArrayEquals(new double[] {0.5, 10.5, 20.5}, DtwBarycenter.average(new double[][] {a, b}, a, 1), 0.0);
    }

    @Test
    void rejectsBadInput() {
        assertEquals("maxIterations must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> DtwBarycenter.average(new double[][] {{1}}, new double[] {1}, -1)).getMessage());
        assertEquals("series must be non-empty, got length 0 at [1]", assertThrows(IllegalArgumentException.class,
                () -> DtwBarycenter.average(new double[][] {{1}, {}}, new double[] {1}, 1)).getMessage());
    }
}
