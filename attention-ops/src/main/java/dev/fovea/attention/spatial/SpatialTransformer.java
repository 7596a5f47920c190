package dev.fovea.attention.spatial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;

/**
 * The spatial transformer module (Jaderberg et al. 2015, §3, Fig. 2): a localisation network maps the input
 * \( U \) \( [N, C, H, W] \) to transformation parameters \( \theta \) \( [N, P] \), a {@link GridGenerator} turns
 * them into a sampling grid \( [N, H_o, W_o, 2] \), and {@link GridSample#apply} samples \( U \) there, giving
 * \( V \) \( [N, C, H_o, W_o] \). Outputs: \( V \) and the grid (for display). The whole path is differentiable by
 * DJL autograd, so the localisation network learns from the downstream loss alone.
 *
 * <p>The only parameters are the localisation network's (a child block); its output must have \( N \cdot P \)
 * entries per batch and is reshaped to \( [N, P] \). Initialise its last layer to output
 * {@link GridGenerator#identity()} (zero weights, that bias), as the paper does, so that training starts from the
 * identity transformation.
 */
public final class SpatialTransformer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block localisation;
    private final GridGenerator generator;
    private final int outputHeight;
    private final int outputWidth;
    private final SamplingMode mode;
    private final Padding padding;
    private final boolean alignCorners;

    /**
     * @param localisation the localisation network, input \( [N, C, H, W] \), output \( N \cdot P \) entries
     * @param generator    the transformation family
     * @param outputHeight \( H_o \ge 1 \)
     * @param outputWidth  \( W_o \ge 1 \)
     * @param mode         the sampling kernel
     * @param padding      what is read outside the input
     * @param alignCorners the corner convention of the grid and the sampler
     * @throws IllegalArgumentException if a size is below 1
     */
    public SpatialTransformer(Block localisation, GridGenerator generator, int outputHeight, int outputWidth,
            SamplingMode mode, Padding padding, boolean alignCorners) {
        super(VERSION);
        this.localisation = addChildBlock("localisation",
                Objects.requireNonNull(localisation, "localisation must not be null"));
        this.generator = Objects.requireNonNull(generator, "generator must not be null");
        this.outputHeight = SpatialArguments.positive("outputHeight", outputHeight);
        this.outputWidth = SpatialArguments.positive("outputWidth", outputWidth);
        this.mode = Objects.requireNonNull(mode, "mode must not be null");
        this.padding = Objects.requireNonNull(padding, "padding must not be null");
        this.alignCorners = alignCorners;
    }

    /** The transformation family. */
    public GridGenerator generator() {
        return generator;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        localisation.initialize(manager, dataType, inputShapes[0]);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = inputs.get(0);
        if (input.getShape().dimension() != 4) {
            throw new IllegalArgumentException("input must have shape [N, C, H, W], got " + input.getShape());
        }
        long batch = input.getShape().get(0);
        NDArray theta = localisation.forward(parameterStore, new NDList(input), training, params).singletonOrThrow();
        if (theta.size() != batch * generator.parameterCount()) {
            throw new IllegalArgumentException("localisation must output " + generator.parameterCount()
                    + " parameters per example, got shape " + theta.getShape() + " for " + batch + " examples");
        }
        NDArray grid = generator.grid(theta.reshape(batch, generator.parameterCount()), outputHeight, outputWidth,
                alignCorners);
        return new NDList(GridSample.apply(input, grid, mode, padding, alignCorners), grid);
    }

    /** \( V \) \( [N, C, H_o, W_o] \) and the grid \( [N, H_o, W_o, 2] \). */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), outputHeight, outputWidth),
                new Shape(in.get(0), outputHeight, outputWidth, 2)};
    }

    @Override
    public String toString() {
        return "SpatialTransformer(" + generator + ", " + outputHeight + "×" + outputWidth + ", " + mode + ", "
                + padding + (alignCorners ? ", aligned corners" : "") + ")";
    }
}
