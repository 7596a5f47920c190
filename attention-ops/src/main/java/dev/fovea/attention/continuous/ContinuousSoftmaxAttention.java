package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.fovea.attention.AttentionBlock;
import dev.fovea.attention.discrete.Softmax;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 2-D continuous softmax attention over the cells of a square grid (Martins et al. 2020, §5.3, the VQA variant):
 * <ol>
 *   <li>cell scores \( s \) \( [B, L] \), \( L = G^2 \) \( \to \) discrete softmax \( p = \operatorname{softmax}(s) \);</li>
 *   <li>\( p \to (\mu, \Sigma) \) by {@link MomentMatching#fromGrid(NDArray, int)}: the attention density is
 *       \( \mathcal{N}(t; \mu, \Sigma) \) on the unit square;</li>
 *   <li>\( r_j = \mathbb{E}[\psi_j] \) in closed form by
 *       {@link ContinuousSoftmax2#expectation(NDArray, NDArray, NDArray, NDArray)};</li>
 *   <li>context \( c = V^\top G r \) through the ridge-regression value function ({@link RidgeValueFunction}).</li>
 * </ol>
 * Inputs: {@code scores} \( [B, L] \), {@code values} \( [B, L, D] \). Outputs: {@code context} \( [B, D] \) and the
 * attention map \( [B, L] \): the density \( \mathcal{N}(t_l; \mu, \Sigma) \) at the cell centres, normalised to sum
 * 1 over the cells (a display of the continuous density on the grid, not the intermediate discrete softmax).
 *
 * <p>No parameters; the ridge weights \( G \) are computed once per grid size (in double precision) and cached.
 * Thread-safe.
 */
public final class ContinuousSoftmaxAttention extends AttentionBlock {

    private static final byte VERSION = 1;

    private final GaussianBasis2 basis;
    private final double ridge;
    private final Map<Integer, RidgeValueFunction> valueFunctions = new ConcurrentHashMap<>();

    /**
     * @param basis the value basis \( \psi \)
     * @param ridge the ridge penalty \( \lambda > 0 \) of the value function
     * @throws IllegalArgumentException if {@code ridge} is not finite and positive
     */
    public ContinuousSoftmaxAttention(GaussianBasis2 basis, double ridge) {
        super(VERSION);
        this.basis = Objects.requireNonNull(basis, "basis must not be null");
        if (!(ridge > 0.0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and > 0, got " + ridge);
        }
        this.ridge = ridge;
    }

    /** The value basis. */
    public GaussianBasis2 basis() {
        return basis;
    }

    /** The ridge penalty \( \lambda \). */
    public double ridge() {
        return ridge;
    }

    /**
     * The functional form of this block: steps 1–4 of the class comment.
     *
     * @param scores        \( [B, L] \) with \( L = G^2 \) for the grid of {@code valueFunction}
     * @param values        \( [B, L, D] \)
     * @param valueFunction the fitted ridge value function for that grid
     * @return {@code context} \( [B, D] \) and the normalised density at the cell centres \( [B, L] \)
     * @throws IllegalArgumentException if a shape does not fit
     */
    public static NDList attend(NDArray scores, NDArray values, RidgeValueFunction valueFunction) {
        UnitSquareGrid grid = valueFunction.grid();
        NDArray probabilities = Softmax.apply(scores, -1);
        MomentMatching.Moments moments = MomentMatching.fromGrid(probabilities, grid.cellsPerSide());
        var manager = scores.getManager();
        var type = scores.getDataType();
        NDArray expectation = ContinuousSoftmax2.expectation(moments.mean(), moments.covariance(),
                valueFunction.basis().means(manager, type), valueFunction.basis().covariances(manager, type));
        NDArray context = valueFunction.context(values, expectation);
        NDArray density = ContinuousSoftmax2.density(moments.mean(), moments.covariance(), grid.centres(manager, type));
        NDArray map = density.div(density.sum(new int[] {1}, true));
        return new NDList(context, map);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray scores = inputs.get(0);
        if (scores.getShape().dimension() != 2) {
            throw new IllegalArgumentException("scores must have shape (B, L), got " + scores.getShape());
        }
        return attend(scores, inputs.get(1), valueFunction(scores.getShape().get(1)));
    }

    /** The value function for a grid of {@code cellCount} cells, fitted on first use. */
    public RidgeValueFunction valueFunction(long cellCount) {
        UnitSquareGrid grid = UnitSquareGrid.ofCellCount(cellCount);
        return valueFunctions.computeIfAbsent(
                grid.cellsPerSide(), side -> RidgeValueFunction.fit(basis, grid, ridge));
    }

    @Override
    public String toString() {
        return "ContinuousSoftmaxAttention(basis of " + basis.size() + ", ridge " + ridge + ")";
    }
}
