package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.fovea.attention.AttentionBlock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the 2-D continuous attention blocks share: a Gaussian value basis, the ridge penalty and padding of the value
 * function, and the cache of fitted {@link RidgeValueFunction}s per grid size. Subclasses supply the functional form.
 */
abstract class UnitSquareAttention extends AttentionBlock {

    private final GaussianBasis2 basis;
    private final double ridge;
    private final int padCellsPerSide;
    private final Map<Integer, RidgeValueFunction> valueFunctions = new ConcurrentHashMap<>();

    UnitSquareAttention(byte version, GaussianBasis2 basis, double ridge, int padCellsPerSide) {
        super(version);
        this.basis = Objects.requireNonNull(basis, "basis must not be null");
        if (!(ridge > 0.0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and > 0, got " + ridge);
        }
        if (padCellsPerSide < 0) {
            throw new IllegalArgumentException("padCellsPerSide must be >= 0, got " + padCellsPerSide);
        }
        this.ridge = ridge;
        this.padCellsPerSide = padCellsPerSide;
    }

    /** The value basis. */
    public GaussianBasis2 basis() {
        return basis;
    }

    /** The ridge penalty \( \lambda \). */
    public double ridge() {
        return ridge;
    }

    /** The padding ring of the value function, in cells beyond each side of the square (0: none). */
    public int padCellsPerSide() {
        return padCellsPerSide;
    }

    /** The value function for a grid of {@code cellCount} cells, fitted on first use and cached. */
    public RidgeValueFunction valueFunction(long cellCount) {
        UnitSquareGrid grid = UnitSquareGrid.ofCellCount(cellCount);
        return valueFunctions.computeIfAbsent(
                grid.cellsPerSide(), side -> RidgeValueFunction.fit(basis, grid, ridge, padCellsPerSide));
    }

    /** The functional form of the subclass for one batch. */
    abstract NDList attendWith(NDArray scores, NDArray values, RidgeValueFunction valueFunction);

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
