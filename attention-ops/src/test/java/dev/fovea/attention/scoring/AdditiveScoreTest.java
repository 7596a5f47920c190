package dev.fovea.attention.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The additive score with its hidden bias (the contract), without it (the nested contract), and by hand. */
class AdditiveScoreTest extends ScoreFunctionContract {

    private static final int HIDDEN = 3;
    /**
     * \( \tfrac12 \ln 3 \): \( \tanh(\tfrac12 \ln 3) = \tfrac12 \) and \( \tanh(\ln 3) = \tfrac45 \), from
     * \( \tanh x = (e^{2x} - 1)/(e^{2x} + 1) \).
     */
    private static final double HALF_LN3 = 0.5 * Math.log(3.0);

    @Override
    Subject subject() {
        return new Subject(5, 6,
                List.of(new Shape(HIDDEN, 5), new Shape(HIDDEN, 6), new Shape(HIDDEN), new Shape(HIDDEN)),
                (q, k, p) -> AdditiveScore.apply(q, k, p.get(0), p.get(1), p.get(2), p.get(3)),
                (q, k, p) -> AdditiveScore.scores(q, k, matrix(p.get(0), HIDDEN, 5), matrix(p.get(1), HIDDEN, 6),
                        p.get(2), p.get(3)),
                () -> AdditiveScore.builder().setQueryFeatures(5).setKeyFeatures(6).setHiddenUnits(HIDDEN)
                        .optBias(true).build());
    }

    /** Without the bias, and with fewer key features than query features. */
    @Nested
    class WithoutBias extends ScoreFunctionContract {

        @Override
        Subject subject() {
            return new Subject(4, 2, List.of(new Shape(HIDDEN, 4), new Shape(HIDDEN, 2), new Shape(HIDDEN)),
                    (q, k, p) -> AdditiveScore.apply(q, k, p.get(0), p.get(1), p.get(2)),
                    (q, k, p) -> AdditiveScore.scores(q, k, matrix(p.get(0), HIDDEN, 4), matrix(p.get(1), HIDDEN, 2),
                            p.get(2)),
                    () -> AdditiveScore.builder().setQueryFeatures(4).setKeyFeatures(2).setHiddenUnits(HIDDEN).build());
        }
    }

    @Test
    void knownAnswerByHand() {
        // h = 2, d_q = d_k = 1: W q = (½ln3, -½ln3); U k = (k, k); v = (2, 1).
        // k = 0:     v·tanh(½ln3, -½ln3) = 2·½ - ½ = ½.
        // k = ½ln3:  v·tanh(ln3, 0)      = 2·⅘ + 0 = 8/5.
        double[] query = {HALF_LN3};
        double[][] keys = {{0.0}, {HALF_LN3}};
        double[][] w = {{1.0}, {-1.0}};
        double[][] u = {{1.0}, {1.0}};
        double[] v = {2.0, 1.0};
        double[] expected = {0.5, 1.6};
        assertArrayEquals(expected, AdditiveScore.scores(query, keys, w, u, v), 1e-15);
        // The bias b = (-½ln3, ½ln3) makes the pre-activations (0, 0) for k = 0 and (½ln3, ½ln3) for k = ½ln3.
        double[] b = {-HALF_LN3, HALF_LN3};
        assertArrayEquals(new double[] {0.0, 1.5}, AdditiveScore.scores(query, keys, w, u, b, v), 1e-15);

        NDManager m = managers.manager();
        NDArray scores = AdditiveScore.apply(m.create(query, new Shape(1, 1)), m.create(new double[] {0.0, HALF_LN3},
                new Shape(1, 2, 1)), m.create(w), m.create(u), m.create(v));
        assertArrayEquals(expected, scores.toDoubleArray(), 1e-15);
    }

