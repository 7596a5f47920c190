package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;

/** Writing numeric arrays into JSON answers. */
final class Json {

    private Json() {
    }

    /** Appends every value to {@code target}. */
    static ArrayNode addAll(ArrayNode target, double[] values) {
        for (double v : values) {
            target.add(v);
        }
        return target;
    }

    /** Appends every row to {@code target} as a nested array. */
    static ArrayNode addAll(ArrayNode target, double[][] rows) {
        for (double[] row : rows) {
            addAll(target.addArray(), row);
        }
        return target;
    }

    /** Appends every matrix to {@code target} as a doubly nested array. */
    static ArrayNode addAll(ArrayNode target, double[][][] matrices) {
        for (double[][] matrix : matrices) {
            addAll(target.addArray(), matrix);
        }
        return target;
    }

    /** Appends every 3-D block to {@code target} as a triply nested array. */
    static ArrayNode addAll(ArrayNode target, double[][][][] blocks) {
        for (double[][][] block : blocks) {
            addAll(target.addArray(), block);
        }
        return target;
    }
}
