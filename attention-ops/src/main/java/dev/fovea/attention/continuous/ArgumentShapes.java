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

    /**
     * The batched parameters of 1-D densities: {@code mean} \( [B] \) of a floating-point type and the second
     * parameter (named {@code scaleName}, e.g. {@code "variance"}) of the same shape and type.
     */
    static void requireMoments1(NDArray mean, String scaleName, NDArray scale) {
        requireShape("mean", mean, -1);
        requireShape(scaleName, scale, -1);
        requireSameBatch("mean", mean, scaleName, scale);
        requireFloating(mean);
        requireSameType("mean", mean, scaleName, scale);
    }

    /** The batched parameters of 2-D densities: {@code mean} \( [B, 2] \) and the matrix \( [B, 2, 2] \). */
    static void requireMoments2(NDArray mean, String scaleName, NDArray scale) {
        requireShape("mean", mean, -1, 2);
        requireShape(scaleName, scale, -1, 2, 2);
        requireSameBatch("mean", mean, scaleName, scale);
        requireFloating(mean);
        requireSameType("mean", mean, scaleName, scale);
    }

    /** A 1-D basis: {@code basisMeans} and {@code basisVariances} \( [N] \), \( N \ge 1 \), in the type of {@code mean}. */
    static void requireBasis1(NDArray mean, NDArray basisMeans, NDArray basisVariances) {
        requireShape("basisMeans", basisMeans, -1);
        requireShape("basisVariances", basisVariances, -1);
        requireBasis(mean, basisMeans, "basisVariances", basisVariances);
    }

    /** A 2-D basis: {@code basisMeans} \( [N, 2] \), {@code basisCovariances} \( [N, 2, 2] \), in the type of {@code mean}. */
    static void requireBasis2(NDArray mean, NDArray basisMeans, NDArray basisCovariances) {
        requireShape("basisMeans", basisMeans, -1, 2);
        requireShape("basisCovariances", basisCovariances, -1, 2, 2);
        requireBasis(mean, basisMeans, "basisCovariances", basisCovariances);
    }

    private static void requireBasis(NDArray mean, NDArray basisMeans, String spreadName, NDArray spreads) {
        long n = basisMeans.getShape().get(0);
        if (n == 0) {
            throw new IllegalArgumentException("basisMeans must have at least one row, got shape " + basisMeans.getShape());
        }
        if (spreads.getShape().get(0) != n) {
            throw new IllegalArgumentException("basisMeans has " + n + " rows, " + spreadName + " "
                    + spreads.getShape().get(0));
        }
        requireSameType("mean", mean, "basisMeans", basisMeans);
        requireSameType("mean", mean, spreadName, spreads);
    }

    private static void requireSameBatch(String name, NDArray array, String otherName, NDArray other) {
        if (array.getShape().get(0) != other.getShape().get(0)) {
            throw new IllegalArgumentException(name + " has batch size " + array.getShape().get(0) + ", " + otherName
                    + " " + other.getShape().get(0));
        }
    }

    private static void requireFloating(NDArray mean) {
        if (!mean.getDataType().isFloating()) {
            throw new IllegalArgumentException("mean must have a floating-point data type, got " + mean.getDataType());
        }
    }
}
