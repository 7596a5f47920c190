package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.alignment.ctw.CanonicalTimeWarping;
import dev.fovea.alignment.ctw.CtwOptions;
import dev.fovea.alignment.ctw.CtwResult;
import dev.fovea.alignment.dtw.WarpingPath;
import dev.fovea.math.linalg.NotPositiveDefiniteException;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import java.util.Locale;
import java.util.Map;

/**
 * {@code alignment/ctw}: canonical time warping (Zhou &amp; De la Torre 2009) of two sequences that may have
 * different channel counts.
 *
 * <pre>{"x":[[…],…],"y":[[…],…],"maxIterations":20,"energy":0.95,"regularization":1e-6}
 *   →  {"path":[[0,0],…],"cost":…,"iterations":…,"objective":[…],"stop":"path-converged"}</pre>
 * Defaults are those of {@link CtwOptions#defaults()}; {@code pathTolerance} (frames, default 0) is optional too.
 */
final class CtwOp implements Op {

    private static final KernelArguments ARGUMENTS = new KernelArguments(Map.of(
            "x", "x", "y", "y", "maxIterations", "maxIterations", "energy", "energy",
            "regularization", "regularization", "pathTolerance", "pathTolerance"), "body");

    @Override
    public String name() {
        return "alignment/ctw";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        double[][] x = SoftDtwOp.frames(request, "x");
        double[][] y = SoftDtwOp.frames(request, "y");
        CtwOptions defaults = CtwOptions.defaults();
        int maxIterations = (int) request.integer("maxIterations", defaults.maxIterations(), 1, 10_000);
        double energy = request.has("energy") ? request.number("energy") : defaults.energy();
        double regularization = request.has("regularization") ? request.number("regularization")
                : defaults.regularization();
        double pathTolerance = request.has("pathTolerance") ? request.number("pathTolerance")
                : defaults.pathTolerance();
        CtwResult result;
        try {
            result = CanonicalTimeWarping.align(x, y,
                    new CtwOptions(maxIterations, energy, regularization, pathTolerance));
        } catch (NotPositiveDefiniteException e) {
            throw new InvalidRequestException("regularization", "the covariance of the warped sequences is singular"
                    + " (constant or collinear channels); increase regularization, got " + regularization + ": "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ARGUMENTS.toRequestError(e);
        }
        ObjectNode answer = JsonRequest.answer();
        ArrayNode cells = answer.putArray("path");
        WarpingPath path = result.path();
        for (int k = 0; k < path.length(); k++) {
            cells.addArray().add(path.row(k)).add(path.column(k));
        }
        answer.put("cost", result.cost());
        answer.put("iterations", result.iterations());
        Json.addAll(answer.putArray("objective"), result.objective());
        answer.put("stop", result.stop().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return answer;
    }
}
