package dev.fovea.alignment.dtw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NearestNeighbourTest {

    @Test
    void prunedSearchEqualsTheBruteForceScan() {
        Random random = new Random(47L);
        int pruned = 0;
        for (int trial = 0; trial < 40; trial++) {
            int n = 5 + random.nextInt(60);
            int r = random.nextInt(n / 2 + 1);
            double[][] candidates = new double[50][];
            for (int c = 0; c < candidates.length; c++) {
                candidates[c] = LowerBoundsTest.randomWalk(random, n);
            }
            if (trial % 4 == 0) {
                candidates[7] = candidates[3].clone();
            }
            NearestNeighbour index = NearestNeighbour.of(candidates, r);
            double[] query = trial % 4 == 0 ? candidates[3].clone() : LowerBoundsTest.randomWalk(random, n);
            double best = Double.POSITIVE_INFINITY;
            int bestIndex = -1;
            for (int c = 0; c < candidates.length; c++) {
                double cost = Dtw.align(query, candidates[c], DtwOptions.defaults()
                        .withWindow(Window.sakoeChiba(r))).cost();
                if (cost < best) {
                    best = cost;
                    bestIndex = c;
                }
            }
            NearestNeighbour.Match match = index.search(query);
            assertEquals(bestIndex, match.index(), "trial " + trial);
            assertEquals(best, match.cost(), 0.0, "trial " + trial);
            pruned += candidates.length - match.dtwEvaluations();
        }
        assertTrue(pruned > 0, "the bounds never pruned a candidate");
    }

    @Test
    void rejectsMismatchedQuery() {
        NearestNeighbour index = NearestNeighbour.of(new double[][] {{1, 2, 3}}, 1);
        assertEquals("query has 2 entries, the candidates 3",
                assertThrows(IllegalArgumentException.class, () -> index.search(new double[2])).getMessage());
        assertEquals("candidates must all have length 3, got 2 at [1]", assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbour.of(new double[][] {{1, 2, 3}, {1, 2}}, 1)).getMessage());
    }
}
