package dev.fovea.attention.conditioning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.fovea.math.Finite;

/**
 * Concatenation-based conditioning: \( z \) is copied to every spatial position, stacked under the channels of
 * \( x \), and a per-position linear layer mixes the result,
 * \( y_{\cdot s} = W [x_{\cdot s}; z] + b \) with \( W \in \mathbb{R}^{C' \times (C + d)} \) (a 1×1 convolution on
 * images). Splitting \( W = [W_x\ W_z] \) shows \( y = W_x x + (W_z z + b) \): concatenation followed by a linear layer
 * is conditional biasing after a linear layer (Dumoulin et al., "Feature-wise transformations", Distill 2018).
 *
 * <p>Three layers: {@link #concatenate(double[][], double[])} (double kernel of the concatenation),
 * {@link #concatenate(NDArray, NDArray)} (differentiable) and this block ({@link #of(long, long, long)}), which also
 * applies the linear layer. Parameters: {@code weight} \( (C', C + d) \), {@code bias} \( (C') \) (zeros).
 */
public final class ConcatenationConditioning extends ConditioningBlock {

    private static final byte VERSION = 1;

    private final long outputChannels;
    private final Parameter weight;
    private final Parameter bias;

    private ConcatenationConditioning(long channels, long conditionSize, long outputChannels) {
        super(VERSION, channels, conditionSize);
        if (outputChannels < 1) {
            throw new IllegalArgumentException("outputChannels must be >= 1, got " + outputChannels);
        }
        this.outputChannels = outputChannels;
        weight = addWeight("weight", outputChannels, channels + conditionSize);
        bias = addBias("bias", outputChannels, 0);
    }

    /**
     * @throws IllegalArgumentException if a size is below 1 ({@code "outputChannels must be >= 1, got 0"})
     */
    public static ConcatenationConditioning of(long channels, long conditionSize, long outputChannels) {
        return new ConcatenationConditioning(channels, conditionSize, outputChannels);
    }

    /**
     * The double kernel for one sample: \( [x; z \mathbf 1^\top] \), \( (C + d) \times S \).
     *
     * @param features  \( C \ge 1 \) channels of \( S \) positions
     * @param condition \( z \), \( d \) entries
     * @throws IllegalArgumentException if a value is not finite
     */
    public static double[][] concatenate(double[][] features, double[] condition) {
        Finite.check("features", features);
        Finite.check("condition", condition);
        int positions = features.length == 0 ? 0 : features[0].length;
        double[][] y = new double[features.length + condition.length][];
        for (int c = 0; c < features.length; c++) {
            y[c] = features[c].clone();
        }
        for (int j = 0; j < condition.length; j++) {
            y[features.length + j] = new double[positions];
            java.util.Arrays.fill(y[features.length + j], condition[j]);
        }
        return y;
    }

    /**
     * \( [x; z] \) along axis 1 with \( z \) broadcast over the spatial axes; differentiable in both.
     *
     * @param features  \( [B, C, \dots] \)
     * @param condition \( [B, d] \)
     * @return \( [B, C + d, \dots] \)
     * @throws IllegalArgumentException if the batch sizes differ or {@code condition} is not 2-D
     */
    public static NDArray concatenate(NDArray features, NDArray condition) {
        Shape f = features.getShape();
        Shape z = condition.getShape();
        if (z.dimension() != 2 || f.dimension() < 2 || z.get(0) != f.get(0)) {
            throw new IllegalArgumentException("condition must have shape (" + f.get(0) + ", d), features "
                    + f + ", got " + z);
        }
        long[] target = f.getShape().clone();
        target[1] = z.get(1);
        long[] column = new long[f.dimension()];
        java.util.Arrays.fill(column, 1L);
        column[0] = z.get(0);
        column[1] = z.get(1);
        return features.concat(condition.reshape(new Shape(column)).broadcast(new Shape(target)), 1);
    }

    @Override
    long outputChannels() {
        return outputChannels;
    }

    @Override
    NDArray condition(ParameterStore parameterStore, NDArray features, NDArray condition, boolean training) {
        var device = features.getDevice();
        NDArray stacked = concatenate(features, condition);
        Shape shape = stacked.getShape();
        NDArray flat = stacked.reshape(shape.get(0), shape.get(1), -1);
        NDArray w = parameterStore.getValue(weight, device, training);
        NDArray b = parameterStore.getValue(bias, device, training);
        NDArray mixed = w.matMul(flat).add(b.reshape(1, outputChannels, 1));
        long[] out = shape.getShape().clone();
        out[1] = outputChannels;
        return mixed.reshape(new Shape(out));
    }

    @Override
    public String toString() {
        return "ConcatenationConditioning(channels " + channels() + ", condition " + conditionSize() + " → "
                + outputChannels + ")";
    }
}
