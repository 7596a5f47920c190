package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;

/** The differentiable softmax: the NDArray contract. */
class SoftmaxNDArrayTest extends NDArrayContract {

    @Override
    NDArray apply(NDArray scores, int axis) {
        return Softmax.apply(scores, axis);
    }

    @Override
    NDArray apply(NDArray scores, NDArray mask, int axis) {
        return Softmax.apply(scores, mask, axis);
    }

    @Override
    double[] kernel(double[] scores) {
        return Softmax.probabilities(scores);
    }

    @Override
    double[] jacobianVectorProduct(double[] p, double[] g) {
        return Softmax.jacobianVectorProduct(p, g);
    }

    /** The unmasked form is PyTorch's softmax: a row of -Infinity is NaN there (the masked form gives zeros). */
    @Test
    void theUnmaskedFormGivesNaNForARowOfMinusInfinity() {
        NDArray scores = managers.manager().create(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
        for (double v : Softmax.apply(scores, 0).toDoubleArray()) {
            assertTrue(Double.isNaN(v));
        }
    }
}
