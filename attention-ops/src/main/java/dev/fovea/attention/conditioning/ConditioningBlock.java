package dev.fovea.attention.conditioning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * The contract of every conditioning block: features \( x \) \( [B, C, \dots] \) (channels on axis 1, any number of
 * spatial axes after it, possibly none) and a conditioning vector \( z \) \( [B, d] \) in; conditioned features
 * \( [B, C', \dots] \) out. The sizes \( C \) and \( d \) are fixed when the block is built, so a mismatch is reported
 * in the block's terms ({@code "features have 8 channels, the block was built for 4"}). Subclasses only fetch their
 * parameters and call their static function.
 */
public abstract sealed class ConditioningBlock extends AbstractBlock
        permits Film, ConditionalScaling, ConditionalBiasing, ConcatenationConditioning {

    private final long channels;
    private final long conditionSize;

    ConditioningBlock(byte version, long channels, long conditionSize) {
        super(version);
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        if (conditionSize < 1) {
            throw new IllegalArgumentException("conditionSize must be >= 1, got " + conditionSize);
        }
        this.channels = channels;
        this.conditionSize = conditionSize;
    }

    /** \( C \), the channels of the features. */
    public final long channels() {
        return channels;
    }

    /** \( d \), the size of the conditioning vector. */
    public final long conditionSize() {
        return conditionSize;
    }

    /** The output channels \( C' \) (\( C \) except for {@link ConcatenationConditioning}). */
    long outputChannels() {
        return channels;
    }

    /** A \( (\text{rows}, d) \) weight with DJL's default weight initialiser. */
    final Parameter addWeight(String name, long rows, long columns) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, columns)).build());
    }

    /** A bias of {@code size} entries, all initialised to {@code value} (0 or 1). */
    final Parameter addBias(String name, long size, int value) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.BIAS)
                .optShape(new Shape(size)).optInitializer(value == 1 ? Initializer.ONES : Initializer.ZEROS).build());
    }

    /** \( W z + b \) with a weight \( (\text{rows}, d) \) and a bias of this block, on the condition's device. */
    final NDArray affine(ParameterStore parameterStore, Parameter weight, Parameter bias, NDArray condition,
                         boolean training) {
        var device = condition.getDevice();
        return Linear.linear(condition, parameterStore.getValue(weight, device, training),
                parameterStore.getValue(bias, device, training)).get(0);
    }

    /** The conditioned features, computed by the subclass's static function. */
    abstract NDArray condition(ParameterStore parameterStore, NDArray features, NDArray condition, boolean training);

    @Override
    protected final NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        requireInputs(inputs.getShapes());
        return new NDList(condition(parameterStore, inputs.get(0), inputs.get(1), training));
    }

    @Override
    public final Shape[] getOutputShapes(Shape[] inputShapes) {
        requireInputs(inputShapes);
        long[] shape = inputShapes[0].getShape().clone();
        shape[1] = outputChannels();
        return new Shape[] {new Shape(shape)};
    }

    @Override
    protected final void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        requireInputs(inputShapes);
    }

    private void requireInputs(Shape[] shapes) {
        if (shapes.length != 2) {
            throw new IllegalArgumentException(
                    "a conditioning block takes features and a condition, got " + shapes.length + " inputs");
        }
        if (shapes[0].dimension() < 2) {
            throw new IllegalArgumentException("features must have shape (B, C, ...), got " + shapes[0]);
        }
        if (shapes[0].get(1) != channels) {
            throw new IllegalArgumentException(
                    "features have " + shapes[0].get(1) + " channels, the block was built for " + channels);
        }
        if (shapes[1].dimension() != 2 || shapes[1].get(1) != conditionSize) {
            throw new IllegalArgumentException(
                    "condition must have shape (B, " + conditionSize + "), got " + shapes[1]);
        }
        if (shapes[1].get(0) != shapes[0].get(0)) {
            throw new IllegalArgumentException(
                    "features have batch " + shapes[0].get(0) + ", condition " + shapes[1].get(0));
        }
    }
}
