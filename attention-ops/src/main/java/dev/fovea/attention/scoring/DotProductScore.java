package dev.fovea.attention.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Dot-product scores, \( s_l = q^\top k_l \), for queries and keys of the same size \( d \).
 *
 * <p>Luong, Pham and Manning, "Effective Approaches to Attention-based Neural Machine Translation", EMNLP 2015,
 * eq. (8), the "dot" score \( h_t^\top \bar h_s \). No parameters: the block exists so that a model holds every
 * score as a {@link ScoreBlock}. For large \( d \) the scores grow like \( \sqrt d \) and push softmax into
 * saturation; {@link ScaledDotProductScore} divides by \( \sqrt d \).
 *
 * <p>Three layers: {@link #scores(double[], double[][])} (double kernel), {@link #apply(NDArray, NDArray)}
 * (differentiable) and this block: {@code DotProductScore.builder().setFeatures(512).build()}.
 */
public final class DotProductScore extends ScoreBlock {

    private static final byte VERSION = 1;

    private DotProductScore(long features) {
        super(VERSION, features, features);
    }

    /** A builder; the feature size is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The double kernel: \( s_l = \sum_i q_i k_{li} \) for one query against \( L \) keys.
     *
     * @param query \( q \), \( d \ge 1 \) entries
     * @param keys  \( L \ge 1 \) keys of \( d \) entries each
     * @return a new array of the \( L \) scores
     * @throws IllegalArgumentException if the sizes differ ({@code "keys have 4 features, the query 5"}) or a value
     *                                  is NaN or infinite
     */
    public static double[] scores(double[] query, double[][] keys) {
        int features = ScoreArguments.kernelKeys(query, keys);
        requireSameSize(query.length, features);
        double[] scores = new double[keys.length];
        for (int l = 0; l < keys.length; l++) {
            double sum = 0.0;
            for (int i = 0; i < features; i++) {
                sum += query[i] * keys[l][i];
            }
            scores[l] = sum;
        }
        return scores;
    }

    /**
     * \( s_{btl} = q_{bt}^\top k_{bl} \), one batched matrix product; differentiable by DJL autograd.
     *
     * @param queries \( [B, d] \) or \( [B, T, d] \), floating point
     * @param keys    \( [B, L, d] \)
     * @return \( [B, L] \) or \( [B, T, L] \)
     * @throws IllegalArgumentException if a shape or data type does not fit ({@code "keys have 4 features, the
     *                                  queries 5"})
     */
    public static NDArray apply(NDArray queries, NDArray keys) {
        ScoreArguments.Sizes sizes = ScoreArguments.queriesAndKeys(queries, keys);
        if (sizes.keyFeatures() != sizes.queryFeatures()) {
            throw new IllegalArgumentException("keys have " + sizes.keyFeatures() + " features, the queries "
                    + sizes.queryFeatures() + " (queries " + queries.getShape() + ", keys " + keys.getShape() + ")");
        }
        return sizes.scoresInCallerLayout(sizes.queriesWithAxis(queries).matMul(keys.transpose(0, 2, 1)));
    }

    private static void requireSameSize(int queryFeatures, int keyFeatures) {
        if (queryFeatures != keyFeatures) {
            throw new IllegalArgumentException(
                    "keys have " + keyFeatures + " features, the query " + queryFeatures);
        }
    }

    @Override
    NDArray scores(ParameterStore parameterStore, NDArray queries, NDArray keys, boolean training) {
        return apply(queries, keys);
    }

    @Override
    public String toString() {
        return "DotProductScore(features " + queryFeatures() + ")";
    }

    /** Builds a {@link DotProductScore}. */
    public static final class Builder {

        private long features;

        private Builder() {
        }

        /** \( d \), the size of each query and each key. */
        public Builder setFeatures(long features) {
            this.features = features;
            return this;
        }

        /**
         * @throws IllegalArgumentException if the size is not positive ({@code "features must be > 0, got 0"})
         */
        public DotProductScore build() {
            ScoreArguments.positive("features", features);
            return new DotProductScore(features);
        }
    }
}
