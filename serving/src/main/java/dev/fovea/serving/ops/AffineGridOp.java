package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.attention.spatial.AffineGrid;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import java.util.Map;

/**
 * {@code sampling/affine-grid}: PyTorch's {@code affine_grid} for 4-D sizes ({@link AffineGrid}).
 *
 * <pre>{"theta":[[[a,b,c],[d,e,f]],…N],"size":[N,C,H,W],"alignCorners":false}  →  {"grid":[N][H][W][2]}</pre>
 * {@code alignCorners} defaults to false (PyTorch's default). At most {@value #MAX_POINTS} grid points
 * \( N H W \) per request.
 */
final class AffineGridOp implements Op {

    /** The largest \( N H W \) served. */
    static final long MAX_POINTS = 1 << 20;

    private static final KernelArguments ARGUMENTS = new KernelArguments(
            Map.of("theta", "theta", "height", "size[2]", "width", "size[3]"), "body");

    @Override
    public String name() {
        return "sampling/affine-grid";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        double[][][] theta = request.tensor3("theta");
        long[] size = size(request);
        if (theta.length != size[0]) {
            throw new InvalidRequestException("theta",
                    "theta has " + theta.length + " matrices, size[0] is " + size[0]);
        }
        if (size[0] * size[2] * size[3] > MAX_POINTS) {
            throw new InvalidRequestException("size", "size asks for " + size[0] * size[2] * size[3]
                    + " grid points (N·H·W), more than " + MAX_POINTS);
        }
        boolean alignCorners = request.bool("alignCorners", false);
        double[][][][] grid;
        try {
            grid = AffineGrid.generate(theta, (int) size[2], (int) size[3], alignCorners);
        } catch (IllegalArgumentException e) {
            throw ARGUMENTS.toRequestError(e);
        }
        ObjectNode answer = JsonRequest.answer();
        Json.addAll(answer.putArray("grid"), grid);
        return answer;
    }

    /** {@code size}: four whole numbers \( \ge 1 \). */
    static long[] size(JsonRequest request) {
        double[] values = request.vector("size");
        if (values.length != 4) {
            throw new InvalidRequestException("size", "size must be [N, C, H, W], got " + values.length + " values");
        }
        long[] size = new long[4];
        for (int i = 0; i < 4; i++) {
            if (values[i] != Math.rint(values[i]) || values[i] < 1 || values[i] > MAX_POINTS) {
                throw new InvalidRequestException("size[" + i + "]",
                        "size[" + i + "] must be a whole number between 1 and " + MAX_POINTS + ", got " + values[i]);
            }
            size[i] = (long) values[i];
        }
        return size;
    }
}
