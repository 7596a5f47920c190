package dev.fovea.attention.scoring;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Objects;

/**
 * Additive (Bahdanau) scores: a one-hidden-layer perceptron of the query and each key,
 * \[ s_l = v^\top \tanh(W q + U k_l + b), \]
 * with \( W \in \mathbb{R}^{h \times d_q} \), \( U \in \mathbb{R}^{h \times d_k} \), \( v \in \mathbb{R}^h \) and an
 * optional hidden bias \( b \in \mathbb{R}^h \) (absent: \( b = 0 \)).
 *
 * <p>Bahdanau, Cho and Bengio, "Neural Machine Translation by Jointly Learning to Align and Translate", ICLR 2015:
 * eq. (6), \( e_{ij} = a(s_{i-1}, h_j) \), with the alignment model of appendix A.1.2,
 * \( a(s_{i-1}, h_j) = v_a^\top \tanh(W_a s_{i-1} + U_a h_j) \); here the decoder state \( s_{i-1} \) is the query
 * \( q \) and the annotation \( h_j \) the key \( k_l \). The paper has no bias; the optional \( b \) is the hidden
 * layer's bias of the usual implementations. A scalar bias outside the \( \tanh \) is deliberately not offered: it
 * shifts every score of a row by the same amount, which no shift-invariant mapping (softmax, sparsemax, entmax)
 * notices. Luong et al.'s "concat" score (2015, eq. 8), \( v_a^\top \tanh(W_a [h_t; \bar h_s]) \), is this function
 * with \( W_a = [W \; U] \).
 *
 * <p>Three layers: {@link #scores(double[], double[][], double[][], double[][], double[], double[])} (double kernel,
 * one query), {@link #apply(NDArray, NDArray, NDArray, NDArray, NDArray, NDArray)} (differentiable by DJL autograd),
 * and this block, built with {@link #builder()}:
 * <pre>{@code
 * AdditiveScore score = AdditiveScore.builder()
 *         .setQueryFeatures(512).setKeyFeatures(512).setHiddenUnits(256).optBias(true).build();
 * }</pre>
 * Its parameters: {@code queryWeight} \( W \) \( (h, d_q) \), {@code keyWeight} \( U \) \( (h, d_k) \),
 * {@code hiddenBias} \( b \) \( (h) \) if enabled, and {@code scoreWeight} \( v \) stored as a \( 1 \times h \)
 * matrix (a one-unit linear layer, DJL's layout, so every weight initializer applies to it). Default initialisation:
 * DJL's for {@link Parameter.Type#WEIGHT} and zeros for the bias.
 *
 * <p>Cost: the hidden layer is \( [B, T, L, h] \), i.e. \( O(B T L h) \) memory and \( \tanh \)s on top of the
 * projections \( O(B (T d_q + L d_k) h) \). \( U k_l \) does not depend on the query (Bahdanau et al. note it can be
 * precomputed, appendix A.1.2): passing all \( T \) queries of a row at once computes it once.
 */
public final class AdditiveScore extends ScoreBlock {

    private static final byte VERSION = 1;

    private final long hiddenUnits;
    private final Parameter queryWeight;
    private final Parameter keyWeight;
    private final Parameter hiddenBias;
    private final Parameter scoreWeight;

    private AdditiveScore(Builder builder) {
        super(VERSION, builder.queryFeatures, builder.keyFeatures);
        hiddenUnits = builder.hiddenUnits;
        queryWeight = addWeight("queryWeight", hiddenUnits, builder.queryFeatures);
        keyWeight = addWeight("keyWeight", hiddenUnits, builder.keyFeatures);
        hiddenBias = builder.bias ? addBias("hiddenBias", hiddenUnits) : null;
        scoreWeight = addWeight("scoreWeight", 1, hiddenUnits);
    }

    /**
     * A builder: {@code setQueryFeatures} (\( d_q \), the decoder state in Bahdanau et al.), {@code setKeyFeatures}
     * (\( d_k \), the annotation \( h_j \)) and {@code setHiddenUnits} are required, {@code optBias} is off unless
     * asked for.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** \( h \), the size of the hidden layer. */
    public long hiddenUnits() {
        return hiddenUnits;
    }

