package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.alignment.dtw.Envelope;
import dev.fovea.serving.request.JsonRequest;
import java.util.Map;

/**
 * {@code alignment/envelope}: the running envelope of a sequence for a Sakoe–Chiba band of {@code radiusCells},
 * \( U_i = \max_{|k - i| \le r} x_k \), \( L_i = \min_{|k - i| \le r} x_k \) (the LB_Keogh envelope).
 *
 * <pre>{"x":[0,3,1,2],"radiusCells":1}  →  {"lower":[0,0,1,1],"upper":[3,3,3,2]}</pre>
 */
final class EnvelopeOp implements Op {

    private static final KernelArguments ARGUMENTS = new KernelArguments(Map.of("x", "x",
            "radiusCells", "radiusCells"), "body");

    @Override
    public String name() {
        return "alignment/envelope";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        double[] x = request.vector("x");
        request.required("radiusCells");
        int radiusCells = (int) request.integer("radiusCells", 0, 0, Integer.MAX_VALUE);
        Envelope envelope;
        try {
            envelope = Envelope.of(x, radiusCells);
        } catch (IllegalArgumentException e) {
            throw ARGUMENTS.toRequestError(e);
        }
        ObjectNode answer = JsonRequest.answer();
        Json.addAll(answer.putArray("lower"), envelope.lower());
        Json.addAll(answer.putArray("upper"), envelope.upper());
        return answer;
    }
}
