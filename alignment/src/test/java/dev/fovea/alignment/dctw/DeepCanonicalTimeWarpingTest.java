package dev.fovea.alignment.dctw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.fovea.alignment.ctw.CostMatrixDtw;
import dev.fovea.alignment.ctw.CtwResult;
import dev.fovea.alignment.ctw.PathDeviation;
import dev.fovea.alignment.synthetic.SpiralPair;
import dev.fovea.alignment.synthetic.SpiralSequences;
import org.junit.jupiter.api.Test;

class DeepCanonicalTimeWarpingTest {

    @Test
    void beatsDtwOnTheSpiralsOnAverage() {
        double deep = 0;
        double dtw = 0;
        int seeds = 4;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (long seed = 0; seed < seeds; seed++) {
                SpiralPair pair = SpiralSequences.generate(seed);
                CtwResult result = DeepCanonicalTimeWarping.align(manager, pair.x(), pair.y(),
                        DeepCtwOptions.defaults());
                assertEquals(result.iterations(), result.objective().length);
                deep += PathDeviation.fromReference(result.path(), pair.truth()) / pair.y().length / seeds;
                dtw += PathDeviation.fromReference(CostMatrixDtw.align(pair.x(), pair.y()).path(), pair.truth())
                        / pair.y().length / seeds;
            }
        }
        assertTrue(deep < dtw, "deep CTW " + deep + " vs DTW " + dtw);
    }

    @Test
    void rejectsBadOptions() {
        assertEquals("epochs must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new DeepCtwOptions(1, 0, 4, 2, 0.1, 0, 0)).getMessage());
        assertEquals("learningRate must be > 0 and finite, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> new DeepCtwOptions(1, 1, 4, 2, 0, 0, 0)).getMessage());
    }
}
