package dev.fovea.serving.api;

import dev.fovea.models.shapes.Question;
import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.shapes.ShapesSample;
import dev.fovea.serving.catalog.ModelSummary;
import dev.fovea.serving.models.ModelService;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import dev.fovea.training.store.Prediction;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/predict}: answers a question about an image and shows where the model looked.
 *
 * <p>The image is either given ({@code "image":{"rgb":[…]}}, row-major height × width × 3 values in [0, 1]) or a
 * generated sample of the model's dataset ({@code "sample":{"seed":7,"index":3}}), whose question is used when
 * none is given and whose ground truth comes back beside the answer.
 */
@Path("/api/v1/predict")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PredictResource {

    private final ModelService models;

    @Inject
    PredictResource(ModelService models) {
        this.models = models;
    }

    @POST
    @Operation(summary = "Answer a question about an image, with the attention map")
    public PredictionAnswer predict(String body) {
        JsonRequest request = JsonRequest.parse(body);
        Optional<Integer> version = request.has("version")
                ? Optional.of((int) request.integer("version", 1, 1, Integer.MAX_VALUE)) : Optional.empty();
        ModelSummary model = models.resolve(request.string("model"), version);
        if (request.has("image") == request.has("sample")) {
            throw new InvalidRequestException("image", "give exactly one of image and sample");
        }
        ShapesConfig config = models.datasetConfig(model);
        ShapesSample sample = null;
        float[] rgb;
        String question;
        if (request.has("sample")) {
            JsonRequest ref = request.object("sample");
            sample = models.sample(model, ref.integer("seed", 0, 0, Long.MAX_VALUE),
                    (int) ref.integer("index", 0, 0, Integer.MAX_VALUE));
            rgb = sample.rgb();
            question = request.optionalString("question").orElse(sample.question().text());
        } else {
            JsonRequest image = request.object("image");
            rgb = pixels(image.vector("rgb"), config, image.pathOf("rgb"));
            question = request.string("question");
        }
        try {
            Question.parse(question);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("question", e.getMessage());
        }
        Prediction prediction = models.predict(model, rgb, question);
        return PredictionAnswer.of(model, question, prediction, sample);
    }

    /** Checks an image against what the model was trained on: its size and the value range [0, 1]. */
    private static float[] pixels(double[] values, ShapesConfig config, String field) {
        if (values.length != config.pixelValueCount()) {
            throw new InvalidRequestException(field, field + " must hold " + config.imageSize() + " × "
                    + config.imageSize() + " × 3 = " + config.pixelValueCount() + " values (rows of RGB pixels), got "
                    + values.length);
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 1) {
                throw new InvalidRequestException(field + "[" + i + "]",
                        field + "[" + i + "] must be in [0, 1], got " + values[i]);
            }
            out[i] = (float) values[i];
        }
        return out;
    }
}
