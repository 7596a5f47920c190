package dev.fovea.training.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer of a VQA model to one question about one image, with its attention map.
 *
 * <p>{@link #equals(Object)} compares array contents.
 *
 * @param answer              the predicted answer as text, e.g. {@code "2"}
 * @param answerIndex         its class index, \( 0..A-1 \) (for the shapes task the count itself)
 * @param answerProbabilities softmax of the logits over the \( A \) answers, summing to 1
 * @param grid                \( G \), cells per side of the attention map
 * @param attention           the attention map, \( G^2 \) non-negative values in row-major cell order
 *                            (row = \( y \)), summing to 1
 */
public record Prediction(String answer, int answerIndex, double[] answerProbabilities, int grid, double[] attention) {

    /**
     * @throws IllegalArgumentException if the index is out of range or the attention does not have \( G^2 \) cells
     */
    public Prediction {
        Objects.requireNonNull(answer, "answer must not be null");
        answerProbabilities = answerProbabilities.clone();
        attention = attention.clone();
        if (answerIndex < 0 || answerIndex >= answerProbabilities.length) {
            throw new IllegalArgumentException("answerIndex must be in 0.." + (answerProbabilities.length - 1)
                    + ", got " + answerIndex);
        }
        if (grid < 1 || attention.length != grid * grid) {
            throw new IllegalArgumentException(
                    "attention has " + attention.length + " cells, a grid of " + grid + " needs " + grid * grid);
        }
    }

    @Override
    public double[] answerProbabilities() {
        return answerProbabilities.clone();
    }

    @Override
    public double[] attention() {
        return attention.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction p && answer.equals(p.answer) && answerIndex == p.answerIndex
                && grid == p.grid && Arrays.equals(answerProbabilities, p.answerProbabilities)
                && Arrays.equals(attention, p.attention);
    }

    @Override
    public int hashCode() {
        return Objects.hash(answer, answerIndex, grid, Arrays.hashCode(answerProbabilities), Arrays.hashCode(attention));
    }

    @Override
    public String toString() {
        return "Prediction[answer=" + answer + ", probabilities=" + Arrays.toString(answerProbabilities) + ", grid="
                + grid + "]";
    }
}
