package dev.fovea.attention.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The contract of every scoring block: queries and keys in, one score per (query, key) pair out, ready for any
 * mapping onto the simplex.
 *
 * <p>Inputs, in this order:
 * <ol>
 *   <li>{@code queries} \( [B, d_q] \) (one query per batch row) or \( [B, T, d_q] \) (\( T \) queries per row);</li>
 *   <li>{@code keys} \( [B, L, d_k] \);</li>
 *   <li>optionally the padding, either a {@code mask} \( [B, L] \) (boolean, or numeric where non-zero means a real
 *       position) or integer {@code lengths} \( [B] \) (\( m_{bl} = [\, l < n_b \,] \)); see {@link ScoreMask}.</li>
 * </ol>
 * Outputs: {@code scores} \( [B, L] \) or \( [B, T, L] \); with a padding input, padded positions score exactly
 * \( -\infty \) and a second output is the boolean mask broadcast to the shape of the scores, which is what the
 * masked mapping takes: {@code SimplexMapping.softmax().apply(out.get(0), out.get(1), -1)} gives all zeros (never NaN)
 * for a fully padded row.
 *
 * <p>The feature sizes \( d_q, d_k \) are fixed when the block is built, so the parameters have their shapes before
 * the first input arrives and a mismatch is reported in the block's terms
 * ({@code "keys have 64 features, the block was built for 32"}). Subclasses only fetch their parameters and call
 * their static function.
 */
public abstract sealed class ScoreBlock extends AbstractBlock
        permits AdditiveScore, ShowAttendTellScore, DotProductScore, BilinearScore {

    private final long queryFeatures;
    private final long keyFeatures;

    ScoreBlock(byte version, long queryFeatures, long keyFeatures) {
        super(version);
        this.queryFeatures = queryFeatures;
        this.keyFeatures = keyFeatures;
    }

    /**
     * What every builder of a block with parameters sets: the feature sizes \( d_q \) and \( d_k \), required. Setters
     * named {@code set*} are required, {@code opt*} optional, as in DJL's builders.
     *
     * @param <T> the concrete builder, returned by the setters so that calls chain
     */
    public abstract static sealed class BaseBuilder<T extends BaseBuilder<T>>
            permits HiddenLayerBuilder, BilinearScore.Builder {

        long queryFeatures;
        long keyFeatures;

        BaseBuilder() {
        }

        /** \( d_q \), the size of each query. */
        public final T setQueryFeatures(long queryFeatures) {
            this.queryFeatures = queryFeatures;
            return self();
        }

        /** \( d_k \), the size of each key. */
        public final T setKeyFeatures(long keyFeatures) {
            this.keyFeatures = keyFeatures;
            return self();
        }

        /** This builder as its concrete type; safe: each permitted subclass {@code X} is a {@code BaseBuilder<X>}. */
        @SuppressWarnings("unchecked")
        final T self() {
            return (T) this;
        }

        /** Checks the sizes set here before a subclass builds. */
        final void requirePositiveFeatures() {
            ScoreArguments.positive("queryFeatures", queryFeatures);
            ScoreArguments.positive("keyFeatures", keyFeatures);
        }
    }

    /**
     * What the builders of the scores with a \( \tanh \) hidden layer ({@link AdditiveScore},
     * {@link ShowAttendTellScore}) set in addition: its size \( h \), required.
     *
     * @param <T> the concrete builder
     */
    public abstract static sealed class HiddenLayerBuilder<T extends HiddenLayerBuilder<T>> extends BaseBuilder<T>
            permits AdditiveScore.Builder, ShowAttendTellScore.Builder {

        long hiddenUnits;

        HiddenLayerBuilder() {
        }

        /** \( h \), the number of hidden units. */
        public final T setHiddenUnits(long hiddenUnits) {
            this.hiddenUnits = hiddenUnits;
            return self();
        }

        /** Checks \( d_q, d_k, h \) before a subclass builds. */
        final void requirePositiveSizes() {
            requirePositiveFeatures();
            ScoreArguments.positive("hiddenUnits", hiddenUnits);
        }
    }

    /** \( d_q \), the size of each query. */
    public final long queryFeatures() {
        return queryFeatures;
    }

    /** \( d_k \), the size of each key. */
    public final long keyFeatures() {
        return keyFeatures;
    }

    /** Declares a weight of this block; DJL's default initializer for {@link Parameter.Type#WEIGHT} applies. */
    final Parameter addWeight(String name, long... shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(shape)).build());
    }

    /** Declares a bias of this block, initialised to zeros. */
    final Parameter addBias(String name, long... shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.BIAS)
                .optShape(new Shape(shape)).build());
    }

    /** The scores \( [B, T, L] \) or \( [B, L] \), computed by the subclass's static function. */
    abstract NDArray scores(ParameterStore parameterStore, NDArray queries, NDArray keys, boolean training);

    @Override
    protected final NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        requireInputs(inputs.getShapes());
        NDArray keys = inputs.get(1);
        NDArray scores = scores(parameterStore, inputs.get(0), keys, training);
        if (inputs.size() == 2) {
            return new NDList(scores);
        }
        NDArray padding = inputs.get(2);
        NDArray keep = padding.getShape().dimension() == 1
                ? ScoreMask.ofLengths(padding, keys.getShape().get(1))
                : padding;
        NDArray mask = ScoreMask.broadcast(keep, scores.getShape());
        return new NDList(ScoreMask.apply(scores, mask), mask);
    }

    /** {@code scores} \( [B, L] \) or \( [B, T, L] \), and with a padding input also the mask of that shape. */
    @Override
    public final Shape[] getOutputShapes(Shape[] inputShapes) {
        requireInputs(inputShapes);
        Shape queries = inputShapes[0];
        Shape keys = inputShapes[1];
        Shape scores = queries.dimension() == 3
                ? new Shape(queries.get(0), queries.get(1), keys.get(1))
                : new Shape(queries.get(0), keys.get(1));
        return inputShapes.length == 2 ? new Shape[] {scores} : new Shape[] {scores, scores};
    }

    @Override
    protected final void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        requireInputs(inputShapes);
    }

    /** The checks made in the block's terms; the static function checks the rest (batch sizes, data types). */
    private void requireInputs(Shape[] shapes) {
        if (shapes.length != 2 && shapes.length != 3) {
            throw new IllegalArgumentException(
                    "a score block takes queries, keys and optionally a mask or lengths, got " + shapes.length
                            + " inputs");
        }
        Shape queries = shapes[0];
        Shape keys = shapes[1];
        if (queries.dimension() != 2 && queries.dimension() != 3) {
            throw new IllegalArgumentException("queries must have shape (B, dq) or (B, T, dq), got " + queries);
        }
        if (keys.dimension() != 3) {
            throw new IllegalArgumentException("keys must have shape (B, L, dk), got " + keys);
        }
        long q = queries.get(queries.dimension() - 1);
        if (q != queryFeatures) {
            throw new IllegalArgumentException(
                    "queries have " + q + " features, the block was built for " + queryFeatures);
        }
        if (keys.get(2) != keyFeatures) {
            throw new IllegalArgumentException(
                    "keys have " + keys.get(2) + " features, the block was built for " + keyFeatures);
        }
        if (shapes.length == 3) {
            Shape padding = shapes[2];
            Shape mask = new Shape(keys.get(0), keys.get(1));
            Shape lengths = new Shape(keys.get(0));
            if (!padding.equals(mask) && !padding.equals(lengths)) {
                throw new IllegalArgumentException("the padding must be a mask (B, L) = " + mask
                        + " or lengths (B) = " + lengths + ", got " + padding);
            }
        }
    }
}
