package dev.fovea.alignment.dctw;

import java.util.List;
import java.util.Objects;

/**
 * The settings of {@link DeepCanonicalTimeWarping}.
 *
 * <p>Each network is \( \text{Linear}(h_1) \to \sigma \to \dots \to \text{Linear}(h_m) \to \sigma \to
 * \text{Linear}(k) \) with \( (h_1, \dots, h_m) \) = {@code hiddenLayers} and \( \sigma \) = {@code activation};
 * an empty list gives the affine map \( \text{Linear}(k) \), which makes deep CTW a gradient-trained linear CTW.
 *
 * @param maxIterations  the most alternations of network training and DTW, \( \ge 1 \)
 * @param epochs         full-batch Adam steps on the networks per alternation, \( \ge 1 \)
 * @param hiddenLayers   the width of each hidden layer, input side first, each \( \ge 1 \); may be empty (copied)
 * @param activation     the non-linearity after each hidden layer (unused when {@code hiddenLayers} is empty)
 * @param outputs        \( k \), the output size of each network and the number of canonical components, \( \ge 1 \)
 * @param learningRate   Adam's step, \( &gt; 0 \), finite
 * @param regularization the relative ridge on the output covariances, \( \ge 0 \), finite
 * @param pathTolerance  stop when the new path moves by at most this many frames from the previous one
 *                       ({@link dev.fovea.alignment.ctw.PathDeviation#between}), \( \ge 0 \), finite; 0 stops only
 *                       when the path is unchanged
 * @param seed           the engine's random seed for the initial weights
 */
public record DeepCtwOptions(int maxIterations, int epochs, List<Integer> hiddenLayers, HiddenActivation activation,
        int outputs, double learningRate, double regularization, double pathTolerance, int seed) {

    /** @throws IllegalArgumentException naming the first out-of-range setting and its value */
    public DeepCtwOptions {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        Objects.requireNonNull(hiddenLayers, "hiddenLayers must not be null");
        for (int layer = 0; layer < hiddenLayers.size(); layer++) {
            Integer width = hiddenLayers.get(layer);
            if (width == null || width < 1) {
                throw new IllegalArgumentException("hiddenLayers[" + layer + "] must be >= 1, got " + width);
            }
        }
        hiddenLayers = List.copyOf(hiddenLayers);
        Objects.requireNonNull(activation, "activation must not be null");
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be >= 1, got " + outputs);
        }
        if (!(learningRate > 0) || learningRate == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("learningRate must be > 0 and finite, got " + learningRate);
        }
        if (!(regularization >= 0) || regularization == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("regularization must be finite and >= 0, got " + regularization);
        }
        if (!(pathTolerance >= 0) || pathTolerance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("pathTolerance must be finite and >= 0, got " + pathTolerance);
        }
    }

    /**
     * Two sigmoid hidden layers of 16 units (the paper's unit type), 2 outputs; at most 10 alternations of 30 Adam
     * steps at rate 0.01; ridge \( 10^{-4} \); tolerance 0; seed 0. Of the shapes measured on the spiral benchmark
     * (docs/alignment.md) this had the lowest error among the non-linear ones.
     */
    public static DeepCtwOptions defaults() {
        return new DeepCtwOptions(10, 30, List.of(16, 16), HiddenActivation.SIGMOID, 2, 0.01, 1e-4, 0.0, 0);
    }

    /**
     * The shape of Fovea's first deep CTW: one tanh hidden layer of 16 units, 2 outputs, at most 5 alternations of 30
     * Adam steps, rate 0.01, ridge \( 10^{-4} \), tolerance 0, seed 0.
     */
    public static DeepCtwOptions singleTanhLayer() {
        return new DeepCtwOptions(5, 30, List.of(16), HiddenActivation.TANH, 2, 0.01, 1e-4, 0.0, 0);
    }

    /** These options with other hidden-layer widths (empty: an affine map). */
    public DeepCtwOptions withHiddenLayers(List<Integer> widths) {
        return new DeepCtwOptions(maxIterations, epochs, widths, activation, outputs, learningRate, regularization,
                pathTolerance, seed);
    }

    /** These options with another activation. */
    public DeepCtwOptions withActivation(HiddenActivation unit) {
        return new DeepCtwOptions(maxIterations, epochs, hiddenLayers, unit, outputs, learningRate, regularization,
                pathTolerance, seed);
    }

    /** These options with another iteration limit. */
    public DeepCtwOptions withMaxIterations(int iterations) {
        return new DeepCtwOptions(iterations, epochs, hiddenLayers, activation, outputs, learningRate, regularization,
                pathTolerance, seed);
    }

    /** These options with another number of Adam steps per alternation. */
    public DeepCtwOptions withEpochs(int steps) {
        return new DeepCtwOptions(maxIterations, steps, hiddenLayers, activation, outputs, learningRate,
                regularization, pathTolerance, seed);
    }

    /** These options with another path tolerance in frames. */
    public DeepCtwOptions withPathTolerance(double frames) {
        return new DeepCtwOptions(maxIterations, epochs, hiddenLayers, activation, outputs, learningRate,
                regularization, frames, seed);
    }

    /** These options with another output size \( k \). */
    public DeepCtwOptions withOutputs(int k) {
        return new DeepCtwOptions(maxIterations, epochs, hiddenLayers, activation, k, learningRate, regularization,
                pathTolerance, seed);
    }

    /** These options with another Adam step. */
    public DeepCtwOptions withLearningRate(double rate) {
        return new DeepCtwOptions(maxIterations, epochs, hiddenLayers, activation, outputs, rate, regularization,
                pathTolerance, seed);
    }
}
