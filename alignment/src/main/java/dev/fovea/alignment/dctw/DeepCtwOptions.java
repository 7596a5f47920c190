package dev.fovea.alignment.dctw;

/**
 * The settings of {@link DeepCanonicalTimeWarping}.
 *
 * @param maxIterations  alternations of network training and DTW, \( \ge 1 \)
 * @param epochs         full-batch Adam steps on the networks per alternation, \( \ge 1 \)
 * @param hiddenUnits    width of each network's single tanh hidden layer, \( \ge 1 \)
 * @param outputs        \( k \), the output size of each network, \( \ge 1 \)
 * @param learningRate   Adam's step, \( &gt; 0 \)
 * @param regularization the relative ridge on the output covariances, \( \ge 0 \)
 * @param seed           the engine's random seed for the initial weights
 */
public record DeepCtwOptions(int maxIterations, int epochs, int hiddenUnits, int outputs, double learningRate,
        double regularization, int seed) {

    /** @throws IllegalArgumentException naming the first out-of-range setting and its value */
    public DeepCtwOptions {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (hiddenUnits < 1) {
            throw new IllegalArgumentException("hiddenUnits must be >= 1, got " + hiddenUnits);
        }
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be >= 1, got " + outputs);
        }
        if (!(learningRate > 0) || learningRate == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("learningRate must be > 0 and finite, got " + learningRate);
        }
        if (!(regularization >= 0) || regularization == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("regularization must be finite and >= 0, got " + regularization);
        }
    }

    /** 5 alternations of 30 Adam steps, 16 hidden units, 2 outputs, rate 0.01, ridge \( 10^{-4} \), seed 0. */
    public static DeepCtwOptions defaults() {
        return new DeepCtwOptions(5, 30, 16, 2, 0.01, 1e-4, 0);
    }
}
