package dev.fovea.alignment.frames;

import java.util.Objects;

/**
 * Multivariate sequences as {@code double[n][d]}: \( n \) frames (rows) of \( d \) channels. The validation and the
 * squared Euclidean local cost that soft-DTW, CCA and CTW share, so that all of them reject the same input with the
 * same message.
 *
 * <p>Thread-safe: static and stateless.
 */
public final class Frames {

    private Frames() {
    }

    /**
     * Checks a non-empty, rectangular, finite sequence.
     *
     * @param name the argument name that starts every message ({@code "x must be finite, got NaN at [3, 0]"})
     * @return the channel count \( d \ge 1 \)
     * @throws NullPointerException     if the sequence or a frame is null
     * @throws IllegalArgumentException if it has no frame or no channel, is ragged, or is not finite
     */
    public static int require(String name, double[][] s) {
        Objects.requireNonNull(s, name + " must not be null");
        if (s.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one frame, got 0");
        }
        Objects.requireNonNull(s[0], name + "[0] must not be null");
        int d = s[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(name + " must have at least one channel, got 0");
        }
        for (int i = 0; i < s.length; i++) {
            int row = i;
            Objects.requireNonNull(s[i], () -> name + "[" + row + "] must not be null");
            if (s[i].length != d) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + s[i].length + " channels, " + name
                        + "[0] has " + d);
            }
            for (int k = 0; k < d; k++) {
                if (!Double.isFinite(s[i][k])) {
                    throw new IllegalArgumentException(name + " must be finite, got " + s[i][k] + " at [" + i + ", "
                            + k + "]");
                }
            }
        }
        return d;
    }

    /**
     * \( \delta_{ij} = \| x_i - y_j \|_2^2 \), after validating both sequences.
     *
     * @param x \( n \times d \)
     * @param y \( m \times d \)
     * @return \( n \times m \); an entry overflows to \( +\infty \) only for differences beyond \( 10^{154} \)
     * @throws IllegalArgumentException as {@link #require} does, or {@code "x has 2 channels, y has 3"}
     */
    public static double[][] squaredDistances(double[][] x, double[][] y) {
        int d = require("x", x);
        int dy = require("y", y);
        if (d != dy) {
            throw new IllegalArgumentException("x has " + d + " channels, y has " + dy);
        }
        double[][] cost = new double[x.length][y.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                double s = 0.0;
                for (int k = 0; k < d; k++) {
                    double diff = x[i][k] - y[j][k];
                    s += diff * diff;
                }
                cost[i][j] = s;
            }
        }
        return cost;
    }
}
