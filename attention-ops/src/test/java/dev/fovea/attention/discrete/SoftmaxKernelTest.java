package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SoftmaxKernelTest extends KernelContract {

    @Override
    double[] map(double[] scores) {
        return Softmax.probabilities(scores);
    }

    @Override
    double[] jacobianVectorProduct(double[] p, double[] g) {
        return Softmax.jacobianVectorProduct(p, g);
    }

    @Override
    String name() {
        return "softmax";
    }

    @Test
    void knownAnswer() {
        // e^{log k} = k, so the probabilities are (1, 2, 3) / 6 exactly up to rounding.
        double[] p = Softmax.probabilities(new double[] {0.0, Math.log(2.0), Math.log(3.0)});
        assertArrayEquals(new double[] {1.0 / 6, 2.0 / 6, 3.0 / 6}, p, 4 * Math.ulp(0.5));
    }

    @Test
    void largeScoresDoNotOverflow() {
        double[] p = Softmax.probabilities(new double[] {1000.0, 1000.0, -1000.0});
        assertArrayEquals(new double[] {0.5, 0.5, 0.0}, p, 0.0);
    }
}
