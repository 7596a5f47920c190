package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.fovea.attention.discrete.Softmax;

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
 * The sparsemax counterpart is {@link ContinuousSparsemaxAttention}. Thread-safe.
 */
public final class ContinuousSoftmaxAttention extends UnitSquareAttention {

    private static final byte VERSION = 1;

    /**
     * @param basis the value basis \( \psi \)
     * @param ridge the ridge penalty \( \lambda > 0 \) of the value function (no padding)
     * @throws IllegalArgumentException if {@code ridge} is not finite and positive
     */
    public ContinuousSoftmaxAttention(GaussianBasis2 basis, double ridge) {
        this(basis, ridge, 0);
    }

    /**
     * @param basis           the value basis \( \psi \)
     * @param ridge           the ridge penalty \( \lambda > 0 \) of the value function
     * @param padCellsPerSide the zero-valued ring of the value function's fit, in cells (see {@link RidgeValueFunction})
     * @throws IllegalArgumentException if {@code ridge} is not finite and positive or {@code padCellsPerSide < 0}
     */
    public ContinuousSoftmaxAttention(GaussianBasis2 basis, double ridge, int padCellsPerSide) {
        super(VERSION, basis, ridge, padCellsPerSide);
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
    NDList attendWith(NDArray scores, NDArray values, RidgeValueFunction valueFunction) {
        return attend(scores, values, valueFunction);
    }

    @Override
    public String toString() {
        return "ContinuousSoftmaxAttention(basis of " + basis().size() + ", ridge " + ridge() + ")";
    }
}
