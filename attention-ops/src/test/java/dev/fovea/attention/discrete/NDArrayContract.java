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
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every differentiable NDArray function of a simplex mapping must do beyond {@link SimplexMappingContract}:
 * agree with the double kernel along any axis, mask without NaN (fully masked slices are zeros with zero gradient),
 * propagate NaN to its own slice only, and have an autograd backward equal to the closed-form Jacobian–vector
 * product in float64.
 */
abstract class NDArrayContract extends SimplexMappingContract {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    /** The NDArray function under test. */
    abstract NDArray apply(NDArray scores, int axis);

    /** Its masked form. */
    abstract NDArray apply(NDArray scores, NDArray mask, int axis);

    /** The double kernel of the same mapping. */
    abstract double[] kernel(double[] scores);

    /** The closed-form Jacobian–vector product of the same mapping. */
    abstract double[] jacobianVectorProduct(double[] p, double[] g);

    /** How far the NDArray route may be from the kernel in float64, entry by entry. */
    double kernelAgreement() {
        return 1e-15;
    }

    @Override
    double[] map(double[] scores) {
        return apply(managers.manager().create(scores), -1).toDoubleArray();
    }

    /** Batched NDArray routes cannot throw per row; they propagate NaN (and +Infinity) to that row only. */
    @Override
    @Test
    void rejectsNaN() {
        NDArray scores = managers.manager().create(new double[][] {
                {0.0, Double.NaN, 1.0}, {0.0, 1.0, 2.0}, {Double.POSITIVE_INFINITY, 0.0, 0.0}});
        double[] p = apply(scores, 1).toDoubleArray();
        for (int i = 0; i < 3; i++) {
            assertTrue(Double.isNaN(p[i]), "row 0 must be NaN at " + i);
            assertTrue(Double.isFinite(p[3 + i]), "row 1 must be unaffected at " + i);
            assertTrue(Double.isNaN(p[6 + i]), "row 2 must be NaN at " + i);
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
        double[] rows = apply(scores, -1).toDoubleArray();
        double[] masked = apply(scores, managers.manager().ones(scores.getShape(), DataType.BOOLEAN), 1).toDoubleArray();
        for (int b = 0; b < s.length; b++) {
            double[] expected = kernel(s[b]);
            for (int i = 0; i < 7; i++) {
                assertEquals(expected[i], rows[7 * b + i], kernelAgreement());
                assertEquals(expected[i], masked[7 * b + i], kernelAgreement());
            }
        }
        double[] columns = apply(scores, 0).toDoubleArray();
        double[] column2 = kernel(new double[] {s[0][2], s[1][2], s[2][2], s[3][2]});
        for (int b = 0; b < 4; b++) {
            assertEquals(column2[b], columns[7 * b + 2], kernelAgreement());
        }
    }

    @Test
    void normalisesTheMiddleAxisOfARank3Array() {
        SplittableRandom random = new SplittableRandom(22);
        double[] flat = randomScores(random, 2 * 5 * 3, 2.0);
        double[] p = apply(managers.manager().create(flat, new Shape(2, 5, 3)), 1).toDoubleArray();
        for (int b = 0; b < 2; b++) {
            for (int d = 0; d < 3; d++) {
                double[] slice = new double[5];
                for (int l = 0; l < 5; l++) {
                    slice[l] = flat[15 * b + 3 * l + d];
                }
                double[] expected = kernel(slice);
                for (int l = 0; l < 5; l++) {
                    assertEquals(expected[l], p[15 * b + 3 * l + d], kernelAgreement(), "[" + b + ", " + l + ", " + d + "]");
                }
            }
        }
    }

    @Test
    void float32AgreesWithTheKernelToSinglePrecision() {
        double[] s = randomScores(new SplittableRandom(23), 50, 4.0);
        float[] single = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            single[i] = (float) s[i];
            s[i] = single[i];
        }
        NDArray p = apply(managers.manager().create(single), 0);
        assertEquals(DataType.FLOAT32, p.getDataType());
        float[] actual = p.toFloatArray();
        double[] expected = kernel(s);
        for (int i = 0; i < s.length; i++) {
            assertEquals(expected[i], actual[i], 2e-6, "position " + i);
        }
    }

