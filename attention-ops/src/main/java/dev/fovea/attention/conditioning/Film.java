package dev.fovea.attention.conditioning;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * Feature-wise linear modulation, FiLM (Perez, Strub, de Vries, Dumoulin and Courville, "FiLM: Visual Reasoning with a
 * General Conditioning Layer", AAAI 2018, eq. 1–3): \( \operatorname{FiLM}(x \mid z)_{c} = \gamma_c(z)\, x_c +
 * \beta_c(z) \), one scale and one shift per channel \( c \), shared by every spatial position.
 *
 * <p>Here \( \gamma(z) = W_\gamma z + b_\gamma \) and \( \beta(z) = W_\beta z + b_\beta \) (the paper's FiLM generator
 * is any function of \( z \); the linear map is its simplest instance, and a deeper generator can feed
 * {@link #apply(NDArray, NDArray, NDArray)} directly). \( b_\gamma \) starts at 1 and \( b_\beta \) at 0, so a fresh
 * block with small weights is close to the identity.
 *
 * <p>Three layers: {@link #apply(double[][], double[], double[])} (double kernel), {@link #apply(NDArray, NDArray,
 * NDArray)} (differentiable) and this block ({@link #of(long, long)}). Parameters: {@code gammaWeight}
 * \( (C, d) \), {@code gammaBias} \( (C) \), {@code betaWeight} \( (C, d) \), {@code betaBias} \( (C) \).
 */
public final class Film extends ConditioningBlock {

    private static final byte VERSION = 1;

    private final Parameter gammaWeight;
    private final Parameter gammaBias;
    private final Parameter betaWeight;
    private final Parameter betaBias;

    private Film(long channels, long conditionSize) {
        super(VERSION, channels, conditionSize);
        gammaWeight = addWeight("gammaWeight", channels, conditionSize);
        gammaBias = addBias("gammaBias", channels, 1);
        betaWeight = addWeight("betaWeight", channels, conditionSize);
        betaBias = addBias("betaBias", channels, 0);
    }

    /**
     * A FiLM block for \( C \) channels conditioned on \( d \)-vectors.
     *
     * @throws IllegalArgumentException if a size is below 1 ({@code "channels must be >= 1, got 0"})
     */
    public static Film of(long channels, long conditionSize) {
        return new Film(channels, conditionSize);
    }

    /**
     * The double kernel for one sample: \( y_{cs} = \gamma_c x_{cs} + \beta_c \).
     *
     * @param features \( x \), \( C \) channels of \( S \) positions each
     * @param gamma    \( C \) scales
     * @param beta     \( C \) shifts
     * @return a new \( C \times S \) array
     * @throws IllegalArgumentException if the channel counts differ or a value is not finite
     */
    public static double[][] apply(double[][] features, double[] gamma, double[] beta) {
        ChannelVectors.kernel(features, "gamma", gamma);
        ChannelVectors.kernel(features, "beta", beta);
        double[][] y = new double[features.length][];
        for (int c = 0; c < y.length; c++) {
            y[c] = new double[features[c].length];
            for (int s = 0; s < y[c].length; s++) {
                y[c][s] = gamma[c] * features[c][s] + beta[c];
            }
        }
        return y;
    }

    /**
     * \( \gamma \odot x + \beta \) per channel; differentiable in all three.
     *
     * @param features \( [B, C, \dots] \)
     * @param gamma    \( [B, C] \)
     * @param beta     \( [B, C] \)
     * @return the shape of {@code features}
     * @throws IllegalArgumentException if a shape does not fit ({@code "gamma must have shape (2, 4) (batch,
     *                                  channels), got (2, 3)"})
     */
    public static NDArray apply(NDArray features, NDArray gamma, NDArray beta) {
        return features.mul(ChannelVectors.perChannel("gamma", gamma, features))
                .add(ChannelVectors.perChannel("beta", beta, features));
    }

    @Override
    NDArray condition(ParameterStore parameterStore, NDArray features, NDArray condition, boolean training) {
        return apply(features, affine(parameterStore, gammaWeight, gammaBias, condition, training),
                affine(parameterStore, betaWeight, betaBias, condition, training));
    }

    @Override
    public String toString() {
        return "Film(channels " + channels() + ", condition " + conditionSize() + ")";
    }
}
