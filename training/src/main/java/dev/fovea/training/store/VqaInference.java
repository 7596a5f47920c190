package dev.fovea.training.store;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.fovea.models.shapes.Question;
import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.vqa.ShapesVqaNet;
import java.util.List;
import java.util.Objects;

/**
 * Answers one question about one image with an initialized {@link ShapesVqaNet}, validating both at the edge.
 *
 * <p>Thread-safe: every call runs in its own sub-manager of {@code manager} with its own parameter store and only
 * reads the parameters, so concurrent calls do not interfere, and each call frees its intermediate arrays.
 * No gradient collector is involved.
 */
final class VqaInference {

    private final ShapesVqaNet net;
    private final NDManager manager;

    /**
     * @param net     the network, with initialized or loaded parameters
     * @param manager the manager the parameters live in; calls open sub-managers of it
     * @throws IllegalArgumentException if the network is not initialized
     */
    VqaInference(ShapesVqaNet net, NDManager manager) {
        this.net = Objects.requireNonNull(net, "net must not be null");
        this.manager = Objects.requireNonNull(manager, "manager must not be null");
        if (!net.isInitialized()) {
            throw new IllegalArgumentException("the network has no parameters yet: initialize or load it first");
        }
    }

    /**
     * Answers a question given as text.
     *
     * @param rgb      the image, HWC row-major, {@link ShapesConfig#pixelValueCount()} finite values in \( [0, 1] \)
     * @param question text that {@link Question#parse(String)} accepts
     * @throws IllegalArgumentException if the image or the question is invalid; the message starts with
     *                                  {@code image} or {@code question}
     */
    Prediction predict(float[] rgb, String question) {
        validateImage(net.config(), rgb);
        return answer(rgb, Question.parse(question));
    }

    private Prediction answer(float[] rgb, Question question) {
        ShapesConfig config = net.config();
        try (NDManager call = manager.newSubManager()) {
            NDList inputs = ShapesVqaNet.inputs(call, config, List.of(rgb), List.of(question));
            NDList outputs = net.forward(new ParameterStore(call, false), inputs, false);
            double[] probabilities = normalized(outputs.get(0).softmax(1));
            double[] attention = normalized(outputs.get(1));
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) {
                best = probabilities[i] > probabilities[best] ? i : best;
            }
            return new Prediction(Integer.toString(best), best, probabilities, config.grid(), attention);
        }
    }

    /**
     * Checks an image for a model of the given geometry.
     *
     * @throws IllegalArgumentException {@code "image must have 3072 values (32×32×3), got 100"},
     *                                  {@code "image must be finite, got NaN at [5]"} or
     *                                  {@code "image values must be in [0, 1], got 1.5 at [7]"}
     */
    static void validateImage(ShapesConfig config, float[] rgb) {
        Objects.requireNonNull(rgb, "image must not be null");
        int side = config.imageSize();
        if (rgb.length != config.pixelValueCount()) {
            throw new IllegalArgumentException("image must have " + config.pixelValueCount() + " values (" + side + "×"
                    + side + "×3), got " + rgb.length);
        }
        for (int i = 0; i < rgb.length; i++) {
            float v = rgb[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("image must be finite, got " + v + " at [" + i + "]");
            }
            if (v < 0f || v > 1f) {
                throw new IllegalArgumentException("image values must be in [0, 1], got " + v + " at [" + i + "]");
            }
        }
    }

    /** The single row of a \( [1, n] \) array in double, rescaled to sum exactly 1 up to double rounding. */
    private static double[] normalized(NDArray row) {
        double[] values = row.toType(DataType.FLOAT64, false).toDoubleArray();
        double total = 0.0;
        for (double v : values) {
            total += v;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] /= total;
        }
        return values;
    }
}
