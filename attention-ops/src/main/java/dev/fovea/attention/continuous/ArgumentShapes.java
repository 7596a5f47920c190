package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Shape and data-type checks for NDArray arguments, with messages that name the argument and its shape. */
final class ArgumentShapes {

    private ArgumentShapes() {
    }

    /** Checks the rank and the fixed dimensions ({@code -1} = any size). */
    static void requireShape(String name, NDArray array, long... dims) {
        Shape shape = array.getShape();
        boolean ok = shape.dimension() == dims.length;
        for (int i = 0; ok && i < dims.length; i++) {
            ok = dims[i] < 0 || shape.get(i) == dims[i];
        }
        if (!ok) {
            StringBuilder expected = new StringBuilder("(");
            for (int i = 0; i < dims.length; i++) {
                expected.append(i == 0 ? "" : ", ").append(dims[i] < 0 ? "*" : Long.toString(dims[i]));
            }
            throw new IllegalArgumentException(name + " must have shape " + expected + "), got " + shape);
        }
    }

    static void requireSameType(String referenceName, NDArray reference, String name, NDArray array) {
        if (array.getDataType() != reference.getDataType()) {
            throw new IllegalArgumentException(name + " has data type " + array.getDataType() + ", " + referenceName
                    + " " + reference.getDataType());
        }
    }
}
