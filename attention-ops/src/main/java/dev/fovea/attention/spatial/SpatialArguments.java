package dev.fovea.attention.spatial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Argument checks of this package; messages start with the argument's name. */
final class SpatialArguments {

    private SpatialArguments() {
    }

    /**
     * The extents of a rectangular 4-D array, every extent \( \ge 1 \).
     *
     * @throws IllegalArgumentException naming {@code name} and the index of the first ragged or empty row
     */
    static int[] shape4(String name, double[][][][] array) {
        if (array == null || array.length == 0) {
            throw new IllegalArgumentException(name + " must be a non-empty 4-D array");
        }
        int[] shape = {array.length, -1, -1, -1};
        for (int a = 0; a < array.length; a++) {
            if (array[a] == null || array[a].length == 0 || shape[1] >= 0 && array[a].length != shape[1]) {
                throw new IllegalArgumentException(name + " is ragged or empty at [" + a + "]");
            }
            shape[1] = array[a].length;
            for (int b = 0; b < shape[1]; b++) {
                double[][] plane = array[a][b];
                if (plane == null || plane.length == 0 || shape[2] >= 0 && plane.length != shape[2]) {
                    throw new IllegalArgumentException(name + " is ragged or empty at [" + a + ", " + b + "]");
                }
                shape[2] = plane.length;
                for (int c = 0; c < shape[2]; c++) {
                    if (plane[c] == null || plane[c].length == 0 || shape[3] >= 0 && plane[c].length != shape[3]) {
                        throw new IllegalArgumentException(
                                name + " is ragged or empty at [" + a + ", " + b + ", " + c + "]");
                    }
                    shape[3] = plane[c].length;
                }
            }
        }
        return shape;
    }

    /** Throws unless {@code value} is at least 1: {@code "height must be >= 1, got 0"}. */
    static int positive(String name, long value) {
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
        return (int) value;
    }

    /**
     * The batch size of {@code parameters} after checking that they are \( [N, P] \).
     *
     * @throws IllegalArgumentException if the shape or type is wrong ({@code "parameters must have shape [N, 6]
     *                                  and a floating-point type, got float32 (2, 3)"})
     */
    static long requireParameters(NDArray parameters, int count) {
        Shape shape = parameters.getShape();
        if (shape.dimension() != 2 || shape.get(1) != count || !parameters.getDataType().isFloating()) {
            throw new IllegalArgumentException("parameters must have shape [N, " + count
                    + "] and a floating-point type, got " + parameters.getDataType() + " " + shape);
        }
        return shape.get(0);
    }
}