    /** Whether the hidden layer has the bias \( b \). */
    public boolean hasBias() {
        return hiddenBias != null;
    }

    /**
     * The double kernel without bias: \( s_l = v^\top \tanh(W q + U k_l) \) for one query.
     *
     * @see #scores(double[], double[][], double[][], double[][], double[], double[])
     */
    public static double[] scores(
            double[] query, double[][] keys, double[][] queryWeight, double[][] keyWeight, double[] scoreWeight) {
        return kernel(query, keys, queryWeight, keyWeight, null, scoreWeight);
    }

    /**
     * The double kernel: \( s_l = v^\top \tanh(W q + U k_l + b) \) for one query against \( L \) keys.
     *
     * @param query       \( q \), \( d_q \ge 1 \) entries
     * @param keys        \( L \ge 1 \) keys \( k_l \) of \( d_k \) entries each
     * @param queryWeight \( W \), \( h \times d_q \)
     * @param keyWeight   \( U \), \( h \times d_k \)
     * @param hiddenBias  \( b \), \( h \) entries
     * @param scoreWeight \( v \), \( h \) entries
     * @return a new array of the \( L \) scores, finite
     * @throws IllegalArgumentException if a size does not fit ({@code "keyWeight must be 3 × 5 (hidden units × key
     *                                  features), got 3 × 4"}) or an entry is NaN or infinite
     */
    public static double[] scores(double[] query, double[][] keys, double[][] queryWeight, double[][] keyWeight,
            double[] hiddenBias, double[] scoreWeight) {
        Objects.requireNonNull(hiddenBias, "hiddenBias must not be null; use the overload without it");
        return kernel(query, keys, queryWeight, keyWeight, hiddenBias, scoreWeight);
    }

    private static double[] kernel(double[] query, double[][] keys, double[][] queryWeight, double[][] keyWeight,
            double[] hiddenBias, double[] scoreWeight) {
        int keyFeatures = ScoreArguments.kernelKeys(query, keys);
        Objects.requireNonNull(queryWeight, "queryWeight must not be null");
        int h = queryWeight.length;
        if (h == 0) {
            throw new IllegalArgumentException("queryWeight must have at least one row (hidden unit)");
        }
        ScoreArguments.kernelMatrix("queryWeight", queryWeight, h, query.length, "(hidden units × query features)");
        ScoreArguments.kernelMatrix("keyWeight", keyWeight, h, keyFeatures, "(hidden units × key features)");
        ScoreArguments.kernelVector("scoreWeight", scoreWeight, h, "(hidden units)");
        if (hiddenBias != null) {
            ScoreArguments.kernelVector("hiddenBias", hiddenBias, h, "(hidden units)");
        }
        double[] projectedQuery = new double[h];
        for (int j = 0; j < h; j++) {
            double sum = hiddenBias == null ? 0.0 : hiddenBias[j];
            for (int i = 0; i < query.length; i++) {
                sum += queryWeight[j][i] * query[i];
            }
            projectedQuery[j] = sum;
        }
        double[] scores = new double[keys.length];
        for (int l = 0; l < keys.length; l++) {
            double score = 0.0;
            for (int j = 0; j < h; j++) {
                double pre = projectedQuery[j];
                for (int i = 0; i < keyFeatures; i++) {
                    pre += keyWeight[j][i] * keys[l][i];
                }
                score += scoreWeight[j] * Math.tanh(pre);
            }
            scores[l] = score;
        }
        return scores;
    }

    /**
     * The scores without bias, differentiable.
     *
     * @see #apply(NDArray, NDArray, NDArray, NDArray, NDArray, NDArray)
     */
    public static NDArray apply(
            NDArray queries, NDArray keys, NDArray queryWeight, NDArray keyWeight, NDArray scoreWeight) {
        return function(queries, keys, queryWeight, keyWeight, null, scoreWeight);
    }

