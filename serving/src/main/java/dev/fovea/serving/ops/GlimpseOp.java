package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.attention.glimpse.GlimpseSensor;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import java.util.Map;

/**
 * {@code attention/glimpse}: the multi-resolution glimpse of the recurrent attention model ({@link GlimpseSensor}:
 * \( k \) square patches of side \( g s^i \) around the location, average-pooled to \( g \times g \), zeros outside).
 *
 * <pre>{"image":[C][H][W],"location":[x,y],"patches":k,"size":g,"scale":s}  →  {"glimpse":[k][C][g][g]}</pre>
 * {@code location} in \( [-1, 1]^2 \), \( x \) along the width, \( (-1, -1) \) the top-left corner. {@code patches}
 * defaults to 1, {@code scale} to 2. The largest patch side \( g s^{k-1} \) may be at most {@value #MAX_SIDE_RATIO}
 * times the image's larger side (beyond that a patch is mostly padding), and the glimpse at most
 * {@value #MAX_ENTRIES} entries.
 */
final class GlimpseOp implements Op {

    /** How many times the image's larger side the largest patch may be. */
    static final int MAX_SIDE_RATIO = 4;

    /** The largest glimpse served, in entries \( k C g^2 \). */
    static final long MAX_ENTRIES = 1 << 22;

    private static final KernelArguments ARGUMENTS = new KernelArguments(
            Map.of("image", "image", "location", "location", "patches", "patches", "size", "size",
                    "scale", "scale"), "body");

    @Override
    public String name() {
        return "attention/glimpse";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        double[][][] image = request.tensor3("image");
        double[] location = request.vector("location");
        if (location.length != 2) {
            throw new InvalidRequestException("location", "location must be [x, y], got " + location.length
                    + " values");
        }
        int patches = (int) request.integer("patches", 1, 1, 16);
        int size = (int) request.integer("size", 8, 1, 1024);
        int scale = (int) request.integer("scale", 2, 1, 16);
        int longer = Math.max(image[0].length, image[0][0].length);
        long side = size;
        for (int i = 1; i < patches; i++) {
            side *= scale;
        }
        if (size > (long) MAX_SIDE_RATIO * longer) {
            throw new InvalidRequestException("size", "size " + size + " is more than " + MAX_SIDE_RATIO
                    + " × the image's larger side " + longer);
        }
        if (side > (long) MAX_SIDE_RATIO * longer) {
            throw new InvalidRequestException("scale", "the largest patch, size · scale^(patches − 1) = " + side
                    + " pixels, is more than " + MAX_SIDE_RATIO + " × the image's larger side " + longer);
        }
        if ((long) patches * image.length * size * size > MAX_ENTRIES) {
            throw new InvalidRequestException("size", "the glimpse would have " + (long) patches * image.length
                    * size * size + " entries, more than " + MAX_ENTRIES);
        }
        double[][][][] glimpse;
        try {
            glimpse = new GlimpseSensor(patches, size, scale).glimpse(image, location[0], location[1]);
        } catch (IllegalArgumentException e) {
            throw ARGUMENTS.toRequestError(e);
        }
        ObjectNode answer = JsonRequest.answer();
        Json.addAll(answer.putArray("glimpse"), glimpse);
        return answer;
    }
}
