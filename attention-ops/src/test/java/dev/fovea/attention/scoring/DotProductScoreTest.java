package dev.fovea.attention.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class DotProductScoreTest extends ScoreFunctionContract {

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
        return DotProductScore.apply(queries, keys);
    }

    @Override
    double[] kernel(double[] query, double[][] keys, List<double[]> parameters) {
        return DotProductScore.scores(query, keys);
    }

    @Override
    ScoreBlock block() {
        return DotProductScore.builder().setFeatures(5).build();
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
    void rejectsQueriesAndKeysOfDifferentSizes() {
        NDManager m = managers.manager();
        var e = assertThrows(IllegalArgumentException.class, () -> DotProductScore.apply(
                m.zeros(new Shape(2, 5), DataType.FLOAT64), m.zeros(new Shape(2, 3, 4), DataType.FLOAT64)));
        assertEquals("keys have 4 features, the queries 5 (queries (2, 5), keys (2, 3, 4))", e.getMessage());
        var kernel = assertThrows(IllegalArgumentException.class,
                () -> DotProductScore.scores(new double[5], new double[3][4]));
        assertEquals("keys have 4 features, the query 5", kernel.getMessage());
        var builder = assertThrows(IllegalArgumentException.class, () -> DotProductScore.builder().build());
        assertEquals("features must be > 0, got 0", builder.getMessage());
        assertEquals("DotProductScore(features 7)", DotProductScore.builder().setFeatures(7).build().toString());
    }
}
