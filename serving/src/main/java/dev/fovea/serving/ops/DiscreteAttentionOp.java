package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.attention.discrete.SimplexMapping;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import java.util.OptionalDouble;

/**
 * {@code attention/discrete}: a mapping onto the probability simplex, applied to one score vector or to each row of
 * a score matrix.
 *
 * <pre>{"mapping":"softmax|sparsemax|entmax15|entmax","alpha":1.5,"scores":[…] or [[…],…]}
 *   →  {"probabilities": same shape}</pre>
 * {@code alpha} is required for {@code entmax} (α &gt; 1) and refused for the others.
 */
final class DiscreteAttentionOp implements Op {

    @Override
    public String name() {
        return "attention/discrete";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        SimplexMapping mapping = mapping(request);
        ObjectNode answer = JsonRequest.answer();
        if (request.isMatrix("scores")) {
            double[][] scores = request.matrix("scores");
            ArrayNode rows = answer.putArray("probabilities");
            for (double[] row : scores) {
                Json.addAll(rows.addArray(), mapping.probabilities(row));
            }
        } else {
            Json.addAll(answer.putArray("probabilities"), mapping.probabilities(request.vector("scores")));
        }
        return answer;
    }

    private static SimplexMapping mapping(JsonRequest request) {
        String id = request.string("mapping");
        OptionalDouble alpha = request.has("alpha") ? OptionalDouble.of(request.number("alpha")) : OptionalDouble.empty();
        try {
            return SimplexMapping.parse(id, alpha);
        } catch (IllegalArgumentException e) {
            boolean aboutAlpha = e.getMessage().contains("alpha") && (alpha.isPresent() || id.equals("entmax"));
            throw new InvalidRequestException(aboutAlpha ? "alpha" : "mapping", e.getMessage());
        }
    }
}
