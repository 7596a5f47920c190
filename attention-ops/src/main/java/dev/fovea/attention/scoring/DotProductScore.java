package dev.fovea.attention.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Dot-product scores for queries and keys of the same size \( d \): plain, \( s_l = q^\top k_l \), or scaled,
 * \( s_l = q^\top k_l / \sqrt{d} \).
 *
 * <ul>
 *   <li>Plain: Luong, Pham and Manning, "Effective Approaches to Attention-based Neural Machine Translation", EMNLP
 *       2015, eq. (8), the "dot" score \( h_t^\top \bar h_s \).</li>
 *   <li>Scaled: Vaswani et al., "Attention Is All You Need", NeurIPS 2017, §3.2.1, eq. (1), the argument of the
 *       softmax in \( \operatorname{softmax}(Q K^\top / \sqrt{d_k}) V \). When the entries of \( q \) and \( k \) are
 *       independent with mean 0 and variance 1, \( q^\top k \) has variance \( d \) (the paper's footnote 4); the scale
 *       brings it back to 1, so the softmax does not saturate as \( d \) grows.</li>
 * </ul>
 *
 * <p>No parameters: the block exists so that a model holds every score as a {@link ScoreBlock}. Three layers each:
 * {@link #scores(double[], double[][])} and {@link #scaledScores(double[], double[][])} (double kernels),
 * {@link #apply(NDArray, NDArray)} and {@link #applyScaled(NDArray, NDArray)} (differentiable), and the block,
 * {@code DotProductScore.of(512)} or {@code DotProductScore.scaled(64)}.
 */
public final class DotProductScore extends ScoreBlock {

    private static final byte VERSION = 1;

    private final boolean scaled;

    private DotProductScore(long features, boolean scaled) {
        super(VERSION, features, features);
        this.scaled = scaled;
    }

    /**
     * The block computing \( q^\top k_l \) for queries and keys of {@code features} entries each.
     *
     * @throws IllegalArgumentException if {@code features} is not positive ({@code "features must be > 0, got 0"})
     */
    public static DotProductScore of(long features) {
        ScoreArguments.positive("features", features);
        return new DotProductScore(features, false);
    }

    /**
     * The block computing \( q^\top k_l / \sqrt{d} \), \( d \) = {@code features}.
     *
     * @throws IllegalArgumentException if {@code features} is not positive ({@code "features must be > 0, got 0"})
     */
    public static DotProductScore scaled(long features) {
        ScoreArguments.positive("features", features);
        return new DotProductScore(features, true);
    }

    /** Whether the scores are divided by \( \sqrt d \). */
    public boolean isScaled() {
        return scaled;
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
        if (query.length != features) {
            throw new IllegalArgumentException("keys have " + features + " features, the query " + query.length);
        }
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
     * The double kernel of the scaled form: \( s_l = \sum_i q_i k_{li} / \sqrt{d} \).
     *
     * @throws IllegalArgumentException as {@link #scores(double[], double[][])}
     */
    public static double[] scaledScores(double[] query, double[][] keys) {
        double[] scores = scores(query, keys);
        double scale = Math.sqrt(query.length);
        for (int l = 0; l < scores.length; l++) {
            scores[l] /= scale;
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
     *                                  queries 5 (queries (2, 5), keys (2, 3, 4))"})
     */
    public static NDArray apply(NDArray queries, NDArray keys) {
        ScoreArguments.Sizes sizes = ScoreArguments.queriesAndKeys(queries, keys);
        if (sizes.keyFeatures() != sizes.queryFeatures()) {
            throw new IllegalArgumentException("keys have " + sizes.keyFeatures() + " features, the queries "
                    + sizes.queryFeatures() + " (queries " + queries.getShape() + ", keys " + keys.getShape() + ")");
        }
        return sizes.scoresInCallerLayout(sizes.queriesWithAxis(queries).matMul(keys.transpose(0, 2, 1)));
    }

    /**
     * \( s_{btl} = q_{bt}^\top k_{bl} / \sqrt{d} \); differentiable by DJL autograd.
     *
     * @throws IllegalArgumentException as {@link #apply(NDArray, NDArray)}
     */
    public static NDArray applyScaled(NDArray queries, NDArray keys) {
        NDArray scores = apply(queries, keys);
        long features = queries.getShape().get(queries.getShape().dimension() - 1);
        return scores.div(Math.sqrt(features));
    }

    @Override
    NDArray scores(ParameterStore parameterStore, NDArray queries, NDArray keys, boolean training) {
        return scaled ? applyScaled(queries, keys) : apply(queries, keys);
    }

    @Override
    public String toString() {
        return "DotProductScore(features " + queryFeatures() + (scaled ? ", scaled by 1/√" + queryFeatures() : "")
                + ")";
    }
}