    @Test
    void maskedPositionsGetExactlyZeroAndFullyMaskedRowsAreZeros() {
        NDArray scores = managers.manager().create(new double[][] {
                {1.0, 2.0, Double.NEGATIVE_INFINITY, 1e30},
                {5.0, Double.NEGATIVE_INFINITY, Double.NaN, 0.0}});
        NDArray mask = managers.manager().create(new boolean[][] {{true, true, false, false}, {false, false, false, false}});
        double[] p = apply(scores, mask, 1).toDoubleArray();
        double[] first = kernel(new double[] {1.0, 2.0});
        assertArrayEquals(new double[] {first[0], first[1], 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}, p, kernelAgreement());
        // A numeric 0/1 mask means the same as a boolean one.
        NDArray numeric = managers.manager().create(new float[][] {{1, 1, 0, 0}, {0, 0, 0, 0}});
        assertArrayEquals(p, apply(scores, numeric, 1).toDoubleArray(), 0.0);
        // -Infinity under a mask that keeps it is masked too, and a row of them is zeros.
        NDArray minusInfinity = managers.manager().create(new double[][] {
                {Double.NEGATIVE_INFINITY, 1.0, 2.0, Double.NEGATIVE_INFINITY},
                {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}});
        double[] q = apply(minusInfinity, managers.manager().ones(new Shape(2, 4), DataType.BOOLEAN), 1).toDoubleArray();
        assertArrayEquals(new double[] {0.0, first[0], first[1], 0.0, 0.0, 0.0, 0.0, 0.0}, q, kernelAgreement());
    }

    @Test
    void fullyMaskedRowsHaveZeroAndFiniteGradients() {
        NDArray scores = managers.manager().create(new double[][] {
                {1.0, -2.0, 0.5}, {Double.NEGATIVE_INFINITY, 0.3, 0.1}, {Double.NaN, 0.3, 0.1}});
        NDArray mask = managers.manager().create(new boolean[][] {
                {false, false, false}, {false, true, true}, {false, true, true}});
        scores.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray p = apply(scores, mask, 1);
            collector.backward(p.mul(managers.manager().create(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}})).sum());
        }
        double[] gradient = scores.getGradient().toDoubleArray();
        double[] p = kernel(new double[] {0.3, 0.1});
        double[] row1 = jacobianVectorProduct(p, new double[] {5, 6});
        double[] row2 = jacobianVectorProduct(p, new double[] {8, 9});
        assertArrayEquals(new double[] {0, 0, 0, 0, row1[0], row1[1], 0, row2[0], row2[1]}, gradient, 1e-12);
    }

    @Test
    void autogradAgreesWithTheExplicitBackwardInFloat64() {
        SplittableRandom random = new SplittableRandom(31);
        int batch = 4;
        int n = 10;
        double[][] s = new double[batch][];
        double[][] g = new double[batch][];
        for (int b = 0; b < batch; b++) {
            s[b] = randomScores(random, n, 0.5 + b);
            g[b] = randomScores(random, n, 1.0);
        }
        s[3][4] = Double.NEGATIVE_INFINITY;
        for (boolean masked : new boolean[] {false, true}) {
            NDArray scores = managers.manager().create(s);
            scores.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray p = masked
                        ? apply(scores, managers.manager().ones(new Shape(batch, n), DataType.BOOLEAN), 1)
                        : apply(scores, 1);
                collector.backward(p.mul(managers.manager().create(g)).sum());
            }
            double[] autograd = scores.getGradient().toDoubleArray();
            for (int b = 0; b < batch; b++) {
                double[] explicit = jacobianVectorProduct(kernel(s[b]), g[b]);
                double[] row = Arrays.copyOfRange(autograd, b * n, (b + 1) * n);
                double error = RelativeError.normwise(row, explicit);
                assertTrue(error <= 1e-6, "masked=" + masked + " row " + b + ": " + error);
            }
        }
    }

    @Test
    void rejectsBadShapesTypesAndAxes() {
        NDArray scores = managers.manager().zeros(new Shape(2, 5));
        var shape = assertThrows(IllegalArgumentException.class,
                () -> apply(scores, managers.manager().ones(new Shape(2, 4), DataType.BOOLEAN), 1));
        assertEquals("mask has shape (2, 4), scores (2, 5)", shape.getMessage());
        var axis = assertThrows(IllegalArgumentException.class, () -> apply(scores, 2));
        assertEquals("axis 2 is out of range for scores of shape (2, 5)", axis.getMessage());
        var type = assertThrows(IllegalArgumentException.class,
                () -> apply(managers.manager().zeros(new Shape(3), DataType.INT32), 0));
        assertEquals("scores must have a floating-point data type, got int32", type.getMessage());
    }
}
