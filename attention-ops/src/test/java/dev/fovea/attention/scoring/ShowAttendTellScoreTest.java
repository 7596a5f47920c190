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

class ShowAttendTellScoreTest extends ScoreFunctionContract {

    private static final int HIDDEN = 4;

    @Override
    Subject subject() {
        return new Subject(3, 5, List.of(new Shape(HIDDEN, 3), new Shape(HIDDEN, 5), new Shape(HIDDEN),
                new Shape(HIDDEN), new Shape(1)),
                (q, k, p) -> ShowAttendTellScore.apply(q, k, p.get(0), p.get(1), p.get(2), p.get(3), p.get(4)),
                (q, k, p) -> ShowAttendTellScore.scores(q, k, matrix(p.get(0), HIDDEN, 3),
                        matrix(p.get(1), HIDDEN, 5), p.get(2), p.get(3), p.get(4)[0]),
                () -> ShowAttendTellScore.builder().setQueryFeatures(3).setKeyFeatures(5).setHiddenUnits(HIDDEN)
                        .build());
    }

    @Test
    void knownAnswerByHand() {
        // n = 1: e = w tanh(W_a a + b_a + W_h h) + c with W_h = 1, W_a = 2, b_a = -½ln3, w = 3, c = -1, h = ½ln3.
        // a = 0:    tanh(0) = 0            -> -1.
        // a = ¼ln3: tanh(½ln3) = ½          -> 3·½ - 1 = ½.
        // a = ½ln3: tanh(ln3) = ⅘           -> 3·⅘ - 1 = 7/5.
        double halfLn3 = 0.5 * Math.log(3.0);
        double[] state = {halfLn3};
        double[][] annotations = {{0.0}, {halfLn3 / 2}, {halfLn3}};
        double[] expected = {-1.0, 0.5, 1.4};
        assertArrayEquals(expected, ShowAttendTellScore.scores(state, annotations, new double[][] {{1.0}},
                new double[][] {{2.0}}, new double[] {-halfLn3}, new double[] {3.0}, -1.0), 1e-15);
        NDManager m = managers.manager();
        NDArray scores = ShowAttendTellScore.apply(m.create(state, new Shape(1, 1)),
                m.create(new double[] {0.0, halfLn3 / 2, halfLn3}, new Shape(1, 3, 1)),
                m.create(new double[][] {{1.0}}),
                m.create(new double[][] {{2.0}}), m.create(new double[] {-halfLn3}), m.create(new double[] {3.0}),
                m.create(new double[] {-1.0}));
        assertArrayEquals(expected, scores.toDoubleArray(), 1e-15);
    }

    @Test
    void isTheAdditiveScoreWithItsBiasPlusTheScalarOffset() {
        Case c = new Case(31, true);
        NDManager m = managers.manager();
        List<NDArray> a = c.arrays(m);
        NDArray captioning = ShowAttendTellScore.apply(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4), a.get(5),
                a.get(6));
        NDArray additive = AdditiveScore.apply(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4), a.get(5));
        assertArrayEquals(additive.add(c.parameters.get(4)[0]).toDoubleArray(), captioning.toDoubleArray(), 0.0);
    }

    @Test
    void rejectsAScoreBiasThatIsNotOneScalar() {
        NDManager m = managers.manager();
        List<NDArray> a = new Case(32, false).arrays(m);
        var e = assertThrows(IllegalArgumentException.class, () -> ShowAttendTellScore.apply(a.get(0), a.get(1),
                a.get(2), a.get(3), a.get(4), a.get(5), m.zeros(new Shape(2), DataType.FLOAT64)));
        assertEquals("scoreBias must have shape (1) (one scalar), got (2)", e.getMessage());
        var kernel = assertThrows(IllegalArgumentException.class, () -> ShowAttendTellScore.scores(new double[] {1},
                new double[][] {{1}}, new double[][] {{1}}, new double[][] {{1}}, new double[] {0}, new double[] {1},
                Double.NaN));
        assertEquals("scoreBias must be finite, got NaN", kernel.getMessage());
    }

    @Test
    void builderNamesItsParametersAfterTheRolesOfThePaper() {
        ShowAttendTellScore score = ShowAttendTellScore.builder().setQueryFeatures(1000).setKeyFeatures(512)
                .setHiddenUnits(512).build();
        assertEquals(List.of("stateWeight", "annotationWeight", "annotationBias", "scoreWeight", "scoreBias"),
                score.getParameters().keys());
        assertEquals("ShowAttendTellScore(states 1000, annotations 512, hidden 512)", score.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> ShowAttendTellScore.builder().setQueryFeatures(3)
                .setKeyFeatures(-1).setHiddenUnits(2).build());
        assertEquals("keyFeatures must be > 0, got -1", e.getMessage());
    }
}
