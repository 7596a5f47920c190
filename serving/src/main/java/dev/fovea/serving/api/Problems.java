package dev.fovea.serving.api;

import dev.fovea.serving.catalog.NoSuchModelException;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.problem.Problem;
import dev.fovea.training.TrainingDivergedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a REST call into one {@code application/problem+json} document; a stack trace never
 * reaches a client.
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    /** A response carrying the problem with its status. */
    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return response(Problem.invalid(e));
    }

    @ServerExceptionMapper
    public Response notFound(NoSuchModelException e) {
        return response(Problem.notFound(e.getMessage()));
    }

    @ServerExceptionMapper
    public Response diverged(TrainingDivergedException e) {
        return response(new Problem("/problems/training-diverged", "Training diverged", 422, e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return response(Problem.internal());
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return response(new Problem("/problems/http-" + status, title, status, e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        return response(Problem.internal());
    }
}
