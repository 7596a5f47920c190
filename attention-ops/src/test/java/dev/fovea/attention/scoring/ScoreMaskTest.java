package dev.fovea.attention.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.discrete.Softmax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScoreMaskTest {

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    @Test
    void kernelReplacesPaddedScoresWhateverTheyWereAndKeepsTheRest() {
        double[] masked = ScoreMask.apply(new double[] {1.5, Double.NaN, -2.0, Double.POSITIVE_INFINITY},
                new boolean[] {true, false, true, false});
        assertArrayEquals(new double[] {1.5, NEG_INF, -2.0, NEG_INF}, masked, 0.0);
        assertArrayEquals(new boolean[] {true, true, false, false}, ScoreMask.ofLength(2, 4));
        assertArrayEquals(new boolean[3], ScoreMask.ofLength(0, 3));
        var lengths = assertThrows(IllegalArgumentException.class,
                () -> ScoreMask.apply(new double[4], new boolean[3]));
        assertEquals("keep has 3 entries, scores 4", lengths.getMessage());
        var tooLong = assertThrows(IllegalArgumentException.class, () -> ScoreMask.ofLength(5, 4));
        assertEquals("length must be in [0, 4], got 5", tooLong.getMessage());
    }

    @Test
    void lengthsBecomeAPrefixMask() {
        NDArray mask = ScoreMask.ofLengths(managers.manager().create(new int[] {0, 2, 4}), 4);
        assertEquals(new Shape(3, 4), mask.getShape());
        assertEquals(DataType.BOOLEAN, mask.getDataType());
        assertArrayEquals(new boolean[] {
                false, false, false, false,
                true, true, false, false,
                true, true, true, true}, mask.toBooleanArray());
        NDArray fromLong = ScoreMask.ofLengths(managers.manager().create(new long[] {1, 3}), 3);
        assertArrayEquals(new boolean[] {true, false, false, true, true, true}, fromLong.toBooleanArray());
    }

    @Test
    void lengthsAreChecked() {
        NDManager m = managers.manager();
        var range = assertThrows(IllegalArgumentException.class,
                () -> ScoreMask.ofLengths(m.create(new int[] {2, 5}), 4));
        assertEquals("lengths must be in [0, 4], got 5 at [1]", range.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> ScoreMask.ofLengths(m.create(new int[] {-1}), 4));
        assertEquals("lengths must be in [0, 4], got -1 at [0]", negative.getMessage());
        var type = assertThrows(IllegalArgumentException.class,
                () -> ScoreMask.ofLengths(m.create(new float[] {2}), 4));
        assertEquals("lengths must have an integer data type, got float32", type.getMessage());
        var rank = assertThrows(IllegalArgumentException.class,
                () -> ScoreMask.ofLengths(m.create(new int[][] {{2}}), 4));
        assertEquals("lengths must have shape (B), got (1, 1)", rank.getMessage());
    }

    @Test
    void aRowMaskIsRepeatedForEveryQueryAndNumericMasksMeanNonZero() {
        NDManager m = managers.manager();
        NDArray numeric = m.create(new float[][] {{1, 0, 2}, {0, 0, 0}});
        NDArray mask = ScoreMask.broadcast(numeric, new Shape(2, 2, 3));
        assertEquals(DataType.BOOLEAN, mask.getDataType());
        assertArrayEquals(new boolean[] {
                true, false, true, true, false, true,
                false, false, false, false, false, false}, mask.toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, true, false, false, false},
                ScoreMask.broadcast(numeric, new Shape(2, 3)).toBooleanArray());
        var shape = assertThrows(IllegalArgumentException.class,
                () -> ScoreMask.broadcast(numeric, new Shape(2, 5, 4)));
        assertEquals("mask must have shape (B, L) = (2, 4) or (B, T, L) = (2, 5, 4), got (2, 3)", shape.getMessage());
        var rank = assertThrows(IllegalArgumentException.class, () -> ScoreMask.broadcast(numeric, new Shape(6)));
        assertEquals("scores must have shape (B, L) or (B, T, L), got (6)", rank.getMessage());
    }

    @Test
    void maskedScoresAreSelectedNotMultipliedSoNoNaNReachesTheOutputOrTheGradient() {
        NDManager m = managers.manager();
        // Padded positions hold NaN, +∞ and a huge value: a multiplied mask would give 0·NaN = NaN and 0·∞ = NaN.
        NDArray scores = m.create(new double[][] {{0.5, Double.NaN, 1.0}, {Double.POSITIVE_INFINITY, 1e300, -2.0}});
        NDArray keep = m.create(new boolean[][] {{true, false, true}, {false, false, false}});
        scores.setRequiresGradient(true);
        NDArray masked;
        NDArray p;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            masked = ScoreMask.apply(scores, keep);
            p = Softmax.apply(masked, ScoreMask.broadcast(keep, masked.getShape()), -1);
            collector.backward(p.mul(m.create(new double[][] {{1, 2, 3}, {4, 5, 6}})).sum());
        }
        assertArrayEquals(new double[] {0.5, NEG_INF, 1.0, NEG_INF, NEG_INF, NEG_INF}, masked.toDoubleArray(), 0.0);
        double[] first = Softmax.probabilities(new double[] {0.5, 1.0});
        assertArrayEquals(new double[] {first[0], 0.0, first[1], 0.0, 0.0, 0.0}, p.toDoubleArray(), 1e-15);
        double[] row0 = Softmax.jacobianVectorProduct(first, new double[] {1, 3});
        assertArrayEquals(new double[] {row0[0], 0.0, row0[1], 0.0, 0.0, 0.0}, scores.getGradient().toDoubleArray(),
                1e-15);
    }

    @Test
    void applyChecksTheScores() {
        NDManager m = managers.manager();
        var type = assertThrows(IllegalArgumentException.class, () -> ScoreMask.apply(
                m.zeros(new Shape(2, 3), DataType.INT32), m.ones(new Shape(2, 3), DataType.BOOLEAN)));
        assertEquals("scores must have a floating-point data type, got int32", type.getMessage());
        NDArray masked = ScoreMask.apply(m.zeros(new Shape(1, 2, 3), DataType.FLOAT32),
                m.create(new boolean[][] {{true, false, true}}));
        assertEquals(DataType.FLOAT32, masked.getDataType());
        float[] values = masked.toFloatArray();
        for (int i = 0; i < values.length; i++) {
            assertTrue(i % 3 == 1 ? values[i] == Float.NEGATIVE_INFINITY : values[i] == 0f, "entry " + i);
        }
    }
}
