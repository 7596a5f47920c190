package dev.fovea.serving.api;

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
            rgb = toFloats(request.object("image").vector("rgb"));
            question = request.string("question");
        }
        Prediction prediction = predict(model, rgb, question);
        return PredictionAnswer.of(model, question, prediction, sample);
    }

    private Prediction predict(ModelSummary model, float[] rgb, String question) {
        try {
            return models.predict(model, rgb, question);
        } catch (IllegalArgumentException e) {
            // The model validates its inputs; its message names the input ("image" or "question").
            String field = e.getMessage() != null && e.getMessage().startsWith("question") ? "question" : "image.rgb";
            throw new InvalidRequestException(field, e.getMessage());
        }
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

}