    /**
     * \( s_{btl} = v^\top \tanh(W q_{bt} + U k_{bl} + b) \), differentiable by DJL autograd in every argument.
     *
     * @param queries     \( [B, d_q] \) or \( [B, T, d_q] \), floating point
     * @param keys        \( [B, L, d_k] \)
     * @param queryWeight \( W \), \( (h, d_q) \)
     * @param keyWeight   \( U \), \( (h, d_k) \)
     * @param hiddenBias  \( b \), \( (h) \)
     * @param scoreWeight \( v \), \( (h) \)
     * @return \( [B, L] \) or \( [B, T, L] \) with the queries' data type; NaN only where an input has NaN
     * @throws IllegalArgumentException if a shape or data type does not fit
     *                                  ({@code "keyWeight must have shape (3, 5) (hidden units, key features), got
     *                                  (3, 4)"})
     */
    public static NDArray apply(NDArray queries, NDArray keys, NDArray queryWeight, NDArray keyWeight,
            NDArray hiddenBias, NDArray scoreWeight) {
        Objects.requireNonNull(hiddenBias, "hiddenBias must not be null; use the overload without it");
        return function(queries, keys, queryWeight, keyWeight, hiddenBias, scoreWeight);
    }

    private static NDArray function(NDArray queries, NDArray keys, NDArray queryWeight, NDArray keyWeight,
            NDArray hiddenBias, NDArray scoreWeight) {
        ScoreArguments.Sizes sizes = ScoreArguments.queriesAndKeys(queries, keys);
        Objects.requireNonNull(queryWeight, "queryWeight must not be null");
        if (queryWeight.getShape().dimension() != 2) {
            throw new IllegalArgumentException("queryWeight must have shape (h, " + sizes.queryFeatures()
                    + ") (hidden units, query features), got " + queryWeight.getShape());
        }
        long h = queryWeight.getShape().get(0);
        ScoreArguments.parameter("queryWeight", queryWeight, queries, "(hidden units, query features)",
                h, sizes.queryFeatures());
        ScoreArguments.parameter("keyWeight", keyWeight, queries, "(hidden units, key features)",
                h, sizes.keyFeatures());
        ScoreArguments.parameter("scoreWeight", scoreWeight, queries, "(hidden units)", h);
        // [B, T, h] and [B, L, h]: the key projection is shared by all T queries of a row.
        NDArray projectedQueries = sizes.queriesWithAxis(queries).matMul(queryWeight.transpose());
        NDArray projectedKeys = keys.matMul(keyWeight.transpose());
        if (hiddenBias != null) {
            ScoreArguments.parameter("hiddenBias", hiddenBias, queries, "(hidden units)", h);
            projectedKeys = projectedKeys.add(hiddenBias);
        }
        NDArray hidden = projectedQueries.expandDims(2).add(projectedKeys.expandDims(1)).tanh();
        NDArray scores = hidden.matMul(scoreWeight.reshape(h, 1)).squeeze(3);
        return sizes.scoresInCallerLayout(scores);
    }

    @Override
    NDArray scores(ParameterStore parameterStore, NDArray queries, NDArray keys, boolean training) {
        Device device = keys.getDevice();
        NDArray w = parameterStore.getValue(queryWeight, device, training);
        NDArray u = parameterStore.getValue(keyWeight, device, training);
        NDArray v = parameterStore.getValue(scoreWeight, device, training).reshape(hiddenUnits);
        return hiddenBias == null
                ? apply(queries, keys, w, u, v)
                : apply(queries, keys, w, u, parameterStore.getValue(hiddenBias, device, training), v);
    }

    @Override
    public String toString() {
        return "AdditiveScore(queries " + queryFeatures() + ", keys " + keyFeatures() + ", hidden " + hiddenUnits
                + (hasBias() ? ", bias" : "") + ")";
    }

    /**
     * Builds an {@link AdditiveScore}: \( d_q \), \( d_k \) and \( h \) (\( n' \) in Bahdanau et al., appendix A.1.2)
     * are required, the bias is off by default.
     */
    public static final class Builder extends HiddenLayerBuilder<Builder> {

        private boolean bias;

        private Builder() {
        }

        /** Whether the hidden layer has a bias \( b \); default {@code false}, as in the paper. */
        public Builder optBias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a size is not positive ({@code "hiddenUnits must be > 0, got 0"})
         */
        public AdditiveScore build() {
            requirePositiveSizes();
            return new AdditiveScore(this);
        }
    }
}
