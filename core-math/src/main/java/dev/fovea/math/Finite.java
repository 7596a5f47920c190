package dev.fovea.math;

import java.util.Objects;

/**
 * Rejects NaN and ±∞ at the edge of a kernel, with a message that names the argument, the bad value and its index.
 *
 * <p>Messages have the form {@code "scores must be finite, got NaN at [3, 17]"}: the caller's name for the argument,
 * then {@link Double#toString(double)} of the first offending value ({@code NaN}, {@code Infinity} or
 * {@code -Infinity}), then its 0-based index. Arrays are scanned in index order (row-major for matrices), so the
 * reported index is the first bad one.
 *
 * <p>Stateless and thread-safe.
 */
public final class Finite {

    private Finite() {
    }

    /**
     * Checks that a scalar is finite, i.e. neither NaN nor ±∞.
     *
     * @param name  the argument's name as the caller knows it, used in the message
     * @param value the value to check
     * @throws IllegalArgumentException {@code "NAME must be finite, got NaN"} (or {@code Infinity}, {@code -Infinity})
     */
    public static void check(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }

    /**
     * Checks that every entry of a vector is finite.
     *
     * @param name   the argument's name as the caller knows it, used in the message
     * @param values the vector, any length (an empty vector passes)
     * @throws NullPointerException     if {@code values} is null
     * @throws IllegalArgumentException {@code "NAME must be finite, got NaN at [i]"} for the first bad entry
     */
    public static void check(String name, double[] values) {
        Objects.requireNonNull(values, () -> name + " must not be null");
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + " must be finite, got " + values[i] + " at [" + i + "]");
            }
        }
    }

    /**
     * Checks that every entry of a (possibly ragged) matrix is finite, scanning row by row.
     *
     * @param name   the argument's name as the caller knows it, used in the message
     * @param values the rows; their lengths are not checked here
     * @throws NullPointerException     if {@code values} or one of its rows is null ({@code "NAME[i] must not be null"})
     * @throws IllegalArgumentException {@code "NAME must be finite, got NaN at [i, j]"} for the first bad entry
     */
    public static void check(String name, double[][] values) {
        Objects.requireNonNull(values, () -> name + " must not be null");
        for (int i = 0; i < values.length; i++) {
            double[] row = values[i];
            if (row == null) {
                throw new NullPointerException(name + "[" + i + "] must not be null");
            }
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(
                            name + " must be finite, got " + row[j] + " at [" + i + ", " + j + "]");
                }
            }
        }
    }
}
