package dev.fovea.attention.draw;

import dev.fovea.math.Finite;

/**
 * The five unconstrained numbers that place a DRAW filterbank, as emitted by the linear map of the decoder state
 * (Gregor et al. 2015, eq. 21): \( (\tilde g_X, \tilde g_Y, \log\sigma^2, \log\tilde\delta, \log\gamma) \).
 *
 * <p>\( \tilde g \) is the centre in \( [-1, 1] \) coordinates (\( -1 \) and \( 1 \) are half a pixel outside the
 * first and last pixel, 0 the image centre; values outside \( [-1, 1] \) are allowed and put the grid partly outside),
 * \( \sigma^2 \) the isotropic filter variance in squared pixels, \( \tilde\delta \) the relative stride and
 * \( \gamma \) the intensity. Immutable; the order of the components is the order of the linear map's outputs.
 *
 * @param centerX      \( \tilde g_X \)
 * @param centerY      \( \tilde g_Y \)
 * @param logVariance  \( \log\sigma^2 \)
 * @param logStride    \( \log\tilde\delta \)
 * @param logIntensity \( \log\gamma \)
 */
public record FilterbankParameters(
        double centerX, double centerY, double logVariance, double logStride, double logIntensity) {

    /** The number of components, the output size of the linear map that produces them. */
    public static final int COUNT = 5;

    /**
     * @throws IllegalArgumentException if a component is NaN or infinite ({@code "logVariance must be finite, got NaN"})
     */
    public FilterbankParameters {
        Finite.check("centerX", centerX);
        Finite.check("centerY", centerY);
        Finite.check("logVariance", logVariance);
        Finite.check("logStride", logStride);
        Finite.check("logIntensity", logIntensity);
    }

    /**
     * The parameters from a vector in the order of the linear map's outputs.
     *
     * @throws IllegalArgumentException if the vector does not have 5 entries or one is not finite
     */
    public static FilterbankParameters of(double[] values) {
        if (values.length != COUNT) {
            throw new IllegalArgumentException("filterbank parameters must have 5 entries, got " + values.length);
        }
        return new FilterbankParameters(values[0], values[1], values[2], values[3], values[4]);
    }
}
