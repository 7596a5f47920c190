package dev.fovea.attention.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.fovea.math.Finite;
import java.util.Objects;

/**
 * The argument checks every score function shares: queries against keys, parameters against both, in the kernels
 * and in the NDArray functions. Each failure names the argument and carries the sizes it had and the sizes it needed,
 * so no bad shape reaches a matrix product whose own message would speak of "mat1 and mat2".
 */
final class ScoreArguments {

    private ScoreArguments() {
    }

    /**
     * The sizes read off a batch of queries and keys.
     *
     * @param batch           \( B \)
     * @param severalQueries  whether the queries are \( [B, T, d_q] \) rather than \( [B, d_q] \)
     * @param queryFeatures   \( d_q \)
     * @param positions       \( L \)
     * @param keyFeatures     \( d_k \)
     */
    record Sizes(long batch, boolean severalQueries, long queryFeatures, long positions, long keyFeatures) {

        /** The queries as \( [B, T, d_q] \): a single query per row becomes \( T = 1 \). */
        NDArray queriesWithAxis(NDArray queries) {
            return severalQueries ? queries : queries.expandDims(1);
        }

        /** Scores computed as \( [B, T, L] \), returned in the caller's layout (\( [B, L] \) for one query per row). */
        NDArray scoresInCallerLayout(NDArray scores) {
            return severalQueries ? scores : scores.squeeze(1);
        }
    }

    /**
     * Checks queries \( [B, d_q] \) or \( [B, T, d_q] \) against keys \( [B, L, d_k] \): ranks, batch sizes, a
     * floating-point data type shared by both.
     */
    static Sizes queriesAndKeys(NDArray queries, NDArray keys) {
        Shape q = queries.getShape();
        Shape k = keys.getShape();
        if (q.dimension() != 2 && q.dimension() != 3) {
            throw new IllegalArgumentException("queries must have shape (B, dq) or (B, T, dq), got " + q);
        }
        if (k.dimension() != 3) {
            throw new IllegalArgumentException("keys must have shape (B, L, dk), got " + k);
        }
        if (q.get(0) != k.get(0)) {
            throw new IllegalArgumentException("queries have batch size " + q.get(0) + ", keys " + k.get(0)
                    + " (queries " + q + ", keys " + k + ")");
        }
        if (!queries.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "queries must have a floating-point data type, got " + queries.getDataType());
        }
        if (keys.getDataType() != queries.getDataType()) {
            throw new IllegalArgumentException(
                    "keys have data type " + keys.getDataType() + ", queries " + queries.getDataType());
        }
        return new Sizes(q.get(0), q.dimension() == 3, q.get(q.dimension() - 1), k.get(1), k.get(2));
    }

    /**
     * Checks that a parameter has the expected shape and the data type of the queries.
     *
     * @param name     the parameter's name in the function's signature
     * @param meaning  what the dimensions are, e.g. {@code "(hidden units, query features)"}
     */
    static void parameter(String name, NDArray parameter, NDArray queries, String meaning, long... dims) {
        Objects.requireNonNull(parameter, () -> name + " must not be null");
        Shape expected = new Shape(dims);
        if (!parameter.getShape().equals(expected)) {
            throw new IllegalArgumentException(
                    name + " must have shape " + expected + " " + meaning + ", got " + parameter.getShape());
        }
        if (parameter.getDataType() != queries.getDataType()) {
            throw new IllegalArgumentException(
                    name + " has data type " + parameter.getDataType() + ", queries " + queries.getDataType());
        }
    }

    /** Checks a size given to a builder. */
    static void positive(String name, long size) {
        if (size <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + size);
        }
    }

    /** Checks one query and its keys for the kernels: finite, non-empty, all keys of one length; returns \( d_k \). */
    static int kernelKeys(double[] query, double[][] keys) {
        Finite.check("query", query);
        Finite.check("keys", keys);
        if (query.length == 0) {
            throw new IllegalArgumentException("query must not be empty");
        }
        if (keys.length == 0) {
            throw new IllegalArgumentException("keys must hold at least one position");
        }
        int keyFeatures = keys[0].length;
        for (int i = 1; i < keys.length; i++) {
            if (keys[i].length != keyFeatures) {
                throw new IllegalArgumentException(
                        "keys[" + i + "] has " + keys[i].length + " features, keys[0] " + keyFeatures);
            }
        }
        return keyFeatures;
    }

    /** Checks a finite kernel weight matrix of exactly {@code rows × cols}. */
    static void kernelMatrix(String name, double[][] matrix, int rows, int cols, String meaning) {
        Finite.check(name, matrix);
        boolean fits = matrix.length == rows;
        for (int i = 0; fits && i < rows; i++) {
            fits = matrix[i].length == cols;
        }
        if (!fits) {
            throw new IllegalArgumentException(name + " must be " + rows + " × " + cols + " " + meaning + ", got "
                    + describe(matrix));
        }
    }

    /** Checks a finite kernel weight vector of exactly {@code length} entries. */
    static void kernelVector(String name, double[] vector, int length, String meaning) {
        Finite.check(name, vector);
        if (vector.length != length) {
            throw new IllegalArgumentException(
                    name + " must have " + length + " entries " + meaning + ", got " + vector.length);
        }
    }

    private static String describe(double[][] matrix) {
        if (matrix.length == 0) {
            return "0 rows";
        }
        for (int i = 1; i < matrix.length; i++) {
            if (matrix[i].length != matrix[0].length) {
                return matrix.length + " rows, row 0 of length " + matrix[0].length + " and row " + i + " of length "
                        + matrix[i].length;
            }
        }
        return matrix.length + " × " + matrix[0].length;
    }
}
