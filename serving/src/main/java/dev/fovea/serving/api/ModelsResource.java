package dev.fovea.serving.api;

import dev.fovea.models.vqa.AttentionKind;
import dev.fovea.serving.catalog.ModelSummary;
import dev.fovea.serving.models.ModelService;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import dev.fovea.training.TrainingConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/v1/models}: the model catalog, and training new model versions. */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final ModelService models;

    @Inject
    ModelsResource(ModelService models) {
        this.models = models;
    }

    @GET
    @Operation(summary = "List every model version, newest first")
    public List<ModelSummary> list() {
        return models.list();
    }

    @GET
    @Path("{name}/{version}")
    @Operation(summary = "One model version")
    public ModelSummary get(@PathParam("name") String name, @PathParam("version") int version) {
        return models.resolve(name, Optional.of(version));
    }

    /**
     * Trains a new version of a model on the synthetic shapes task and records it:
     * {@code {"name":"my-model","attention":"continuous-softmax","steps":300,"datasetSeed":7}}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Train and record a new model version",
            description = "Blocks until training is done; answers 201 with the new record.")
    public Response train(String body) {
        JsonRequest request = JsonRequest.parse(body);
        String name = request.string("name");
        AttentionKind kind = parseKind(request.optionalString("attention").orElse("discrete-softmax"));
        long seed = request.integer("datasetSeed", 7, 0, Long.MAX_VALUE);
        int steps = (int) request.integer("steps", TrainingConfig.DEFAULT_STEPS, 1, 20_000);
        TrainingConfig config;
        try {
            config = TrainingConfig.defaults(name, kind, seed).withSteps(steps);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("name", e.getMessage());
        }
        ModelSummary trained = models.train(config);
        return Response.created(URI.create("/api/v1/models/" + trained.name() + "/" + trained.version()))
                .entity(trained).build();
    }

    private static AttentionKind parseKind(String id) {
        try {
            return AttentionKind.parse(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("attention", e.getMessage());
        }
    }
}
