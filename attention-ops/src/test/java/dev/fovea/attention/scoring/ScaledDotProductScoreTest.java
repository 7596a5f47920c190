package dev.fovea.attention.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaledDotProductScoreTest extends ScoreFunctionContract {

    @Override
    int queryFeatures() {
        return 5;
    }

    @Override
    int keyFeatures() {
        return 5;
    }

    @Override
    List<Shape> parameterShapes() {
        return List.of();
    }

    @Override
    NDArray apply(NDArray queries, NDArray keys, List<NDArray> parameters) {
        return ScaledDotProductScore.apply(queries, keys);
    }

    @Override
    double[] kernel(double[] query, double[][] keys, List<double[]> parameters) {
        return ScaledDotProductScore.scores(query, keys);
    }

    @Override
    ScoreBlock block() {
        return ScaledDotProductScore.builder().setFeatures(5).build();
    }

    @Test
    void knownAnswerByHand() {
        // d = 4, √d = 2: (1, 1, 1, 1)·(1, 2, 3, 4) / 2 = 5 and (1, 1, 1, 1)·(-1, 1, -1, 2) / 2 = 1/2, exactly.
        double[] expected = {5.0, 0.5};
        assertArrayEquals(expected, ScaledDotProductScore.scores(new double[] {1, 1, 1, 1},
                new double[][] {{1, 2, 3, 4}, {-1, 1, -1, 2}}), 0.0);
        NDManager m = managers.manager();
        NDArray scores = ScaledDotProductScore.apply(m.create(new double[] {1, 1, 1, 1}, new Shape(1, 1, 4)),
                m.create(new double[] {1, 2, 3, 4, -1, 1, -1, 2}, new Shape(1, 2, 4)));
        assertEquals(new Shape(1, 1, 2), scores.getShape());
        assertArrayEquals(expected, scores.toDoubleArray(), 0.0);
        assertEquals("ScaledDotProductScore(features 64)",
                ScaledDotProductScore.builder().setFeatures(64).build().toString());
    }
}
