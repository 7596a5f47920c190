package dev.fovea.alignment.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.alignment.ctw.PathDeviation;
import dev.fovea.alignment.dtw.WarpingPath;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpiralBenchmarkTest {

    @Test
    void ctwAndGctwBeatDtwOnAverage() {
        List<SpiralBenchmark.Row> rows = SpiralBenchmark.run(SpiralBenchmark.methods(), 20);
        double dtw = rows.get(1).meanError();
        double ddtw = rows.get(2).meanError();
        double ctw = rows.get(3).meanError();
        assertEquals("CTW", rows.get(3).method());
        assertTrue(ctw < 0.6 * dtw, "CTW " + ctw + " vs DTW " + dtw);
        assertTrue(ctw < ddtw, "CTW " + ctw + " vs DDTW " + ddtw);
        double gctw = rows.get(4).meanError();
        assertEquals("GCTW", rows.get(4).method());
        assertTrue(gctw < 0.7 * dtw, "GCTW " + gctw + " vs DTW " + dtw);
    }

    @Test
    void groundTruthIsMonotoneSpansYAndScoresItselfZero() {
        SpiralPair pair = SpiralSequences.generate(new SplittableRandom(3), 50, 70);
        double[] truth = pair.truth();
        assertEquals(0.0, truth[0], 1e-12);
        assertEquals(69.0, truth[49], 1e-9);
        for (int i = 1; i < truth.length; i++) {
            assertTrue(truth[i] >= truth[i - 1]);
        }
        // The deviation measure itself: the diagonal path lies at distance 0 from the identity reference.
        int[] rows = new int[50];
        for (int i = 0; i < 50; i++) {
            rows[i] = i;
        }
        WarpingPath diagonal = new WarpingPath(rows, rows);
        double[] identity = new double[50];
        for (int i = 0; i < 50; i++) {
            identity[i] = i;
        }
        assertEquals(0.0, PathDeviation.fromReference(diagonal, identity), 0.0);
    }
}
