package dev.fovea.attention.spatial;

import java.util.Locale;

/**
 * What {@link GridSample} reads outside the input (PyTorch's {@code padding_mode} of {@code grid_sample}).
 */
public enum Padding {

    /** Every tap outside the input reads 0, tap by tap (a bilinear sample half outside mixes pixels and zeros). */
    ZEROS,

    /** The coordinate is clamped to \( [0, \mathit{size} - 1] \) in pixels: the border pixels extend outwards. */
    BORDER,

    /**
     * The coordinate is reflected about the input's edges and then clamped (PyTorch's {@code reflect_coordinates}
     * followed by {@code clip_coordinates}): about the centres of the corner pixels, \( [0, \mathit{size} - 1] \),
     * when corners are aligned; about their outer edges, \( [-\tfrac12, \mathit{size} - \tfrac12] \), otherwise.
     */
    REFLECTION;

    /**
     * The padding named {@code zeros}, {@code border} or {@code reflection}.
     *
     * @throws IllegalArgumentException for any other name
     *                                  ({@code "padding must be zeros, border or reflection, got wrap"})
     */
    public static Padding parse(String name) {
        for (Padding padding : values()) {
            if (padding.name().toLowerCase(Locale.ROOT).equals(name)) {
                return padding;
            }
        }
        throw new IllegalArgumentException("padding must be zeros, border or reflection, got " + name);
    }
}
