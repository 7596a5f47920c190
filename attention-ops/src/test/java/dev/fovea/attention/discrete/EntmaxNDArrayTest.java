package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.fovea.attention.ManagerExtension;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The differentiable \( \alpha \)-entmax: the NDArray contract at three values of \( \alpha \) (other than the
 * kernel test's, to cover more of the range), and autograd in
 * \( \alpha \) (one per slice) against {@link Entmax#alphaDerivative(double[], double)}.
 */
class EntmaxNDArrayTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    /** The NDArray contract at a fixed \( \alpha \): the kernel and backward come from the mapping value. */
    abstract static class AtAlpha extends NDArrayContract {

        private final SimplexMapping.EntmaxMapping mapping;

        AtAlpha(double alpha) {
            mapping = new SimplexMapping.EntmaxMapping(alpha);
        }

        @Override
        NDArray apply(NDArray scores, int axis) {
            return Entmax.apply(scores, mapping.alpha(), axis);
        }

        @Override
        NDArray apply(NDArray scores, NDArray mask, int axis) {
            return Entmax.apply(scores, mask, mapping.alpha(), axis);
        }

        @Override
        double[] kernel(double[] scores) {
            return mapping.probabilities(scores);
        }

        @Override
        double[] jacobianVectorProduct(double[] p, double[] g) {
            return mapping.jacobianVectorProduct(p, g);
        }

        @Override
        double kernelAgreement() {
            return 1e-14;
        }

        @Override
        double sensitivity(double p) {
            return Math.pow(p, 2.0 - mapping.alpha());
        }
    }

    @Nested
    class AlphaOnePointThree extends AtAlpha {
        AlphaOnePointThree() {
            super(1.3);
        }
    }

    @Nested
    class AlphaTwo extends AtAlpha {
        AlphaTwo() {
            super(2.0);
        }
    }

    @Nested
    class AlphaTwoAndAHalf extends AtAlpha {
        AlphaTwoAndAHalf() {
            super(2.5);
        }
    }

    @Test
    void autogradInAlphaAgreesWithTheClosedFormPerSliceAndShared() {
        SplittableRandom random = new SplittableRandom(61);
        int batch = 3;
        int n = 8;
        double[][] s = new double[batch][];
        double[][] g = new double[batch][];
        for (int b = 0; b < batch; b++) {
            s[b] = SimplexMappingContract.randomScores(random, n, 1.5);
            g[b] = SimplexMappingContract.randomScores(random, n, 1.0);
        }
        double[] perSlice = {1.25, 1.6, 2.5};
        double[] autograd = alphaGradient(s, g, managers.manager().create(perSlice, new Shape(batch, 1)));
        double[] shared = alphaGradient(s, g, managers.manager().create(new double[] {1.6}));
        double sharedExpected = 0.0;
        for (int b = 0; b < batch; b++) {
            double expected = KernelContract.dot(g[b], Entmax.alphaDerivative(Entmax.probabilities(s[b], perSlice[b]), perSlice[b]));
            assertEquals(expected, autograd[b], 1e-6 * Math.abs(expected), "slice " + b);
            sharedExpected += KernelContract.dot(g[b], Entmax.alphaDerivative(Entmax.probabilities(s[b], 1.6), 1.6));
        }
        assertEquals(sharedExpected, shared[0], 1e-6 * Math.abs(sharedExpected));
    }

    @Test
    void perSliceAlphaGivesEachSliceItsOwnMapping() {
        double[][] s = {{0.4, 0.1, -0.3, 0.0}, {0.4, 0.1, -0.3, 0.0}};
        NDArray alpha = managers.manager().create(new double[] {1.5, 2.0}, new Shape(2, 1));
        NDArray scores = managers.manager().create(s);
        double[] p = Entmax.apply(scores, managers.manager().ones(scores.getShape(), DataType.BOOLEAN), alpha, 1)
                .toDoubleArray();
        double[] expected1 = Entmax15.probabilities(s[0]);
        double[] expected2 = Sparsemax.probabilities(s[1]);
        for (int i = 0; i < 4; i++) {
            assertEquals(expected1[i], p[i], 1e-14);
            assertEquals(expected2[i], p[4 + i], 1e-14);
        }
    }

    @Test
    void rejectsBadAlpha() {
        NDArray scores = managers.manager().zeros(new Shape(2, 5));
        NDArray mask = managers.manager().ones(new Shape(2, 5), DataType.BOOLEAN);
        var low = assertThrows(IllegalArgumentException.class,
                () -> Entmax.apply(scores, mask, managers.manager().create(new double[] {1.5, 1.0}, new Shape(2, 1)), 1));
        assertEquals("alpha must be > 1 (alpha = 1 is softmax: use SimplexMapping.softmax()), got 1.0 at [1]",
                low.getMessage());
        var shape = assertThrows(IllegalArgumentException.class,
                () -> Entmax.apply(scores, mask, managers.manager().ones(new Shape(3, 1)).mul(2), 1));
        assertEquals("alpha has shape (3, 1), scores (2, 5) with axis 1", shape.getMessage());
        var along = assertThrows(IllegalArgumentException.class,
                () -> Entmax.apply(scores, mask, managers.manager().ones(new Shape(1, 5)).mul(2), 1));
        assertEquals("alpha has shape (1, 5), scores (2, 5) with axis 1", along.getMessage());
        var scalar = assertThrows(IllegalArgumentException.class, () -> Entmax.apply(scores, 0.5, 1));
        assertEquals("alpha must be > 1 (alpha = 1 is softmax: use SimplexMapping.softmax()), got 0.5",
                scalar.getMessage());
    }

    @Test
    void float32TrainingStepHasFiniteGradientsNearTheFloor() {
        NDArray scores = managers.manager().randomNormal(new Shape(16, 49));
        scores.setRequiresGradient(true);
        NDArray alpha = managers.manager().create(new float[] {1.01f});
        alpha.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray p = Entmax.apply(scores, managers.manager().ones(scores.getShape(), DataType.BOOLEAN), alpha, 1);
            collector.backward(p.mul(managers.manager().randomNormal(p.getShape())).sum());
        }
        float[] scoreGradient = scores.getGradient().toFloatArray();
        for (float v : scoreGradient) {
            assertTrue(Float.isFinite(v), Arrays.toString(scoreGradient));
        }
        assertTrue(Float.isFinite(alpha.getGradient().toFloatArray()[0]));
    }

    private double[] alphaGradient(double[][] s, double[][] g, NDArray alpha) {
        NDArray scores = managers.manager().create(s);
        alpha.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray p = Entmax.apply(scores, managers.manager().ones(scores.getShape(), DataType.BOOLEAN), alpha, 1);
            collector.backward(p.mul(managers.manager().create(g)).sum());
        }
        return alpha.getGradient().toDoubleArray();
    }
}
