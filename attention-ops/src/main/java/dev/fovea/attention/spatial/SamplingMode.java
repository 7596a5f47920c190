package dev.fovea.attention.spatial;

import java.util.Locale;

/**
 * How {@link GridSample} reads the input between pixel centres (PyTorch's {@code mode} of {@code grid_sample}).
 */
public enum SamplingMode {

    /**
     * The weighted mean of the four surrounding pixels, weights \( (1 - |x - i|)(1 - |y - j|) \); differentiable with
     * respect to the input and the grid (except where a coordinate is an integer).
     */
    BILINEAR,

    /**
     * The pixel whose centre is nearest, ties to the even index (C's {@code nearbyint}, Java's {@link Math#rint}, as
     * PyTorch); the gradient with respect to the grid is zero.
     */
    NEAREST;

    /**
     * The mode named {@code bilinear} or {@code nearest}.
     *
     * @throws IllegalArgumentException for any other name ({@code "mode must be bilinear or nearest, got bicubic"})
     */
    public static SamplingMode parse(String name) {
        for (SamplingMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode must be bilinear or nearest, got " + name);
    }
}
