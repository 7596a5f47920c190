package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.fovea.attention.discrete.Softmax;

/**
 * 2-D continuous sparsemax attention over the cells of a square grid (Martins et al. 2020, §5.3, the VQA model with
 * the truncated paraboloid): the counterpart of {@link ContinuousSoftmaxAttention} that attends to an elliptical
 * region and gives exactly zero weight outside it.
 * <ol>
 *   <li>cell scores \( s \) \( [B, L] \), \( L = G^2 \) \( \to \) \( p = \operatorname{softmax}(s) \);</li>
 *   <li>\( p \to (\mu, C) \) by {@link MomentMatching#fromGrid(NDArray, int)}, then the score scale
 *       \( \Sigma = 9\pi\sqrt{\det C}\, C \) ({@link MomentMatching#paraboloidScale(NDArray)}): the truncated
 *       paraboloid with exactly the mean and covariance of the cells' distribution;</li>
 *   <li>\( r_j = \mathbb{E}[\psi_j] \) by
 *       {@link ContinuousSparsemax2#expectation(NDArray, NDArray, NDArray, NDArray, int)} with a fixed number of
 *       angles (the block's {@code angleNodes});</li>
 *   <li>context \( c = V^\top G r \) through the ridge-regression value function ({@link RidgeValueFunction}).</li>
 * </ol>
 * Inputs: {@code scores} \( [B, L] \), {@code values} \( [B, L, D] \). Outputs: {@code context} \( [B, D] \) and the
 * attention map \( [B, L] \): the paraboloid's density at the cell centres, normalised to sum 1 over the cells (cells
 * whose centre lies outside the support get exactly 0; a support that holds no centre gives an all-zero row).
 *
 * <p>No parameters; the ridge weights are fitted once per grid size and cached. Thread-safe.
 */
public final class ContinuousSparsemaxAttention extends UnitSquareAttention {

    /** The default angle count: \( 10^{-9} \) for basis functions at least ~0.1 rad wide seen from the centre. */
    public static final int DEFAULT_ANGLE_NODES = 64;

    private static final byte VERSION = 1;

    private final int angleNodes;

    /**
     * A block with {@link #DEFAULT_ANGLE_NODES} angles and no padding.
     *
     * @param basis the value basis \( \psi \)
     * @param ridge the ridge penalty \( \lambda &gt; 0 \) of the value function
     * @throws IllegalArgumentException if {@code ridge} is not finite and positive
     */
    public ContinuousSparsemaxAttention(GaussianBasis2 basis, double ridge) {
        this(basis, ridge, 0, DEFAULT_ANGLE_NODES);
    }

    /**
     * @param basis           the value basis \( \psi \)
     * @param ridge           the ridge penalty \( \lambda &gt; 0 \) of the value function
     * @param padCellsPerSide the zero-valued ring of the value function's fit, in cells (see {@link RidgeValueFunction})
     * @param angleNodes      \( M \ge 8 \) angles of the trapezoid rule (see
     *                        {@link ContinuousSparsemax2#expectation(NDArray, NDArray, NDArray, NDArray, int)})
     * @throws IllegalArgumentException if an argument is out of range
     */
    public ContinuousSparsemaxAttention(GaussianBasis2 basis, double ridge, int padCellsPerSide, int angleNodes) {
        super(VERSION, basis, ridge, padCellsPerSide);
        if (angleNodes < 8) {
            throw new IllegalArgumentException("angleNodes must be >= 8, got " + angleNodes);
        }
        this.angleNodes = angleNodes;
    }

    /** \( M \), the angles of the trapezoid rule. */
    public int angleNodes() {
        return angleNodes;
    }

    /**
     * The functional form of this block: steps 1–4 of the class comment.
     *
     * @param scores        \( [B, L] \) with \( L = G^2 \) for the grid of {@code valueFunction}
     * @param values        \( [B, L, D] \)
     * @param valueFunction the fitted ridge value function for that grid
     * @param angleNodes    \( M \ge 8 \)
     * @return {@code context} \( [B, D] \) and the normalised density at the cell centres \( [B, L] \)
     * @throws IllegalArgumentException if a shape does not fit
     */
    public static NDList attend(NDArray scores, NDArray values, RidgeValueFunction valueFunction, int angleNodes) {
        UnitSquareGrid grid = valueFunction.grid();
        NDArray probabilities = Softmax.apply(scores, -1);
        MomentMatching.Moments moments = MomentMatching.fromGrid(probabilities, grid.cellsPerSide());
        NDArray scale = MomentMatching.paraboloidScale(moments.covariance());
        var manager = scores.getManager();
        var type = scores.getDataType();
        NDArray expectation = ContinuousSparsemax2.expectation(moments.mean(), scale,
                valueFunction.basis().means(manager, type), valueFunction.basis().covariances(manager, type),
                angleNodes);
        NDArray context = valueFunction.context(values, expectation);
        NDArray density = ContinuousSparsemax2.density(moments.mean(), scale, grid.centres(manager, type));
        return new NDList(context, AttentionMaps.normalisedRows(density));
    }

    @Override
    NDList attendWith(NDArray scores, NDArray values, RidgeValueFunction valueFunction) {
        return attend(scores, values, valueFunction, angleNodes);
    }

    @Override
    public String toString() {
        return "ContinuousSparsemaxAttention(basis of " + basis().size() + ", ridge " + ridge() + ", " + angleNodes
                + " angles)";
    }
}
