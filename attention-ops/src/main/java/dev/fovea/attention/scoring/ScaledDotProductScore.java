package dev.fovea.attention.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Scaled dot-product scores, \( s_l = q^\top k_l / \sqrt{d} \), for queries and keys of the same size \( d \).
 *
 * <p>Vaswani et al., "Attention Is All You Need", NeurIPS 2017, §3.2.1, eq. (1): the argument of the softmax in
 * \( \operatorname{softmax}(Q K^\top / \sqrt{d_k}) V \). The scale keeps the variance of the scores at 1 when the
 * entries of \( q \) and \( k \) are independent with mean 0 and variance 1 (the paper's footnote 4), so the softmax
 * does not saturate as \( d \) grows. No parameters.
 *
 * <p>Three layers: {@link #scores(double[], double[][])} (double kernel), {@link #apply(NDArray, NDArray)}
 * (differentiable) and this block: {@code ScaledDotProductScore.builder().setFeatures(64).build()}.
 */
public final class ScaledDotProductScore extends ScoreBlock {

    private static final byte VERSION = 1;

    private ScaledDotProductScore(long features) {
        super(VERSION, features, features);
    }

    /** A builder; the feature size is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The double kernel: \( s_l = \sum_i q_i k_{li} / \sqrt{d} \) for one query against \( L \) keys.
     *
     * @param query \( q \), \( d \ge 1 \) entries
     * @param keys  \( L \ge 1 \) keys of \( d \) entries each
     * @return a new array of the \( L \) scores
     * @throws IllegalArgumentException as {@link DotProductScore#scores(double[], double[][])}
     */
    public static double[] scores(double[] query, double[][] keys) {
        double[] scores = DotProductScore.scores(query, keys);
        double scale = Math.sqrt(query.length);
        for (int l = 0; l < scores.length; l++) {
            scores[l] /= scale;
        }
        return scores;
    }

    /**
     * \( s_{btl} = q_{bt}^\top k_{bl} / \sqrt{d} \); differentiable by DJL autograd.
     *
     * @param queries \( [B, d] \) or \( [B, T, d] \), floating point
     * @param keys    \( [B, L, d] \)
     * @return \( [B, L] \) or \( [B, T, L] \)
     * @throws IllegalArgumentException as {@link DotProductScore#apply(NDArray, NDArray)}
     */
    public static NDArray apply(NDArray queries, NDArray keys) {
        NDArray scores = DotProductScore.apply(queries, keys);
        long features = queries.getShape().get(queries.getShape().dimension() - 1);
        return scores.div(Math.sqrt(features));
    }

    @Override
    NDArray scores(ParameterStore parameterStore, NDArray queries, NDArray keys, boolean training) {
        return apply(queries, keys);
    }

    @Override
    public String toString() {
        return "ScaledDotProductScore(features " + queryFeatures() + ")";
    }

    /** Builds a {@link ScaledDotProductScore}. */
    public static final class Builder {

        private long features;

        private Builder() {
        }

        /** \( d \), the size of each query and each key; the scores are divided by \( \sqrt d \). */
        public Builder setFeatures(long features) {
            this.features = features;
            return this;
        }

        /**
         * @throws IllegalArgumentException if the size is not positive ({@code "features must be > 0, got 0"})
         */
        public ScaledDotProductScore build() {
            ScoreArguments.positive("features", features);
            return new ScaledDotProductScore(features);
        }
    }
}
