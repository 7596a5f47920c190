package dev.fovea.alignment.softdtw;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A parameter-free DJL block computing soft-DTW or its divergence: inputs {@code (x, y)} of shapes \( (n, d) \) and
 * \( (m, d) \), output one scalar. It only calls {@link DifferentiableSoftDtw}; use it as a differentiable alignment
 * loss inside a larger model (e.g. after per-sequence encoders, as deep CTW-style training does).
 */
public final class SoftDtwBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final double gamma;
    private final boolean divergence;

    private SoftDtwBlock(double gamma, boolean divergence) {
        super(VERSION);
        SoftDtw.of(gamma);
        this.gamma = gamma;
        this.divergence = divergence;
    }

    /**
     * The raw value \( \operatorname{sdtw}_\gamma(x, y) \).
     *
     * @throws IllegalArgumentException if {@code gamma} is not positive and finite
     */
    public static SoftDtwBlock value(double gamma) {
        return new SoftDtwBlock(gamma, false);
    }

    /**
     * The divergence \( D_\gamma(x, y) \), zero on identical inputs.
     *
     * @throws IllegalArgumentException if {@code gamma} is not positive and finite
     */
    public static SoftDtwBlock divergence(double gamma) {
        return new SoftDtwBlock(gamma, true);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("inputs must hold x and y, got " + inputs.size() + " arrays");
        }
        return new NDList(divergence ? DifferentiableSoftDtw.divergence(inputs.get(0), inputs.get(1), gamma)
                : DifferentiableSoftDtw.value(inputs.get(0), inputs.get(1), gamma));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }
}
