package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.attention.draw.DrawFilterbank;
import dev.fovea.attention.draw.FilterbankParameters;
import dev.fovea.serving.request.JsonRequest;
import java.util.Map;

/**
 * {@code attention/draw-filterbank}: DRAW's Gaussian filterbank (Gregor et al. 2015, eq. 19–26) for an image of
 * \( A \times B \) pixels and \( N \times N \) filters, from the five unconstrained parameters.
 *
 * <pre>{"width":A,"height":B,"glimpses":N,"centerX":g̃x,"centerY":g̃y,"logStride":…,"logVariance":…,
 *  "logIntensity":…}
 *   →  {"filterX":[[…A]…N],"filterY":[[…B]…N],"meansX":[…N],"meansY":[…N],"variance":σ²,"stride":δ,
 *       "intensity":γ}</pre>
 * Means are in 0-based pixel coordinates (column 0 is the first pixel); every filter row sums to 1. Sizes are whole
 * numbers in [1, 4096] (glimpses in [1, 1024]).
 */
final class DrawFilterbankOp implements Op {

    private static final KernelArguments ARGUMENTS = new KernelArguments(Map.of(
            "logVariance", "logVariance", "logStride", "logStride", "logIntensity", "logIntensity",
            "width", "width", "height", "height", "glimpses", "glimpses"), "body");

    @Override
    public String name() {
        return "attention/draw-filterbank";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        int width = size(request, "width", 4096);
        int height = size(request, "height", 4096);
        int glimpses = size(request, "glimpses", 1024);
        FilterbankParameters parameters = new FilterbankParameters(request.number("centerX"),
                request.number("centerY"), request.number("logVariance"), request.number("logStride"),
                request.number("logIntensity"));
        DrawFilterbank.Matrices filters;
        try {
            filters = DrawFilterbank.of(width, height, glimpses, parameters);
        } catch (IllegalArgumentException e) {
            throw ARGUMENTS.toRequestError(e);
        }
        ObjectNode answer = JsonRequest.answer();
        Json.addAll(answer.putArray("filterX"), filters.filterX());
        Json.addAll(answer.putArray("filterY"), filters.filterY());
        Json.addAll(answer.putArray("meansX"), filters.meansX());
        Json.addAll(answer.putArray("meansY"), filters.meansY());
        answer.put("variance", filters.variance()).put("stride", filters.stride())
                .put("intensity", filters.intensity());
        return answer;
    }

    private static int size(JsonRequest request, String field, int max) {
        request.required(field);
        return (int) request.integer(field, 0, 1, max);
    }
}
