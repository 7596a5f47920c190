package dev.fovea.alignment.softdtw;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.fovea.alignment.dtw.Window;

/**
 * A parameter-free DJL block computing soft-DTW or its divergence: inputs {@code (x, y)} of shapes \( (n, d) \) and
 * \( (m, d) \), output one scalar. It only calls {@link DifferentiableSoftDtw}; use it as a differentiable alignment
 * loss inside a larger model (e.g. after per-sequence encoders, as deep CTW-style training does). An optional
 * {@link Window} restricts the paths as in {@link SoftDtw}.
 */
public final class SoftDtwBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final double gamma;
    private final boolean divergence;
    private final Window window;

    private SoftDtwBlock(double gamma, boolean divergence, Window window) {
        super(VERSION);
        SoftDtw kernel = SoftDtw.of(gamma, window);
        if (divergence) {
            kernel.requireSelfTerms();
        }
        this.gamma = gamma;
        this.divergence = divergence;
        this.window = window;
    }

    /**
     * The raw value \( \operatorname{sdtw}_\gamma(x, y) \).
     *
     * @throws IllegalArgumentException if {@code gamma} is not positive and finite
     */
    public static SoftDtwBlock value(double gamma) {
        return new SoftDtwBlock(gamma, false, Window.none());
    }

    /**
     * The raw value within a window.
     *
     * @throws IllegalArgumentException if {@code gamma} is not positive and finite
     */
    public static SoftDtwBlock value(double gamma, Window window) {
        return new SoftDtwBlock(gamma, false, window);
    }

    /**
     * The divergence \( D_\gamma(x, y) \), zero on identical inputs.
     *
     * @throws IllegalArgumentException if {@code gamma} is not positive and finite
     */
    public static SoftDtwBlock divergence(double gamma) {
        return new SoftDtwBlock(gamma, true, Window.none());
    }

    /**
     * The divergence within a window (self-terms as in {@link SoftDtw#divergence}).
     *
     * @throws IllegalArgumentException if {@code gamma} is not positive and finite or the window is a mask
     */
    public static SoftDtwBlock divergence(double gamma, Window window) {
        return new SoftDtwBlock(gamma, true, window);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("inputs must hold x and y, got " + inputs.size() + " arrays");
        }
        return new NDList(divergence ? DifferentiableSoftDtw.divergence(inputs.get(0), inputs.get(1), gamma, window)
                : DifferentiableSoftDtw.value(inputs.get(0), inputs.get(1), gamma, window));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }
}
