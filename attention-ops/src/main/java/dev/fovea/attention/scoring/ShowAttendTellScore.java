package dev.fovea.attention.scoring;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Objects;

/**
 * The attention scores of image captioning in "Show, Attend and Tell": for the decoder state \( h \) (the query) and
 * the annotation vectors \( a_l \) of the image locations (the keys),
 * \[ e_l = w^\top \tanh(W_a a_l + b_a + W_h h) + c, \]
 * with \( W_h \in \mathbb{R}^{n \times d_q} \), \( W_a \in \mathbb{R}^{n \times d_k} \), \( b_a, w \in \mathbb{R}^n \)
 * and \( c \in \mathbb{R} \): a \( \tanh \) hidden layer of \( n \) units followed by an affine map to one score.
 *
 * <p><b>Which variant, and why.</b> Xu et al., "Show, Attend and Tell: Neural Image Caption Generation with Visual
 * Attention", ICML 2015, define the scores in eq. (4), \( e_{ti} = f_{\mathrm{att}}(a_i, h_{t-1}) \), and say only
 * that \( f_{\mathrm{att}} \) is "a multilayer perceptron conditioned on the previous hidden state" (§3.1.2). The one
 * precise statement the authors published is their code (arctic-captions, {@code capgen.py},
 * {@code lstm_cond_layer}, whose comment points at eqs. (4)–(6)); this class is that code with its default
 * {@code n_layers_att = 1}. The parameters correspond one to one, matrices transposed to DJL's (out, in) layout:
 * {@code Wd_att} = \( W_h^\top \), {@code Wc_att} = \( W_a^\top \), {@code b_att} = \( b_a \),
 * {@code U_att} = \( w \), {@code c_tt} = \( c \); so a trained attention carries over. Not implemented: that code's
 * "deep" attention ({@code n_layers_att > 1}, further \( \tanh \) layers on the annotation projection, off by
 * default) and the gate \( \beta_t = \sigma(f_\beta(h_{t-1})) \) of §4.2.1, which scales the context vector, not the
 * scores.
 *
 * <p>Relation to {@link AdditiveScore}: this is the additive score with its hidden bias, plus \( c \), and is computed
 * by it. The scalar \( c \) moves every score of a row by the same amount, so no shift-invariant mapping (softmax,
 * sparsemax, entmax) notices it and, behind one of them, its gradient is 0; it is kept because the reference code has
 * it and because this block's output is the raw scores.
 *
 * <p>Three layers: {@link #scores(double[], double[][], double[][], double[][], double[], double[], double)} (double
 * kernel), {@link #apply(NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray)} (differentiable by DJL
 * autograd) and this block, built with {@link #builder()}; for the paper's VGG features, \( 14 \times 14 = 196 \)
 * locations of 512 features:
 * <pre>{@code
 * ShowAttendTellScore score = ShowAttendTellScore.builder()
 *         .setQueryFeatures(1000).setKeyFeatures(512).setHiddenUnits(512).build();
 * }</pre>
 * Parameters: {@code stateWeight} \( (n, d_q) \), {@code annotationWeight} \( (n, d_k) \), {@code annotationBias}
 * \( (n) \), {@code scoreWeight} \( w \) stored as \( (1, n) \), {@code scoreBias} \( c \) as \( (1) \). Default
 * initialisation: DJL's for {@link Parameter.Type#WEIGHT}, zeros for the biases (as in the reference code).
 */
public final class ShowAttendTellScore extends ScoreBlock {

    private static final byte VERSION = 1;

    private final long hiddenUnits;
    private final Parameter stateWeight;
    private final Parameter annotationWeight;
    private final Parameter annotationBias;
    private final Parameter scoreWeight;
    private final Parameter scoreBias;

    private ShowAttendTellScore(Builder builder) {
        super(VERSION, builder.queryFeatures, builder.keyFeatures);
        hiddenUnits = builder.hiddenUnits;
        stateWeight = addWeight("stateWeight", hiddenUnits, builder.queryFeatures);
        annotationWeight = addWeight("annotationWeight", hiddenUnits, builder.keyFeatures);
        annotationBias = addBias("annotationBias", hiddenUnits);
        scoreWeight = addWeight("scoreWeight", 1, hiddenUnits);
        scoreBias = addBias("scoreBias", 1);
    }

    /** A builder; see {@link Builder} for what the sizes mean here. */
    public static Builder builder() {
        return new Builder();
    }

    /** \( n \), the size of the hidden layer. */
    public long hiddenUnits() {
        return hiddenUnits;
    }

