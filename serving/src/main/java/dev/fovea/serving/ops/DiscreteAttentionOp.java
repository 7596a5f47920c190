package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.attention.discrete.Softmax;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;

/**
 * {@code attention/discrete}: a probability mapping applied to one score vector or to each row of a score matrix.
 *
 * <pre>{"mapping":"softmax","scores":[1,2,3]}  →  {"probabilities":[0.090…,0.244…,0.665…]}</pre>
 */
final class DiscreteAttentionOp implements Op {

    @Override
    public String name() {
        return "attention/discrete";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        DiscreteMapping mapping = DiscreteMapping.parse(request);
        ObjectNode answer = JsonRequest.answer();
        if (request.isMatrix("scores")) {
            double[][] scores = request.matrix("scores");
            ArrayNode rows = answer.putArray("probabilities");
            for (double[] row : scores) {
                putAll(rows.addArray(), mapping.probabilities(row));
            }
        } else {
            putAll(answer.putArray("probabilities"), mapping.probabilities(request.vector("scores")));
        }
        return answer;
    }

    private static void putAll(ArrayNode target, double[] values) {
        for (double v : values) {
            target.add(v);
        }
    }

    /** The mappings this op offers; later ones (sparsemax, entmax) join as further permitted types. */
    sealed interface DiscreteMapping permits DiscreteMapping.SoftmaxMapping {

        double[] probabilities(double[] scores);

        static DiscreteMapping parse(JsonRequest request) {
            String id = request.string("mapping");
            return switch (id) {
                case "softmax" -> new SoftmaxMapping();
                default -> throw new InvalidRequestException("mapping",
                        "unknown mapping '" + id + "'; available: softmax");
            };
        }

        /** \( p_i = e^{s_i} / \sum_j e^{s_j} \). */
        record SoftmaxMapping() implements DiscreteMapping {
            @Override
            public double[] probabilities(double[] scores) {
                return Softmax.probabilities(scores);
            }
        }
    }
}
