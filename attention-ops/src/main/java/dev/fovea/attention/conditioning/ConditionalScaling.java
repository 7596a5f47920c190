package dev.fovea.attention.conditioning;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * Conditional scaling (Dumoulin et al., "Feature-wise transformations", Distill 2018): \( y_c = \gamma_c(z)\, x_c \)
 * with \( \gamma(z) = W_\gamma z + b_\gamma \), i.e. {@link Film} without the shift; \( b_\gamma \) starts at 1.
 *
 * <p>Three layers: {@link #apply(double[][], double[])} (double kernel), {@link #apply(NDArray, NDArray)}
 * (differentiable) and this block ({@link #of(long, long)}). Parameters: {@code gammaWeight} \( (C, d) \),
 * {@code gammaBias} \( (C) \).
 */
public final class ConditionalScaling extends ConditioningBlock {

    private static final byte VERSION = 1;

    private final Parameter gammaWeight;
    private final Parameter gammaBias;

    private ConditionalScaling(long channels, long conditionSize) {
        super(VERSION, channels, conditionSize);
        gammaWeight = addWeight("gammaWeight", channels, conditionSize);
        gammaBias = addBias("gammaBias", channels, 1);
    }

    /**
     * @throws IllegalArgumentException if a size is below 1
     */
    public static ConditionalScaling of(long channels, long conditionSize) {
        return new ConditionalScaling(channels, conditionSize);
    }

    /**
     * The double kernel for one sample: \( y_{cs} = \gamma_c x_{cs} \).
     *
     * @throws IllegalArgumentException if the channel counts differ or a value is not finite
     */
    public static double[][] apply(double[][] features, double[] gamma) {
        return Film.apply(features, gamma, new double[gamma.length]);
    }

    /**
     * \( \gamma \odot x \) per channel; differentiable.
     *
     * @param features \( [B, C, \dots] \)
     * @param gamma    \( [B, C] \)
     * @throws IllegalArgumentException if a shape does not fit
     */
    public static NDArray apply(NDArray features, NDArray gamma) {
        return features.mul(ChannelVectors.perChannel("gamma", gamma, features));
    }

    @Override
    NDArray condition(ParameterStore parameterStore, NDArray features, NDArray condition, boolean training) {
        return apply(features, affine(parameterStore, gammaWeight, gammaBias, condition, training));
    }

    @Override
    public String toString() {
        return "ConditionalScaling(channels " + channels() + ", condition " + conditionSize() + ")";
    }
}