    /**
     * The double kernel: \( e_l = w^\top \tanh(W_a a_l + b_a + W_h h) + c \) for one state against \( L \) annotations.
     *
     * @param state            \( h \), \( d_q \ge 1 \) entries
     * @param annotations      \( L \ge 1 \) annotation vectors \( a_l \) of \( d_k \) entries each
     * @param stateWeight      \( W_h \), \( n \times d_q \)
     * @param annotationWeight \( W_a \), \( n \times d_k \)
     * @param annotationBias   \( b_a \), \( n \) entries
     * @param scoreWeight      \( w \), \( n \) entries
     * @param scoreBias        \( c \)
     * @return a new array of the \( L \) scores, finite
     * @throws IllegalArgumentException if a size does not fit or a value is NaN or infinite; the messages are those of
     *                                  {@link AdditiveScore#scores(double[], double[][], double[][], double[][],
     *                                  double[], double[])} with \( W_h, W_a, b_a, w \) in the roles of
     *                                  {@code queryWeight, keyWeight, hiddenBias, scoreWeight}
     */
    public static double[] scores(double[] state, double[][] annotations, double[][] stateWeight,
            double[][] annotationWeight, double[] annotationBias, double[] scoreWeight, double scoreBias) {
        if (!Double.isFinite(scoreBias)) {
            throw new IllegalArgumentException("scoreBias must be finite, got " + scoreBias);
        }
        double[] scores = AdditiveScore.scores(
                state, annotations, stateWeight, annotationWeight, annotationBias, scoreWeight);
        for (int l = 0; l < scores.length; l++) {
            scores[l] += scoreBias;
        }
        return scores;
    }

    /**
     * \( e_{btl} = w^\top \tanh(W_a a_{bl} + b_a + W_h h_{bt}) + c \), differentiable by DJL autograd in every
     * argument.
     *
     * @param states           \( [B, d_q] \) or \( [B, T, d_q] \) (e.g. all \( T \) decoder states of a caption)
     * @param annotations      \( [B, L, d_k] \)
     * @param stateWeight      \( W_h \), \( (n, d_q) \)
     * @param annotationWeight \( W_a \), \( (n, d_k) \)
     * @param annotationBias   \( b_a \), \( (n) \)
     * @param scoreWeight      \( w \), \( (n) \)
     * @param scoreBias        \( c \), \( (1) \)
     * @return \( [B, L] \) or \( [B, T, L] \)
     * @throws IllegalArgumentException if a shape or data type does not fit; messages name the
     *                                  {@link AdditiveScore} arguments as for the kernel, and states and
     *                                  annotations as {@code queries} and {@code keys}
     */
    public static NDArray apply(NDArray states, NDArray annotations, NDArray stateWeight, NDArray annotationWeight,
            NDArray annotationBias, NDArray scoreWeight, NDArray scoreBias) {
        Objects.requireNonNull(scoreBias, "scoreBias must not be null");
        NDArray scores = AdditiveScore.apply(
                states, annotations, stateWeight, annotationWeight, annotationBias, scoreWeight);
        ScoreArguments.parameter("scoreBias", scoreBias, states, "(one scalar)", 1);
        return scores.add(scoreBias);
    }

    @Override
    NDArray scores(ParameterStore parameterStore, NDArray queries, NDArray keys, boolean training) {
        Device device = keys.getDevice();
        return apply(queries, keys,
                parameterStore.getValue(stateWeight, device, training),
                parameterStore.getValue(annotationWeight, device, training),
                parameterStore.getValue(annotationBias, device, training),
                parameterStore.getValue(scoreWeight, device, training).reshape(hiddenUnits),
                parameterStore.getValue(scoreBias, device, training));
    }

    @Override
    public String toString() {
        return "ShowAttendTellScore(states " + queryFeatures() + ", annotations " + keyFeatures() + ", hidden "
                + hiddenUnits + ")";
    }

    /**
     * Builds a {@link ShowAttendTellScore}: {@code setQueryFeatures} is the size of the decoder state \( h_{t-1} \)
     * (the LSTM's units), {@code setKeyFeatures} the size of each annotation vector \( a_i \) (512 for the paper's
     * VGG conv5_4 features), {@code setHiddenUnits} the size \( n \) of the hidden layer (the annotation size in the
     * reference code); all three are required.
     */
    public static final class Builder extends HiddenLayerBuilder<Builder> {

        private Builder() {
        }

        /**
         * @throws IllegalArgumentException if a size is not positive ({@code "hiddenUnits must be > 0, got 0"})
         */
        public ShowAttendTellScore build() {
            requirePositiveSizes();
            return new ShowAttendTellScore(this);
        }
    }
}
