package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * \( \alpha \)-entmax with a learned \( \alpha \) (Correia, Niculae &amp; Martins 2019, "Adaptively Sparse
 * Transformers"): the block holds one scalar parameter {@code alpha} and maps scores to probabilities along the last
 * axis by {@link Entmax#apply(NDArray, NDArray, NDArray, int)}, which is differentiable in \( \alpha \).
 *
 * <p>Inputs: {@code scores} \( [\dots, L] \), optionally a {@code mask} of the same shape (boolean or 0/1). Output:
 * the probabilities, same shape; masked positions are 0, a fully masked slice is all zeros.
 *
 * <p><b>The floor.</b> Gradient steps can push the parameter to or below 1, where \( \alpha \)-entmax is undefined
 * (\( 1/(\alpha - 1) \) blows up; in the entmax library this shows up as NaN in training). The block therefore uses
 * \( \max(\alpha, \) {@value #ALPHA_FLOOR}\( ) \). At the floor the probabilities are
 * \( [0.01\, s_i - \tau]_+^{100} \), already close to softmax (\( (1 + x/100)^{100} \approx e^x \)), so little is
 * lost; while the parameter sits below the floor its gradient is 0 and only weight decay or a manual reset moves it
 * back.
 * The stored parameter is never changed by the block.
 *
 * <p>Correia et al. reparametrise \( \alpha = 1 + \sigma(a) \in (1, 2) \) per head instead; a clamp keeps the
 * parameter readable as \( \alpha \) itself and allows \( \alpha &gt; 2 \).
 */
public final class AdaptiveEntmax extends AbstractBlock {

    /** The smallest \( \alpha \) the block uses: {@value}. */
    public static final double ALPHA_FLOOR = 1.01;

    private static final byte VERSION = 1;

    private final Parameter alpha;
    private final float initialAlpha;

    /**
     * @param initialAlpha the starting value of \( \alpha \), at least {@link #ALPHA_FLOOR}, finite, e.g. 1.5;
     *                     stored as float
     * @throws IllegalArgumentException if {@code initialAlpha} is below the floor or not finite
     *                                  ({@code "initialAlpha must be finite and >= 1.01, got 1.0"})
     */
    public AdaptiveEntmax(double initialAlpha) {
        super(VERSION);
        if (!(initialAlpha >= ALPHA_FLOOR) || initialAlpha == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "initialAlpha must be finite and >= " + ALPHA_FLOOR + ", got " + initialAlpha);
        }
        this.initialAlpha = (float) initialAlpha;
        this.alpha = addParameter(Parameter.builder()
                .setName("alpha")
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(1))
                .optInitializer(new ConstantInitializer(this.initialAlpha))
                .build());
    }

    /** The starting value of \( \alpha \). */
    public double initialAlpha() {
        return initialAlpha;
    }

    /** The \( \alpha \) parameter, shape (1); the block uses \( \max(\alpha, \) {@value #ALPHA_FLOOR}\( ) \). */
    public Parameter alpha() {
        return alpha;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray scores = inputs.get(0);
        NDArray mask = inputs.size() > 1
                ? inputs.get(1)
                : scores.getManager().ones(scores.getShape(), DataType.BOOLEAN);
        NDArray value = parameterStore.getValue(alpha, scores.getDevice(), training).maximum(ALPHA_FLOOR);
        return new NDList(Entmax.apply(scores, mask, value, -1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public String toString() {
        return "AdaptiveEntmax(initialAlpha=" + initialAlpha + ", floor=" + ALPHA_FLOOR + ")";
    }
}
