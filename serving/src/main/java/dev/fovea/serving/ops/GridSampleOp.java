package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.attention.spatial.GridSample;
import dev.fovea.attention.spatial.Padding;
import dev.fovea.attention.spatial.SamplingMode;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import java.util.Map;

/**
 * {@code sampling/grid-sample}: PyTorch's {@code grid_sample} for 4-D inputs ({@link GridSample#forward}).
 *
 * <pre>{"input":[N][C][H][W],"grid":[N][Hout][Wout][2],"mode":"bilinear|nearest",
 *  "padding":"zeros|border|reflection","alignCorners":false}  →  {"output":[N][C][Hout][Wout]}</pre>
 * Grid points are \( (x, y) \), \( (-1, -1) \) the top-left. {@code mode} defaults to bilinear, {@code padding} to
 * zeros, {@code alignCorners} to false (PyTorch's defaults). At most {@value #MAX_ENTRIES} entries in the input and
 * in the output.
 */
final class GridSampleOp implements Op {

    /** The largest input or output served, in entries. */
    static final long MAX_ENTRIES = 1 << 22;

    private static final KernelArguments ARGUMENTS = new KernelArguments(
            Map.of("input", "input", "grid", "grid"), "body");

    @Override
    public String name() {
        return "sampling/grid-sample";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        SamplingMode mode;
        Padding padding;
        try {
            mode = SamplingMode.parse(request.optionalString("mode").orElse("bilinear"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("mode", e.getMessage());
        }
        try {
            padding = Padding.parse(request.optionalString("padding").orElse("zeros"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("padding", e.getMessage());
        }
        boolean alignCorners = request.bool("alignCorners", false);
        double[][][][] input = request.tensor4("input");
        double[][][][] grid = request.tensor4("grid");
        long inputEntries = (long) input.length * input[0].length * input[0][0].length * input[0][0][0].length;
        long outputEntries = (long) grid.length * input[0].length * grid[0].length * grid[0][0].length;
        if (inputEntries > MAX_ENTRIES || outputEntries > MAX_ENTRIES) {
            throw new InvalidRequestException(inputEntries > MAX_ENTRIES ? "input" : "grid", "the request has "
                    + inputEntries + " input and " + outputEntries + " output entries, more than " + MAX_ENTRIES);
        }
        double[][][][] output;
        try {
            output = GridSample.forward(input, grid, mode, padding, alignCorners);
        } catch (IllegalArgumentException e) {
            throw ARGUMENTS.toRequestError(e);
        }
        ObjectNode answer = JsonRequest.answer();
        Json.addAll(answer.putArray("output"), output);
        return answer;
    }
}
