package dev.fovea.attention.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DotProductScoreTest extends ScoreFunctionContract {

    @Override
    Subject subject() {
        return dotProduct(5, false);
    }

    /** The same contract for the scaled form. */
    @Nested
    class Scaled extends ScoreFunctionContract {

        @Override
        Subject subject() {
            return dotProduct(6, true);
        }
    }

    private static Subject dotProduct(int features, boolean scaled) {
        return new Subject(features, features, List.of(),
                (q, k, p) -> scaled ? DotProductScore.applyScaled(q, k) : DotProductScore.apply(q, k),
                (q, k, p) -> scaled ? DotProductScore.scaledScores(q, k) : DotProductScore.scores(q, k),
                () -> scaled ? DotProductScore.scaled(features) : DotProductScore.of(features));
    }

    @Test
    void knownAnswerByHand() {
        // (1, 2, 3)·(4, 5, 6) = 32 and (1, 2, 3)·(-1, 0, 1) = 2.
        double[] expected = {32.0, 2.0};
        assertArrayEquals(expected, DotProductScore.scores(new double[] {1, 2, 3}, new double[][] {{4, 5, 6},
                {-1, 0, 1}}), 0.0);
        NDManager m = managers.manager();
        NDArray scores = DotProductScore.apply(m.create(new double[] {1, 2, 3}, new Shape(1, 3)),
                m.create(new double[] {4, 5, 6, -1, 0, 1}, new Shape(1, 2, 3)));
        assertArrayEquals(expected, scores.toDoubleArray(), 0.0);
    }

    @Test
    void scaledKnownAnswerByHand() {
        // d = 4, √d = 2: (1, 1, 1, 1)·(1, 2, 3, 4) / 2 = 5 and (1, 1, 1, 1)·(-1, 1, -1, 2) / 2 = 1/2, exactly.
        double[] expected = {5.0, 0.5};
        assertArrayEquals(expected, DotProductScore.scaledScores(new double[] {1, 1, 1, 1},
                new double[][] {{1, 2, 3, 4}, {-1, 1, -1, 2}}), 0.0);
        NDManager m = managers.manager();
        NDArray scores = DotProductScore.applyScaled(m.create(new double[] {1, 1, 1, 1}, new Shape(1, 1, 4)),
                m.create(new double[] {1, 2, 3, 4, -1, 1, -1, 2}, new Shape(1, 2, 4)));
        assertEquals(new Shape(1, 1, 2), scores.getShape());
        assertArrayEquals(expected, scores.toDoubleArray(), 0.0);
        assertTrue(DotProductScore.scaled(64).isScaled());
        assertEquals("DotProductScore(features 64, scaled by 1/√64)", DotProductScore.scaled(64).toString());
    }

    @Test
    void rejectsQueriesAndKeysOfDifferentSizes() {
        NDManager m = managers.manager();
        var e = assertThrows(IllegalArgumentException.class, () -> DotProductScore.apply(
                m.zeros(new Shape(2, 5), DataType.FLOAT64), m.zeros(new Shape(2, 3, 4), DataType.FLOAT64)));
        assertEquals("keys have 4 features, the queries 5 (queries (2, 5), keys (2, 3, 4))", e.getMessage());
        var kernel = assertThrows(IllegalArgumentException.class,
                () -> DotProductScore.scores(new double[5], new double[3][4]));
        assertEquals("keys have 4 features, the query 5", kernel.getMessage());
        var size = assertThrows(IllegalArgumentException.class, () -> DotProductScore.of(0));
        assertEquals("features must be > 0, got 0", size.getMessage());
        var scaledSize = assertThrows(IllegalArgumentException.class, () -> DotProductScore.scaled(-2));
        assertEquals("features must be > 0, got -2", scaledSize.getMessage());
        assertEquals("DotProductScore(features 7)", DotProductScore.of(7).toString());
    }
}
