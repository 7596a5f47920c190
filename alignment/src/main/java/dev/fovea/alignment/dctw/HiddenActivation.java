package dev.fovea.alignment.dctw;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

/**
 * The element-wise non-linearity after each hidden layer of a {@link DeepCanonicalTimeWarping} network.
 * Trigeorgis et al. (CVPR 2016, §4) use saturating units of the sigmoid/tanh type; ReLU is offered for comparison.
 */
public enum HiddenActivation {
    /** \( \tanh(z) \), range \( (-1, 1) \). */
    TANH,
    /** \( \max(z, 0) \). */
    RELU,
    /** \( 1 / (1 + e^{-z}) \), range \( (0, 1) \). */
    SIGMOID;

    NDArray apply(NDArray z) {
        return switch (this) {
            case TANH -> Activation.tanh(z);
            case RELU -> Activation.relu(z);
            case SIGMOID -> Activation.sigmoid(z);
        };
    }

    NDList apply(NDList z) {
        return new NDList(apply(z.singletonOrThrow()));
    }
}
