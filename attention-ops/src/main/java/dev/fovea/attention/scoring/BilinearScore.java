package dev.fovea.attention.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Objects;

/**
 * Bilinear scores, Luong's "general" score: \( s_l = q^\top W k_l \) with \( W \in \mathbb{R}^{d_q \times d_k} \), so
 * queries and keys may differ in size.
 *
 * <p>Luong, Pham and Manning, "Effective Approaches to Attention-based Neural Machine Translation", EMNLP 2015,
 * eq. (8): \( \operatorname{score}(h_t, \bar h_s) = h_t^\top W_a \bar h_s \), the target state \( h_t \) being the
 * query and the source state \( \bar h_s \) the key. Computed as the dot product of \( W^\top q \) with each key: the
 * query is projected once, \( O(d_q d_k + L d_k) \) per query.
 *
 * <p>Three layers: {@link #scores(double[], double[][], double[][])} (double kernel),
 * {@link #apply(NDArray, NDArray, NDArray)} (differentiable) and this block, built with {@link #builder()}:
 * <pre>{@code
 * BilinearScore score = BilinearScore.builder().setQueryFeatures(512).setKeyFeatures(2048).build();
 * }</pre>
 * One parameter, {@code weight} \( W \) of shape \( (d_q, d_k) \), initialised by DJL's default for
 * {@link Parameter.Type#WEIGHT}.
 */
public final class BilinearScore extends ScoreBlock {

    private static final byte VERSION = 1;

    private final Parameter weight;

    private BilinearScore(Builder builder) {
        super(VERSION, builder.queryFeatures, builder.keyFeatures);
        weight = addWeight("weight", builder.queryFeatures, builder.keyFeatures);
    }

    /** A builder; both sizes are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The double kernel: \( s_l = \sum_{i,j} q_i W_{ij} k_{lj} \) for one query against \( L \) keys.
     *
     * @param query  \( q \), \( d_q \ge 1 \) entries
     * @param keys   \( L \ge 1 \) keys of \( d_k \) entries each
     * @param weight \( W \), \( d_q \times d_k \)
     * @return a new array of the \( L \) scores
     * @throws IllegalArgumentException if a size does not fit ({@code "weight must be 5 × 4 (query features × key
     *                                  features), got 5 × 3"}) or a value is NaN or infinite
     */
    public static double[] scores(double[] query, double[][] keys, double[][] weight) {
        int keyFeatures = ScoreArguments.kernelKeys(query, keys);
        Objects.requireNonNull(weight, "weight must not be null");
        ScoreArguments.kernelMatrix("weight", weight, query.length, keyFeatures, "(query features × key features)");
        double[] projected = new double[keyFeatures];
        for (int i = 0; i < query.length; i++) {
            for (int j = 0; j < keyFeatures; j++) {
                projected[j] += query[i] * weight[i][j];
            }
        }
        return DotProductScore.scores(projected, keys);
    }

    /**
     * \( s_{btl} = q_{bt}^\top W k_{bl} \); differentiable by DJL autograd in every argument.
     *
     * @param queries \( [B, d_q] \) or \( [B, T, d_q] \), floating point
     * @param keys    \( [B, L, d_k] \)
     * @param weight  \( W \), \( (d_q, d_k) \)
     * @return \( [B, L] \) or \( [B, T, L] \)
     * @throws IllegalArgumentException if a shape or data type does not fit
     *                                  ({@code "weight must have shape (5, 4) (query features, key features), got
     *                                  (5, 3)"})
     */
    public static NDArray apply(NDArray queries, NDArray keys, NDArray weight) {
        ScoreArguments.Sizes sizes = ScoreArguments.queriesAndKeys(queries, keys);
        ScoreArguments.parameter("weight", weight, queries, "(query features, key features)",
                sizes.queryFeatures(), sizes.keyFeatures());
        NDArray projected = sizes.queriesWithAxis(queries).matMul(weight);
        return sizes.scoresInCallerLayout(projected.matMul(keys.transpose(0, 2, 1)));
    }

    @Override
    NDArray scores(ParameterStore parameterStore, NDArray queries, NDArray keys, boolean training) {
        return apply(queries, keys, parameterStore.getValue(weight, keys.getDevice(), training));
    }

    @Override
    public String toString() {
        return "BilinearScore(queries " + queryFeatures() + ", keys " + keyFeatures() + ")";
    }

    /**
     * Builds a {@link BilinearScore}: {@code setQueryFeatures} (\( d_q \), Luong's target hidden state \( h_t \)) and
     * {@code setKeyFeatures} (\( d_k \), the source hidden state \( \bar h_s \)) are required.
     */
    public static final class Builder extends BaseBuilder<Builder> {

        private Builder() {
        }

        /**
         * @throws IllegalArgumentException if a size is not positive ({@code "keyFeatures must be > 0, got 0"})
         */
        public BilinearScore build() {
            requirePositiveFeatures();
            return new BilinearScore(this);
        }
    }
}
