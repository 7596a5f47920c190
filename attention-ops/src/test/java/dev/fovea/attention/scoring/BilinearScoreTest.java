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

class BilinearScoreTest extends ScoreFunctionContract {

    @Override
    Subject subject() {
        return new Subject(5, 3, List.of(new Shape(5, 3)), (q, k, p) -> BilinearScore.apply(q, k, p.get(0)),
                (q, k, p) -> BilinearScore.scores(q, k, matrix(p.get(0), 5, 3)),
                () -> BilinearScore.builder().setQueryFeatures(5).setKeyFeatures(3).build());
    }

    @Test
    void knownAnswerByHand() {
        // qᵀW = (1, 2)·[[1, 0, 2], [0, 1, 0]] = (1, 2, 2); (1, 2, 2)·(1, 1, 1) = 5 and (1, 2, 2)·(3, 0, -1) = 1.
        double[][] w = {{1, 0, 2}, {0, 1, 0}};
        double[] expected = {5.0, 1.0};
        assertArrayEquals(expected, BilinearScore.scores(new double[] {1, 2}, new double[][] {{1, 1, 1}, {3, 0, -1}},
                w), 0.0);
        NDManager m = managers.manager();
        NDArray scores = BilinearScore.apply(m.create(new double[] {1, 2}, new Shape(1, 2)),
                m.create(new double[] {1, 1, 1, 3, 0, -1}, new Shape(1, 2, 3)), m.create(w));
        assertArrayEquals(expected, scores.toDoubleArray(), 0.0);
    }

    @Test
    void withTheIdentityIsTheDotProduct() {
        Case c = new Case(41, true);
        double[][] identity = new double[5][5];
        for (int i = 0; i < 5; i++) {
            identity[i][i] = 1.0;
        }
        NDManager m = managers.manager();
        NDArray queries = m.create(c.queries, c.queryShape());
        NDArray keys = m.create(new Case(42, true).queries, new Shape(BATCH, QUERIES, 5));
        assertArrayEquals(DotProductScore.apply(queries, keys).toDoubleArray(),
                BilinearScore.apply(queries, keys, m.create(identity)).toDoubleArray(), 1e-15);
    }

    @Test
    void rejectsAWeightOfTheWrongShape() {
        NDManager m = managers.manager();
        var e = assertThrows(IllegalArgumentException.class, () -> BilinearScore.apply(
                m.zeros(new Shape(2, 5), DataType.FLOAT64), m.zeros(new Shape(2, 4, 3), DataType.FLOAT64),
                m.zeros(new Shape(3, 5), DataType.FLOAT64)));
        assertEquals("weight must have shape (5, 3) (query features, key features), got (3, 5)", e.getMessage());
        var kernel = assertThrows(IllegalArgumentException.class,
                () -> BilinearScore.scores(new double[5], new double[2][3], new double[5][2]));
        assertEquals("weight must be 5 × 3 (query features × key features), got 5 × 2", kernel.getMessage());
        assertEquals("BilinearScore(queries 5, keys 3)",
                BilinearScore.builder().setQueryFeatures(5).setKeyFeatures(3).build().toString());
    }
}