    @Test
    void functionRejectsParametersOfTheWrongShape() {
        NDManager m = managers.manager();
        NDArray queries = m.zeros(new Shape(2, 5), DataType.FLOAT64);
        NDArray keys = m.zeros(new Shape(2, 4, 6), DataType.FLOAT64);
        NDArray w = m.zeros(new Shape(3, 5), DataType.FLOAT64);
        NDArray u = m.zeros(new Shape(3, 6), DataType.FLOAT64);
        NDArray v = m.zeros(new Shape(3), DataType.FLOAT64);
        var key = assertThrows(IllegalArgumentException.class,
                () -> AdditiveScore.apply(queries, keys, w, m.zeros(new Shape(3, 5), DataType.FLOAT64), v));
        assertEquals("keyWeight must have shape (3, 6) (hidden units, key features), got (3, 5)", key.getMessage());
        var query = assertThrows(IllegalArgumentException.class,
                () -> AdditiveScore.apply(queries, keys, m.zeros(new Shape(3, 4), DataType.FLOAT64), u, v));
        assertEquals("queryWeight must have shape (3, 5) (hidden units, query features), got (3, 4)",
                query.getMessage());
        var score = assertThrows(IllegalArgumentException.class,
                () -> AdditiveScore.apply(queries, keys, w, u, m.zeros(new Shape(1, 3), DataType.FLOAT64)));
        assertEquals("scoreWeight must have shape (3) (hidden units), got (1, 3)", score.getMessage());
        var bias = assertThrows(IllegalArgumentException.class,
                () -> AdditiveScore.apply(queries, keys, w, u, m.zeros(new Shape(4), DataType.FLOAT64), v));
        assertEquals("hiddenBias must have shape (3) (hidden units), got (4)", bias.getMessage());
        var type = assertThrows(IllegalArgumentException.class,
                () -> AdditiveScore.apply(queries, keys, w, u, v.toType(DataType.FLOAT32, false)));
        assertEquals("scoreWeight has data type float32, queries float64", type.getMessage());
    }

    @Test
    void kernelRejectsWeightsOfTheWrongSize() {
        double[] query = {1, 2};
        double[][] keys = {{1, 2, 3}};
        var key = assertThrows(IllegalArgumentException.class, () -> AdditiveScore.scores(
                query, keys, new double[2][2], new double[2][2], new double[2]));
        assertEquals("keyWeight must be 2 × 3 (hidden units × key features), got 2 × 2", key.getMessage());
        var ragged = assertThrows(IllegalArgumentException.class, () -> AdditiveScore.scores(
                query, keys, new double[][] {{1, 2}, {3}}, new double[2][3], new double[2]));
        assertEquals("queryWeight must be 2 × 2 (hidden units × query features), got 2 rows, row 0 of length 2 and "
                + "row 1 of length 1", ragged.getMessage());
        var v = assertThrows(IllegalArgumentException.class, () -> AdditiveScore.scores(
                query, keys, new double[2][2], new double[2][3], new double[3]));
        assertEquals("scoreWeight must have 2 entries (hidden units), got 3", v.getMessage());
    }

    @Test
    void builderRequiresPositiveSizesAndNamesWhatItBuilt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> AdditiveScore.builder().setQueryFeatures(4).setKeyFeatures(4).build());
        assertEquals("hiddenUnits must be > 0, got 0", e.getMessage());
        AdditiveScore score = AdditiveScore.builder().setQueryFeatures(4).setKeyFeatures(8).setHiddenUnits(2).build();
        assertFalse(score.hasBias());
        assertEquals(2, score.hiddenUnits());
        assertEquals(4, score.queryFeatures());
        assertEquals(8, score.keyFeatures());
        assertEquals("AdditiveScore(queries 4, keys 8, hidden 2)", score.toString());
        assertEquals(List.of("queryWeight", "keyWeight", "scoreWeight"), score.getParameters().keys());
        assertTrue(AdditiveScore.builder().setQueryFeatures(1).setKeyFeatures(1).setHiddenUnits(1).optBias(true)
                .build().hasBias());
    }
}
