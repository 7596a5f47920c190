package dev.fovea.serving.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fovea.models.shapes.ShapesSample;
import dev.fovea.serving.catalog.ModelSummary;
import dev.fovea.training.store.Prediction;

/**
 * The answer of {@code POST /api/v1/predict}.
 *
 * @param model         the model version that answered
 * @param question      the question it answered
 * @param answer        its answer
 * @param probabilities probability of each answer, indexed by the answer count (0, 1, 2, …)
 * @param attention     the attention map over the grid cells, rows top to bottom, summing to 1
 * @param truth         the ground truth, when the image was a generated sample
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictionAnswer(String model, String question, String answer, double[] probabilities,
        double[][] attention, Truth truth) {

    /**
     * @param answer    the correct answer
     * @param relevance fraction of each grid cell covered by the shapes the question asks about
     */
    public record Truth(String answer, double[][] relevance) {
    }

    static PredictionAnswer of(ModelSummary model, String question, Prediction prediction, ShapesSample sample) {
        Truth truth = sample == null ? null
                : new Truth(Integer.toString(sample.answer()), rows(sample.relevance(), prediction.grid()));
        return new PredictionAnswer(model.label(), question, prediction.answer(), prediction.answerProbabilities(),
                rows(prediction.attention(), prediction.grid()), truth);
    }

    private static double[][] rows(double[] flat, int grid) {
        double[][] out = new double[grid][grid];
        for (int r = 0; r < grid; r++) {
            System.arraycopy(flat, r * grid, out[r], 0, grid);
        }
        return out;
    }
}
