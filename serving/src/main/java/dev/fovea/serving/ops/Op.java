package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fovea.serving.request.JsonRequest;

/**
 * One numerical operation behind {@code POST /api/v1/ops/NAME} and {@code ./fovea ops NAME}: one JSON request in,
 * one JSON answer out, the same handler on both edges.
 *
 * <p>Implementations validate every field before any kernel runs and throw
 * {@link dev.fovea.serving.problem.InvalidRequestException} naming the field; they are stateless and thread-safe.
 */
public interface Op {

    /** The name in the URL and on the command line, e.g. {@code attention/discrete}. */
    String name();

    /** Serves one request. */
    JsonNode apply(JsonRequest request);
}
