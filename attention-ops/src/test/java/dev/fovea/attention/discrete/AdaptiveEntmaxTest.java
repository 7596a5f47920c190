package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.fovea.attention.ManagerExtension;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdaptiveEntmaxTest {

    private static final double[][] SCORES = {{0.9, 0.1, -0.4, 0.6, 0.0}, {-1.0, 2.0, 1.7, 1.2, 0.3}};
    private static final double[][] UPSTREAM = {{1.0, -0.5, 2.0, 0.25, -1.0}, {0.3, 0.7, -1.2, 0.0, 0.5}};

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    @Test
    void forwardIsEntmaxAtTheParameterAndTheGradientInAlphaIsTheClosedForm() {
        AdaptiveEntmax block = block(1.5);
        double[][] result = forwardBackward(block, null);
        double expectedGradient = 0.0;
        for (int b = 0; b < 2; b++) {
            double[] p = Entmax15.probabilities(SCORES[b]);
            assertArrayEquals(p, result[b], 1e-14);
            expectedGradient += KernelContract.dot(UPSTREAM[b], Entmax.alphaDerivative(p, 1.5));
        }
        assertEquals(expectedGradient, result[2][0], 1e-9 * Math.abs(expectedGradient));
    }

    @Test
    void belowTheFloorTheBlockUsesTheFloorAndAlphaGetsNoGradient() {
        AdaptiveEntmax block = block(1.5);
        block.alpha().getArray().set(new double[] {0.8});
        double[][] result = forwardBackward(block, null);
        for (int b = 0; b < 2; b++) {
            assertArrayEquals(Entmax.probabilities(SCORES[b], AdaptiveEntmax.ALPHA_FLOOR), result[b], 1e-13);
        }
        assertEquals(0.0, result[2][0], 0.0);
        assertEquals(0.8, block.alpha().getArray().toDoubleArray()[0], 0.0, "the block never changes the parameter");
    }

    @Test
    void aMaskInputMasks() {
        AdaptiveEntmax block = block(2.0);
        NDArray mask = managers.manager().create(new boolean[][] {
                {true, false, true, true, true}, {false, false, false, false, false}});
        double[][] result = forwardBackward(block, mask);
        double[] kept = Sparsemax.probabilities(new double[] {0.9, -0.4, 0.6, 0.0});
        assertArrayEquals(new double[] {kept[0], 0.0, kept[1], kept[2], kept[3]}, result[0], 1e-14);
        assertArrayEquals(new double[5], result[1], 0.0);
        assertArrayEquals(new Shape[] {new Shape(2, 5)}, block.getOutputShapes(new Shape[] {new Shape(2, 5)}));
    }

    @Test
    void rejectsAStartBelowTheFloor() {
        var e = assertThrows(IllegalArgumentException.class, () -> new AdaptiveEntmax(1.0));
        assertEquals("initialAlpha must be finite and >= 1.01, got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveEntmax(Double.NaN));
        assertEquals("AdaptiveEntmax(initialAlpha=1.5, floor=1.01)", new AdaptiveEntmax(1.5).toString());
    }

    private AdaptiveEntmax block(double alpha) {
        AdaptiveEntmax block = new AdaptiveEntmax(alpha);
        block.initialize(managers.manager(), DataType.FLOAT64, new Shape(2, 5));
        return block;
    }

    /** Rows 0 and 1: the probabilities; row 2: the gradient of sum(p * UPSTREAM) in the alpha parameter. */
    private double[][] forwardBackward(AdaptiveEntmax block, NDArray mask) {
        NDArray scores = managers.manager().create(SCORES);
        NDList inputs = mask == null ? new NDList(scores) : new NDList(scores, mask);
        NDArray p;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            p = block.forward(new ParameterStore(managers.manager(), false), inputs, true).singletonOrThrow();
            collector.backward(p.mul(managers.manager().create(UPSTREAM)).sum());
        }
        double[] flat = p.toDoubleArray();
        return new double[][] {Arrays.copyOf(flat, 5), Arrays.copyOfRange(flat, 5, 10),
                block.alpha().getArray().getGradient().toDoubleArray()};
    }
}
