package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.fovea.attention.AttentionBlock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every continuous attention block shares: the ridge penalty and padding of its value function, and the cache of
 * value functions fitted per number of positions \( L \) (they depend on nothing else, so each is fitted once, in
 * double precision). Subclasses supply the basis, the fit and the functional form.
 *
 * @param <V> the value function type
 */
abstract class ValueFunctionAttention<V extends RidgeWeights> extends AttentionBlock {

    private final double ridge;
    private final int padCellsPerSide;
    private final Map<Long, V> valueFunctions = new ConcurrentHashMap<>();

    ValueFunctionAttention(byte version, double ridge, int padCellsPerSide) {
        super(version);
        if (!(ridge > 0.0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and > 0, got " + ridge);
        }
        this.ridge = ridge;
        this.padCellsPerSide = RidgeWeights.requirePadding(padCellsPerSide);
    }

    /** The ridge penalty \( \lambda \) of the value function. */
    public double ridge() {
        return ridge;
    }

    /** The zero-valued padding of the value function's fit, in cells beyond each side (0: none). */
    public int padCellsPerSide() {
        return padCellsPerSide;
    }

    /**
     * The value function for {@code positions} positions (\( L \), e.g. \( G^2 \) cells of a square grid), fitted on
     * first use and cached.
     *
     * @throws IllegalArgumentException if no grid of this block's kind has that many positions
     */
    public V valueFunction(long positions) {
        return valueFunctions.computeIfAbsent(positions, this::fit);
    }

    /** Fits the value function for \( L \) positions. */
    abstract V fit(long positions);

    /** The functional form for one batch with the value function of its length. */
    abstract NDList attendWith(NDArray scores, NDArray values, V valueFunction);

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray scores = inputs.get(0);
        if (scores.getShape().dimension() != 2) {
            throw new IllegalArgumentException("scores must have shape (B, L), got " + scores.getShape());
        }
        return attendWith(scores, inputs.get(1), valueFunction(scores.getShape().get(1)));
    }
}
