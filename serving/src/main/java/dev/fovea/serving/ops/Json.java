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
}
