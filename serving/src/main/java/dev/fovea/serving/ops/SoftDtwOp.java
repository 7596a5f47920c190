package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.alignment.softdtw.SoftDtw;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import java.util.Map;

/**
 * {@code alignment/soft-dtw}: the soft-DTW value of Cuturi &amp; Blondel (squared Euclidean cost), its gradient with
 * respect to {@code x}, and the divergence \( D_\gamma(x, y) = \operatorname{sdtw}(x, y)
 * - \tfrac12(\operatorname{sdtw}(x, x) + \operatorname{sdtw}(y, y)) \).
 *
 * <pre>{"x":[0,1,2],"y":[0,2],"gamma":0.1}  →  {"value":…,"divergence":…,"gradient":[…]}</pre>
 * {@code x} and {@code y} are 1-D arrays (one channel) or arrays of frames {@code [[…],[…]]} with the same channel
 * count; the gradient has the shape of {@code x}. Optional: {@code "gradient":false} omits it,
 * {@code "radiusCells":r} restricts to the Sakoe–Chiba band \( |i - j| \le r \).
 */
final class SoftDtwOp implements Op {

    private static final KernelArguments ARGUMENTS = new KernelArguments(Map.of(
            "x", "x", "y", "y", "gamma", "gamma", "radiusCells", "radiusCells"), "body");

    @Override
    public String name() {
        return "alignment/soft-dtw";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        boolean xIsMatrix = request.isMatrix("x");
        double[][] x = frames(request, "x");
        double[][] y = frames(request, "y");
        if (x[0].length != y[0].length) {
            throw new InvalidRequestException("y", "y has " + y[0].length + " channels, x has " + x[0].length);
        }
        double gamma = request.number("gamma");
        boolean wantGradient = request.bool("gradient", true);
        long radius = request.integer("radiusCells", -1, -1, Integer.MAX_VALUE);
        ObjectNode answer = JsonRequest.answer();
        try {
            SoftDtw softDtw = radius < 0 ? SoftDtw.of(gamma) : SoftDtw.withSakoeChibaRadius(gamma, (int) radius);
            if (wantGradient) {
                SoftDtw.Gradient g = softDtw.gradient(x, y);
                answer.put("value", g.value());
                answer.put("divergence", softDtw.divergence(x, y));
                if (xIsMatrix) {
                    Json.addAll(answer.putArray("gradient"), g.dx());
                } else {
                    double[] flat = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        flat[i] = g.dx()[i][0];
                    }
                    Json.addAll(answer.putArray("gradient"), flat);
                }
            } else {
                answer.put("value", softDtw.value(x, y));
                answer.put("divergence", softDtw.divergence(x, y));
            }
        } catch (IllegalArgumentException e) {
            throw ARGUMENTS.toRequestError(e);
        } catch (ArithmeticException e) {
            throw new InvalidRequestException("body", e.getMessage());
        }
        return answer;
    }

    /** A 1-D array as one channel, or an array of frames. */
    static double[][] frames(JsonRequest request, String field) {
        return request.isMatrix(field) ? request.matrix(field) : SoftDtw.column(request.vector(field));
    }
}
