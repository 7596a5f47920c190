package dev.fovea.models.vqa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.fovea.attention.AttentionBlock;
import dev.fovea.attention.continuous.ContinuousSoftmaxAttention;
import dev.fovea.attention.continuous.GaussianBasis2;
import dev.fovea.attention.discrete.DiscreteAttention;
import dev.fovea.attention.discrete.SimplexMapping;
import dev.fovea.models.shapes.Question;
import dev.fovea.models.shapes.ShapesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small VQA network for the shapes task with pluggable attention over the cells of its feature map.
 *
 * <p>Architecture, for a \( G \times G \) grid of \( c \)-pixel cells:
 * <ol>
 *   <li>image \( [B, 3, H, W] \) \( \to \) \( \log_2 c \) convolutions 3×3, stride 2, padding 1, ReLU (16 filters,
 *       then {@value #FEATURES}) \( \to \) cell features \( F \in \mathbb{R}^{B \times G^2 \times 32} \), cells in
 *       row-major order (row = \( y \));</li>
 *   <li>question multi-hot \( [B, \mathit{TOKEN\_COUNT}] \) \( \to \) \( q = \operatorname{ReLU}(W_q x + b) \),
 *       \( [B, 32] \);</li>
 *   <li>additive scores \( s_l = w^\top \tanh(W_F F_l + W_Q q) + b \) (Bahdanau et al. 2015), \( [B, G^2] \);</li>
 *   <li>attention (discrete softmax or 2-D continuous softmax) over the cells with values \( F \):
 *       context \( [B, 32] \) and the attention map \( [B, G^2] \);</li>
 *   <li>\( [\text{context}; q; \sum_l F_l] \) \( \to \) Linear 64, ReLU \( \to \) Linear
 *       \( \mathit{maxShapes} + 1 \) answer logits. The pooled features carry the totals a count needs, which a
 *       convex combination of cells (the context) does not; a sum rather than a mean keeps one shape's contribution
 *       of order 1 instead of \( 1/G^2 \), which trained markedly faster.</li>
 * </ol>
 *
 * <p>Inputs: {@code image} \( [B, 3, H, W] \) float32 in \( [0, 1] \) and {@code question} \( [B, T] \) multi-hot, as
 * built by {@link #inputs(NDManager, ShapesConfig, List, List)}. Outputs: {@code logits} \( [B, A] \) and
 * {@code attention} \( [B, G^2] \), rows summing to 1.
 */
public final class ShapesVqaNet extends AbstractBlock {

    /** Channels of the cell features (the last convolution). */
    public static final int FEATURES = 32;
    private static final int FIRST_FILTERS = 16;
    private static final int QUESTION_UNITS = 32;
    private static final int SCORE_UNITS = 32;
    private static final int HIDDEN_UNITS = 64;
    /** Continuous attention: one basis function per cell with \( \sigma \) = 0.8 cell sides, ridge \( 10^{-2} \). */
    private static final double BASIS_SIGMA_CELLS = 0.8;
    private static final double RIDGE = 1e-2;
    private static final byte VERSION = 1;

    private final ShapesConfig config;
    private final AttentionKind attentionKind;
    private final List<Block> convolutions = new ArrayList<>();
    private final Block questionEmbedding;
    private final Block cellProjection;
    private final Block questionProjection;
    private final Block scorer;
    private final AttentionBlock attention;
    private final Block hidden;
    private final Block output;

    /**
     * @param config        the dataset geometry; its cell size must be a power of two \( \ge 2 \) pixels
     * @param attentionKind the attention over cells
     * @throws IllegalArgumentException if the cell size is not a power of two \( \ge 2 \)
     */
    public ShapesVqaNet(ShapesConfig config, AttentionKind attentionKind) {
        super(VERSION);
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.attentionKind = Objects.requireNonNull(attentionKind, "attentionKind must not be null");
        int cell = config.cellSize();
        if (cell < 2 || Integer.bitCount(cell) != 1) {
            throw new IllegalArgumentException("ShapesVqaNet needs a power-of-two cell size >= 2 px, got " + cell
                    + " (imageSize " + config.imageSize() + ", grid " + config.grid() + ")");
        }
        int layers = Integer.numberOfTrailingZeros(cell);
        for (int i = 0; i < layers; i++) {
            convolutions.add(addChildBlock("conv" + (i + 1), Conv2d.builder()
                    .setKernelShape(new Shape(3, 3))
                    .optStride(new Shape(2, 2))
                    .optPadding(new Shape(1, 1))
                    .setFilters(i == layers - 1 ? FEATURES : FIRST_FILTERS)
                    .build()));
        }
        questionEmbedding = addChildBlock("questionEmbedding", Linear.builder().setUnits(QUESTION_UNITS).build());
        cellProjection = addChildBlock("cellProjection", Linear.builder().setUnits(SCORE_UNITS).optBias(false).build());
        questionProjection = addChildBlock("questionProjection", Linear.builder().setUnits(SCORE_UNITS).build());
        scorer = addChildBlock("scorer", Linear.builder().setUnits(1).build());
        attention = addChildBlock("attention", switch (attentionKind) {
            case DISCRETE_SOFTMAX -> new DiscreteAttention(SimplexMapping.softmax());
            case CONTINUOUS_SOFTMAX -> new ContinuousSoftmaxAttention(
                    GaussianBasis2.grid(config.grid(), BASIS_SIGMA_CELLS / config.grid()), RIDGE);
        });
        hidden = addChildBlock("hidden", Linear.builder().setUnits(HIDDEN_UNITS).build());
        output = addChildBlock("output", Linear.builder().setUnits(config.answerCount()).build());
    }

    /** The dataset geometry. */
    public ShapesConfig config() {
        return config;
    }

    /** The attention over cells. */
    public AttentionKind attentionKind() {
        return attentionKind;
    }

    /** The shapes of the two inputs for a batch of {@code batchSize}: image and question. */
    public Shape[] inputShapes(long batchSize) {
        return new Shape[] {
            new Shape(batchSize, 3, config.imageSize(), config.imageSize()),
            new Shape(batchSize, Question.TOKEN_COUNT)
        };
    }

    /**
     * The network inputs for a batch, in float32, attached to {@code manager}.
     *
     * @param images    HWC images of {@link ShapesConfig#pixelValueCount()} values each (not validated here: validate
     *                  at the edge)
     * @param questions the questions, one per image
     * @return {@code image} \( [B, 3, H, W] \) and {@code question} \( [B, T] \) multi-hot of {@link Question#tokenIds()}
     * @throws IllegalArgumentException if the lists differ in length, are empty, or an image has the wrong length
     */
    public static NDList inputs(NDManager manager, ShapesConfig config, List<float[]> images, List<Question> questions) {
        if (images.size() != questions.size() || images.isEmpty()) {
            throw new IllegalArgumentException("need one question per image and at least one image, got "
                    + images.size() + " images and " + questions.size() + " questions");
        }
        int size = config.pixelValueCount();
        float[] pixels = new float[images.size() * size];
        float[] tokens = new float[questions.size() * Question.TOKEN_COUNT];
        for (int b = 0; b < images.size(); b++) {
            float[] image = images.get(b);
            if (image.length != size) {
                throw new IllegalArgumentException(
                        "image " + b + " has " + image.length + " values, expected " + size);
            }
            System.arraycopy(image, 0, pixels, b * size, size);
            for (int token : questions.get(b).tokenIds()) {
                tokens[b * Question.TOKEN_COUNT + token] = 1f;
            }
        }
        int side = config.imageSize();
        NDArray image = manager.create(pixels, new Shape(images.size(), side, side, 3)).transpose(0, 3, 1, 2);
        NDArray question = manager.create(tokens, new Shape(questions.size(), Question.TOKEN_COUNT));
        return new NDList(image, question);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        for (Block convolution : convolutions) {
            x = Activation.relu(convolution.forward(parameterStore, new NDList(x), training).singletonOrThrow());
        }
        long batch = x.getShape().get(0);
        NDArray cells = x.reshape(batch, FEATURES, config.cellCount()).transpose(0, 2, 1);
        NDArray q = Activation.relu(apply(questionEmbedding, parameterStore, inputs.get(1), training));
        NDArray keys = apply(cellProjection, parameterStore, cells, training);
        NDArray query = apply(questionProjection, parameterStore, q, training).expandDims(1);
        NDArray scores = apply(scorer, parameterStore, keys.add(query).tanh(), training).squeeze(2);
        NDList attended = attention.forward(parameterStore, new NDList(scores, cells), training);
        NDArray pooled = cells.sum(new int[] {1});
        NDArray joint = NDArrays.concat(new NDList(attended.get(0), q, pooled), 1);
        NDArray h = Activation.relu(apply(hidden, parameterStore, joint, training));
        return new NDList(apply(output, parameterStore, h, training), attended.get(1));
    }

    private static NDArray apply(Block block, ParameterStore parameterStore, NDArray input, boolean training) {
        return block.forward(parameterStore, new NDList(input), training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        Shape x = inputShapes[0];
        for (Block convolution : convolutions) {
            convolution.initialize(manager, dataType, x);
            x = convolution.getOutputShapes(new Shape[] {x})[0];
        }
        Shape cells = new Shape(batch, config.cellCount(), FEATURES);
        questionEmbedding.initialize(manager, dataType, inputShapes[1]);
        cellProjection.initialize(manager, dataType, cells);
        questionProjection.initialize(manager, dataType, new Shape(batch, QUESTION_UNITS));
        scorer.initialize(manager, dataType, new Shape(batch, config.cellCount(), SCORE_UNITS));
        attention.initialize(manager, dataType, new Shape(batch, config.cellCount()), cells);
        hidden.initialize(manager, dataType, new Shape(batch, FEATURES + QUESTION_UNITS + FEATURES));
        output.initialize(manager, dataType, new Shape(batch, HIDDEN_UNITS));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {new Shape(batch, config.answerCount()), new Shape(batch, config.cellCount())};
    }

    @Override
    public String toString() {
        return "ShapesVqaNet(" + attentionKind.id() + ", " + config + ")";
    }
}
