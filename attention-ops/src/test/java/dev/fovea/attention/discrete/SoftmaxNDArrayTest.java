package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The differentiable NDArray route: the simplex contract, agreement with the kernel, masking, autograd. */
class SoftmaxNDArrayTest extends SimplexMappingContract {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    @Override
    double[] map(double[] scores) {
        return Softmax.apply(managers.manager().create(scores), -1).toDoubleArray();
    }

    /** Batched NDArray routes cannot throw per row; they propagate NaN to that row only. */
    @Override
    @Test
    void rejectsNaN() {
        NDArray scores = managers.manager().create(new double[][] {{0.0, Double.NaN, 1.0}, {0.0, 1.0, 2.0}});
        double[] p = Softmax.apply(scores, 1).toDoubleArray();
        for (int i = 0; i < 3; i++) {
            assertTrue(Double.isNaN(p[i]), "row 0 must be NaN at " + i);
            assertTrue(Double.isFinite(p[3 + i]), "row 1 must be unaffected at " + i);
        }
    }

    @Test
    void agreesWithTheKernelAlongEitherAxis() {
        SplittableRandom random = new SplittableRandom(21);
        double[][] s = new double[4][];
        for (int b = 0; b < s.length; b++) {
            s[b] = randomScores(random, 7, 3.0);
        }
        NDArray scores = managers.manager().create(s);
        double[] rows = Softmax.apply(scores, -1).toDoubleArray();
        double[] masked = Softmax.apply(scores, managers.manager().ones(scores.getShape(), DataType.BOOLEAN), 1).toDoubleArray();
        for (int b = 0; b < s.length; b++) {
            double[] expected = Softmax.probabilities(s[b]);
            for (int i = 0; i < 7; i++) {
                assertEquals(expected[i], rows[7 * b + i], 1e-15);
                assertEquals(expected[i], masked[7 * b + i], 1e-15);
            }
        }
        double[] columns = Softmax.apply(scores, 0).toDoubleArray();
        double[] column2 = Softmax.probabilities(new double[] {s[0][2], s[1][2], s[2][2], s[3][2]});
        for (int b = 0; b < 4; b++) {
            assertEquals(column2[b], columns[7 * b + 2], 1e-15);
        }
    }

    @Test
    void maskedPositionsGetExactlyZeroAndFullyMaskedRowsAreZeros() {
        NDArray scores = managers.manager().create(new double[][] {
                {1.0, 2.0, Double.NEGATIVE_INFINITY, 1e30},
                {5.0, Double.NEGATIVE_INFINITY, Double.NaN, 0.0}});
        NDArray mask = managers.manager().create(new boolean[][] {{true, true, false, false}, {false, false, false, false}});
        double[] p = Softmax.apply(scores, mask, 1).toDoubleArray();
        double[] first = Softmax.probabilities(new double[] {1.0, 2.0});
        assertArrayEquals(new double[] {first[0], first[1], 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}, p, 1e-15);
        // A numeric 0/1 mask means the same as a boolean one.
        NDArray numeric = managers.manager().create(new float[][] {{1, 1, 0, 0}, {0, 0, 0, 0}});
        assertArrayEquals(p, Softmax.apply(scores, numeric, 1).toDoubleArray(), 0.0);
    }

    @Test
    void fullyMaskedRowsHaveZeroAndFiniteGradients() {
        NDArray scores = managers.manager().create(new double[][] {{1.0, -2.0, 0.5}, {Double.NEGATIVE_INFINITY, 3.0, 1.0}});
        NDArray mask = managers.manager().create(new boolean[][] {{false, false, false}, {false, true, true}});
        scores.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray p = Softmax.apply(scores, mask, 1);
            collector.backward(p.mul(managers.manager().create(new double[][] {{1, 2, 3}, {4, 5, 6}})).sum());
        }
        double[] gradient = scores.getGradient().toDoubleArray();
        double[] row1 = Softmax.jacobianVectorProduct(Softmax.probabilities(new double[] {3.0, 1.0}),
                new double[] {5, 6});
        assertArrayEquals(new double[] {0, 0, 0, 0, row1[0], row1[1]}, gradient, 1e-15);
    }

    @Test
    void autogradAgreesWithTheExplicitBackwardInFloat64() {
        SplittableRandom random = new SplittableRandom(31);
        int batch = 3;
        int n = 10;
        double[][] s = new double[batch][];
        double[][] g = new double[batch][];
        for (int b = 0; b < batch; b++) {
            s[b] = randomScores(random, n, 2.5);
            g[b] = randomScores(random, n, 1.0);
        }
        for (boolean masked : new boolean[] {false, true}) {
            NDArray scores = managers.manager().create(s);
            scores.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray p = masked
                        ? Softmax.apply(scores, managers.manager().ones(new Shape(batch, n), DataType.BOOLEAN), 1)
                        : Softmax.apply(scores, 1);
                collector.backward(p.mul(managers.manager().create(g)).sum());
            }
            double[] autograd = scores.getGradient().toDoubleArray();
            for (int b = 0; b < batch; b++) {
                double[] explicit = Softmax.jacobianVectorProduct(Softmax.probabilities(s[b]), g[b]);
                double[] row = java.util.Arrays.copyOfRange(autograd, b * n, (b + 1) * n);
                assertTrue(RelativeError.normwise(row, explicit) <= 1e-6,
                        "masked=" + masked + " row " + b + ": " + RelativeError.normwise(row, explicit));
            }
        }
    }

    @Test
    void rejectsBadShapesTypesAndAxes() {
        NDArray scores = managers.manager().zeros(new Shape(2, 5));
        var shape = assertThrows(IllegalArgumentException.class,
                () -> Softmax.apply(scores, managers.manager().ones(new Shape(2, 4), DataType.BOOLEAN), 1));
        assertEquals("mask has shape (2, 4), scores (2, 5)", shape.getMessage());
        var axis = assertThrows(IllegalArgumentException.class, () -> Softmax.apply(scores, 2));
        assertEquals("axis 2 is out of range for scores of shape (2, 5)", axis.getMessage());
        var type = assertThrows(IllegalArgumentException.class,
                () -> Softmax.apply(managers.manager().zeros(new Shape(3), DataType.INT32), 0));
        assertEquals("scores must have a floating-point data type, got int32", type.getMessage());
    }
}
