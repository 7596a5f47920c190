package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.fovea.attention.discrete.Softmax;
import java.util.Objects;

/**
 * 1-D continuous attention over the positions of a sequence (Martins et al. 2020, §5.1–5.2), with continuous softmax
 * or continuous sparsemax as a parameter:
 * <ol>
 *   <li>position scores \( s \) \( [B, L] \) \( \to \) \( p = \operatorname{softmax}(s) \);</li>
 *   <li>\( p \to (\mu, v) \) over the cell centres \( (l + \tfrac12)/L \) of a {@link UnitIntervalGrid}
 *       ({@link MomentMatching#fromSequence(NDArray)}, floor \( h^2/12 \)); the score scale is \( \sigma^2 = v \)
 *       for softmax and \( \sigma^2 = \tfrac23 (5v)^{3/2} \) for sparsemax ({@link MomentMatching#parabolaScale}), so
 *       that either density has exactly the mean and variance of \( p \);</li>
 *   <li>\( r_j = \mathbb{E}[\psi_j] \) in closed form ({@link ContinuousSoftmax1} or {@link ContinuousSparsemax1});</li>
 *   <li>context \( c = V^\top G r \) through the ridge value function ({@link RidgeValueFunction1}), fitted once per
 *       sequence length in double precision, optionally with padding.</li>
 * </ol>
 * Inputs: {@code scores} \( [B, L] \), {@code values} \( [B, L, D] \). Outputs: {@code context} \( [B, D] \) and the
 * attention map \( [B, L] \): the density at the cell centres normalised to sum 1 (for sparsemax, positions outside
 * the support get exactly 0; a support that holds no centre gives an all-zero row).
 *
 * <p>No parameters. Thread-safe.
 */
public final class ContinuousSequenceAttention extends ValueFunctionAttention<RidgeValueFunction1> {

    private static final byte VERSION = 1;

    private final ContinuousMapping mapping;
    private final GaussianBasis1 basis;

    /**
     * @param mapping         softmax or sparsemax
     * @param basis           the value basis \( \psi \)
     * @param ridge           the ridge penalty \( \lambda &gt; 0 \) of the value function
     * @param padCellsPerSide zero-valued padding cells beyond each end in the value function's fit (0: none; see
     *                        {@link RidgeValueFunction1#halfLengthPadding(int)} for the reference choice)
     * @throws IllegalArgumentException if {@code ridge} is not finite and positive or {@code padCellsPerSide < 0}
     */
    public ContinuousSequenceAttention(ContinuousMapping mapping, GaussianBasis1 basis, double ridge, int padCellsPerSide) {
        super(VERSION, ridge, padCellsPerSide);
        this.mapping = Objects.requireNonNull(mapping, "mapping must not be null");
        this.basis = Objects.requireNonNull(basis, "basis must not be null");
    }

    /** Softmax or sparsemax. */
    public ContinuousMapping mapping() {
        return mapping;
    }

    /** The value basis. */
    public GaussianBasis1 basis() {
        return basis;
    }

    @Override
    RidgeValueFunction1 fit(long length) {
        return RidgeValueFunction1.fit(basis, UnitIntervalGrid.of(Math.toIntExact(length)), ridge(), padCellsPerSide());
    }

    /**
     * The functional form of this block: steps 1–4 of the class comment.
     *
     * @param mapping       softmax or sparsemax
     * @param scores        \( [B, L] \) for the grid of {@code valueFunction}
     * @param values        \( [B, L, D] \)
     * @param valueFunction the fitted value function for length \( L \)
     * @return {@code context} \( [B, D] \) and the normalised density at the cell centres \( [B, L] \)
     * @throws IllegalArgumentException if a shape does not fit
     */
    public static NDList attend(ContinuousMapping mapping, NDArray scores, NDArray values, RidgeValueFunction1 valueFunction) {
        NDArray probabilities = Softmax.apply(scores, -1);
        MomentMatching.Moments1 moments = MomentMatching.fromSequence(probabilities);
        if (moments.mean().getShape().get(0) != values.getShape().get(0)
                || scores.getShape().get(1) != valueFunction.grid().cells()) {
            throw new IllegalArgumentException("scores have shape " + scores.getShape() + ", values "
                    + values.getShape() + ", the value function " + valueFunction.grid().cells() + " cells");
        }
        var manager = scores.getManager();
        var type = scores.getDataType();
        NDArray basisMeans = valueFunction.basis().means(manager, type);
        NDArray basisVariances = valueFunction.basis().variances(manager, type);
        NDArray centres = valueFunction.grid().centres(manager, type);
        NDArray expectation;
        NDArray density;
        if (mapping == ContinuousMapping.SOFTMAX) {
            expectation = ContinuousSoftmax1.expectation(moments.mean(), moments.variance(), basisMeans, basisVariances);
            density = ContinuousSoftmax1.density(moments.mean(), moments.variance(), centres);
        } else {
            NDArray scale = MomentMatching.parabolaScale(moments.variance());
            expectation = ContinuousSparsemax1.expectation(moments.mean(), scale, basisMeans, basisVariances);
            density = ContinuousSparsemax1.density(moments.mean(), scale, centres);
        }
        NDArray context = valueFunction.context(values, expectation);
        return new NDList(context, AttentionMaps.normalisedRows(density));
    }

    @Override
    NDList attendWith(NDArray scores, NDArray values, RidgeValueFunction1 valueFunction) {
        return attend(mapping, scores, values, valueFunction);
    }

    @Override
    public String toString() {
        return "ContinuousSequenceAttention(" + mapping.id() + ", basis of " + basis.size() + ", ridge " + ridge()
                + ", padding " + padCellsPerSide() + ")";
    }
}
