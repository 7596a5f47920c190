package dev.fovea.attention.conditioning;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * Conditional biasing (Dumoulin et al., "Feature-wise transformations", Distill 2018): \( y_c = x_c + \beta_c(z) \)
 * with \( \beta(z) = W_\beta z + b_\beta \), i.e. {@link Film} with \( \gamma = 1 \); equivalent to concatenating
 * \( z \) to every position and applying a linear layer ({@link ConcatenationConditioning}).
 *
 * <p>Three layers: {@link #apply(double[][], double[])} (double kernel), {@link #apply(NDArray, NDArray)}
 * (differentiable) and this block ({@link #of(long, long)}). Parameters: {@code betaWeight} \( (C, d) \),
 * {@code betaBias} \( (C) \).
 */
public final class ConditionalBiasing extends ConditioningBlock {

    private static final byte VERSION = 1;

    private final Parameter betaWeight;
    private final Parameter betaBias;

    private ConditionalBiasing(long channels, long conditionSize) {
        super(VERSION, channels, conditionSize);
        betaWeight = addWeight("betaWeight", channels, conditionSize);
        betaBias = addBias("betaBias", channels, 0);
    }

    /**
     * @throws IllegalArgumentException if a size is below 1
     */
    public static ConditionalBiasing of(long channels, long conditionSize) {
        return new ConditionalBiasing(channels, conditionSize);
    }

    /**
     * The double kernel for one sample: \( y_{cs} = x_{cs} + \beta_c \).
     *
     * @throws IllegalArgumentException if the channel counts differ or a value is not finite
     */
    public static double[][] apply(double[][] features, double[] beta) {
        double[] ones = new double[beta.length];
        java.util.Arrays.fill(ones, 1.0);
        return Film.apply(features, ones, beta);
    }

    /**
     * \( x + \beta \) per channel; differentiable.
     *
     * @param features \( [B, C, \dots] \)
     * @param beta     \( [B, C] \)
     * @throws IllegalArgumentException if a shape does not fit
     */
    public static NDArray apply(NDArray features, NDArray beta) {
        return features.add(ChannelVectors.perChannel("beta", beta, features));
    }

    @Override
    NDArray condition(ParameterStore parameterStore, NDArray features, NDArray condition, boolean training) {
        return apply(features, affine(parameterStore, betaWeight, betaBias, condition, training));
    }

    @Override
    public String toString() {
        return "ConditionalBiasing(channels " + channels() + ", condition " + conditionSize() + ")";
    }
}
