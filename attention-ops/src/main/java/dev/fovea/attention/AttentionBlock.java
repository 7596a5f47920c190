package dev.fovea.attention;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;

/**
 * The contract every attention block of Fovea shares, whatever maps scores to weights: inputs {@code scores}
 * \( [B, L] \) over \( L \) positions and {@code values} \( [B, L, D] \) (optionally more, e.g. a mask); outputs the
 * {@code context} \( [B, D] \) and the {@code attention} map \( [B, L] \), each row non-negative and summing to 1
 * (or all zeros for a fully masked row).
 *
 * <p>A model holds its attention as this type, so discrete, continuous and later sparse or mixture attention are
 * swapped by configuration. Subclasses only fetch their parameters (if any) and call their functional form.
 */
public abstract class AttentionBlock extends AbstractBlock {

    /**
     * @param version the block's serialization version
     */
    protected AttentionBlock(byte version) {
        super(version);
    }

    /** {@code context} \( [B, D] \) and {@code attention} \( [B, L] \) from {@code scores} and {@code values}. */
    @Override
    public final Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape scores = inputShapes[0];
        Shape values = inputShapes[1];
        return new Shape[] {new Shape(values.get(0), values.get(2)), scores};
    }
}
