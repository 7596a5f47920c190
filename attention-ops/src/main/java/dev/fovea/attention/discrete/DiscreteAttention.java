package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.fovea.attention.AttentionBlock;
import java.util.Objects;

/**
 * Attention over \( L \) discrete positions: scores \( \to \) probabilities \( p = \pi(s) \) by a
 * {@link SimplexMapping} \( \pi \) \( \to \) context \( c = \sum_{l} p_l v_l = V^\top p \).
 *
 * <p>Inputs: {@code scores} \( [B, L] \), {@code values} \( [B, L, D] \), optionally {@code mask} \( [B, L] \)
 * (boolean or 0/1; a fully masked row gets all-zero weights and a zero context, whatever the mapping). Outputs:
 * {@code context} \( [B, D] \) and {@code probabilities} \( [B, L] \), the attention map.
 *
 * <p>The block has no parameters: the scores come from the model that owns it. The functional form is
 * {@link #weightedSum(NDArray, NDArray)} after {@link SimplexMapping#apply}.
 */
public final class DiscreteAttention extends AttentionBlock {

    private static final byte VERSION = 1;

    private final SimplexMapping mapping;

    /**
     * @param mapping the normaliser, e.g. {@link SimplexMapping#softmax()} or {@link SimplexMapping#sparsemax()}
     */
    public DiscreteAttention(SimplexMapping mapping) {
        super(VERSION);
        this.mapping = Objects.requireNonNull(mapping, "mapping must not be null");
    }

    /** The normaliser. */
    public SimplexMapping mapping() {
        return mapping;
    }

    /**
     * The weighted sum \( c_b = \sum_l w_{bl} v_{bl} \), i.e. \( c = V^\top w \) per batch row; differentiable.
     *
     * @param weights \( [B, L] \)
     * @param values  \( [B, L, D] \)
     * @return \( [B, D] \)
     * @throws IllegalArgumentException if the shapes do not fit ({@code "values have shape (2, 5, 3), weights (2, 4)"})
     */
    public static NDArray weightedSum(NDArray weights, NDArray values) {
        Shape w = weights.getShape();
        Shape v = values.getShape();
        if (w.dimension() != 2 || v.dimension() != 3 || w.get(0) != v.get(0) || w.get(1) != v.get(1)) {
            throw new IllegalArgumentException(
                    "values must have shape (B, L, D) and weights (B, L): values have shape " + v + ", weights " + w);
        }
        return weights.expandDims(1).matMul(values).squeeze(1);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray scores = inputs.get(0);
        NDArray values = inputs.get(1);
        NDArray probabilities = inputs.size() > 2
                ? mapping.apply(scores, inputs.get(2), -1)
                : mapping.apply(scores, -1);
        return new NDList(weightedSum(probabilities, values), probabilities);
    }

    @Override
    public String toString() {
        return "DiscreteAttention(" + mapping + ")";
    }
}
