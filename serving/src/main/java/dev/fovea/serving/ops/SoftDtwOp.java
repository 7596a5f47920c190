package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.alignment.dtw.Window;
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
 * count; the gradient has the shape of {@code x}. Optional: {@code "gradient":false} omits it;
 * {@code "window"} restricts the paths, with exactly the syntax, semantics and errors of {@code alignment/dtw}'s
 * (read by {@link WindowField}): {@code {"type":"none"}}, {@code {"type":"sakoe-chiba","radiusCells":r}},
 * {@code {"type":"itakura","maxSlope":s}}, {@code {"type":"mask","mask":[[…]]}}. The divergence's self-terms use
 * the window's rule on their own lengths ({@link SoftDtw#divergence}); a mask has no such rule, so with a mask
 * {@code divergence} is {@code null}. The older top-level {@code "radiusCells":r} is kept as a shorthand for
 * {@code "window":{"type":"sakoe-chiba","radiusCells":r}} (its errors name {@code radiusCells}); giving both is an
 * error.
 */
final class SoftDtwOp implements Op {

    private static final Map<String, String> SOFT_DTW_ARGUMENTS = Map.of("x", "x", "y", "y", "gamma", "gamma");

    private static final KernelArguments ARGUMENTS = WindowField.arguments(SOFT_DTW_ARGUMENTS, false);

    private static final KernelArguments MASK_ARGUMENTS = WindowField.arguments(SOFT_DTW_ARGUMENTS, true);

    /** The top-level {@code radiusCells} shorthand: the band's errors are that field's. */
    private static final KernelArguments SHORTHAND_ARGUMENTS = new KernelArguments(Map.of(
            "x", "x", "y", "y", "gamma", "gamma", "window", "radiusCells", "radiusCells", "radiusCells"), "body");

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
        KernelArguments arguments = ARGUMENTS;
        Window window;
        try {
            if (request.has("radiusCells")) {
                if (request.has("window")) {
                    throw new InvalidRequestException("radiusCells",
                            "radiusCells must be absent when window is given; use window.radiusCells");
                }
                arguments = SHORTHAND_ARGUMENTS;
                window = Window.sakoeChiba((int) request.integer("radiusCells", 0, 0, Integer.MAX_VALUE));
            } else {
                window = WindowField.read(request);
                if (window instanceof Window.Mask) {
                    arguments = MASK_ARGUMENTS;
                }
            }
        } catch (IllegalArgumentException e) {
            throw arguments.toRequestError(e);
        }
        ObjectNode answer = JsonRequest.answer();
        try {
            SoftDtw softDtw = SoftDtw.of(gamma, window);
            if (wantGradient) {
                SoftDtw.Gradient g = softDtw.gradient(x, y);
                answer.put("value", g.value());
                putDivergence(answer, softDtw, x, y);
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
                putDivergence(answer, softDtw, x, y);
            }
        } catch (IllegalArgumentException e) {
            throw arguments.toRequestError(e);
        } catch (ArithmeticException e) {
            throw new InvalidRequestException("body", e.getMessage());
        }
        return answer;
    }

    /** The divergence, or null under a mask (no rule for the self-terms). */
    private static void putDivergence(ObjectNode answer, SoftDtw softDtw, double[][] x, double[][] y) {
        if (softDtw.window() instanceof Window.Mask) {
            answer.putNull("divergence");
        } else {
            answer.put("divergence", softDtw.divergence(x, y));
        }
    }

    /** A 1-D array as one channel, or an array of frames. */
    static double[][] frames(JsonRequest request, String field) {
        return request.isMatrix(field) ? request.matrix(field) : SoftDtw.column(request.vector(field));
    }
}
