package dev.fovea.serving.api;

import dev.fovea.serving.ops.Op;
import dev.fovea.serving.ops.Ops;
import dev.fovea.serving.problem.Problem;
import dev.fovea.serving.request.JsonRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** {@code /api/v1/ops}: Fovea's numerical ops over HTTP, the same handlers as {@code ./fovea ops}. */
@Path("/api/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

    /** The op names. */
    @GET
    @Operation(summary = "List the available ops")
    public List<String> names() {
        return Ops.names();
    }

    /** Runs one op on one JSON request. */
    @POST
    @Path("{op: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run an op", description = "One JSON request in, one JSON answer out; "
            + "400 application/problem+json naming the field for a bad request.")
    public Response apply(@PathParam("op") String name,
            @RequestBody(description = "The op's request object") String body) throws Exception {
        Optional<Op> op = Ops.find(name);
        if (op.isEmpty()) {
            return Problems.response(Problem.notFound("unknown op '" + name + "'; available: "
                    + String.join(", ", Ops.names())));
        }
        String answer = JsonRequest.MAPPER.writeValueAsString(Ops.run(op.get(), body));
        return Response.ok(answer, MediaType.APPLICATION_JSON).build();
    }
}
