package dev.fovea.attention.mixture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.fovea.attention.AttentionBlock;
import dev.fovea.attention.continuous.ContinuousSoftmax2;
import dev.fovea.attention.continuous.GaussianBasis2;
import dev.fovea.attention.continuous.RidgeValueFunction;
import dev.fovea.attention.continuous.UnitSquareGrid;
import dev.fovea.attention.discrete.Softmax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Multimodal continuous attention over the cells of a square grid (Farinhas, Martins &amp; Aguiar 2021, §3):
 * <ol>
 *   <li>cell scores \( s \) \( [B, L] \), \( L = G^2 \) \( \to \) attention weights \( w = \operatorname{softmax}(s) \)
 *       (or the weights themselves, {@link Input#WEIGHTS});</li>
 *   <li>a starting mixture per map, chosen on the host in double precision ({@link #initialise}): in training, a
 *       random \( K \in \{1, \dots, K_{\max}\} \) per map with one weighted k-means++ start; otherwise the start of
 *       the candidate that {@link MixtureSelection} selects over \( K \le K_{\max} \) and its restarts;</li>
 *   <li>\( n \) steps of weighted EM on the device, {@link MixtureEm#run}, differentiable in \( w \), over the cell
 *       centres of {@link UnitSquareGrid} (the one frame of 2-D attention);</li>
 *   <li>per component the continuous softmax expectations \( r_k = \mathbb{E}_{\mathcal{N}(\mu_k, \Sigma_k)}[\psi] \)
 *       in closed form ({@link ContinuousSoftmax2#expectation(NDArray, NDArray, NDArray, NDArray)}), and the context
 *       \( c = \sum_k \pi_k B r_k = V^\top G \sum_k \pi_k r_k \) through the ridge value function
 *       ({@link RidgeValueFunction}).</li>
 * </ol>
 * Inputs: {@code scores} (or weights) \( [B, L] \), {@code values} \( [B, L, D] \). Outputs: {@code context}
 * \( [B, D] \) and the mixture density at the cell centres, normalised to sum 1 over the cells \( [B, L] \), for
 * display.
 *
 * <p>The training-mode flag is DJL's {@code training} argument of {@code forward}. The start (number of components,
 * seeds, covariances) is a constant for autograd: it depends on \( w \) only through discrete choices, so the gradient
 * through the \( n \) unrolled EM steps is the gradient of the block's output wherever those choices do not change.
 * Step 2 copies the weights to the host once per call (\( B \times L \) numbers) and costs about \( B \) kernel fits
 * outside training. Maps with fewer components than \( K_{\max} \) are padded with empty components, so one batched
 * EM serves the whole batch.
 *
 * <p>No trainable parameters; the ridge weights are computed once per grid size and cached. Thread-safe (the training
 * random source is guarded).
 */
public final class MixtureAttention extends AttentionBlock {

    private static final byte VERSION = 1;

    /** What the first input holds. */
    public enum Input {
        /** Unnormalised scores; the block applies softmax over the cells. */
        SCORES,
        /** Attention weights, rows \( \ge 0 \) with a positive sum (1 for a distribution). */
        WEIGHTS
    }

    /**
     * The EM and selection settings of the block, validated as {@link MixtureRequest} validates them.
     *
     * @param maxComponents   \( K_{\max} \ge 1 \)
     * @param iterations      \( n \ge 1 \) E+M steps
     * @param covarianceFloor \( \varepsilon \ge 0 \)
     * @param penalty         \( \lambda \ge 0 \) of the selection criterion (outside training)
     * @param restarts        \( r \ge 1 \) starts per \( K \) (outside training)
     * @param seed            seed of the selection starts and of the training random source
     */
    public record Settings(int maxComponents, int iterations, double covarianceFloor, double penalty, int restarts,
            long seed) {

        /** @throws IllegalArgumentException if a setting is out of range (the message names it) */
        public Settings {
            ComponentCount.atMost(maxComponents);
            MixtureRequest.checkSettings(iterations, covarianceFloor, penalty, restarts);
        }

        /** \( K_{\max} \) with the defaults of {@link MixtureRequest} for everything else. */
        public static Settings defaults(int maxComponents) {
            return new Settings(maxComponents, MixtureRequest.DEFAULT_ITERATIONS,
                    MixtureRequest.DEFAULT_COVARIANCE_FLOOR, MixtureRequest.DEFAULT_PENALTY,
                    MixtureRequest.DEFAULT_RESTARTS, MixtureRequest.DEFAULT_SEED);
        }
    }

    /**
     * What {@link #attend} computes.
     *
     * @param context the context \( [B, D] \)
     * @param map     the mixture density at the cell centres normalised over the cells, \( [B, L] \)
     * @param mixture the fitted mixtures \( \theta_n \)
     */
    public record Output(NDArray context, NDArray map, MixtureParameters mixture) {
    }

    private final GaussianBasis2 basis;
    private final double ridge;
    private final Input input;
    private final Settings settings;
    private final SplittableRandom trainingRandom;
    private final Map<Integer, RidgeValueFunction> valueFunctions = new ConcurrentHashMap<>();

    /**
     * @param basis    the value basis \( \psi \)
     * @param ridge    the ridge penalty of the value function, finite and \( &gt; 0 \)
     * @param input    whether the first input holds scores or weights
     * @param settings EM and selection settings
     * @throws IllegalArgumentException if {@code ridge} is not finite and positive
     */
    public MixtureAttention(GaussianBasis2 basis, double ridge, Input input, Settings settings) {
        super(VERSION);
        this.basis = Objects.requireNonNull(basis, "basis must not be null");
        if (!(ridge > 0.0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and > 0, got " + ridge);
        }
        this.ridge = ridge;
        this.input = Objects.requireNonNull(input, "input must not be null");
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.trainingRandom = new SplittableRandom(settings.seed());
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /**
     * The functional form of steps 3–4: EM from {@code initial}, then the context and the display map.
     *
     * @param weights         \( w \), \( [B, L] \), \( L = G^2 \) for the grid of {@code valueFunction}
     * @param values          \( [B, L, D] \), same data type
     * @param valueFunction   the fitted ridge value function of that grid
     * @param initial         \( \theta_0 \), \( B \) mixtures of \( K \) components
     * @param iterations      \( n \ge 0 \)
     * @param covarianceFloor \( \varepsilon \ge 0 \)
     * @throws IllegalArgumentException if a shape or data type does not fit
     */
    public static Output attend(NDArray weights, NDArray values, RidgeValueFunction valueFunction,
            MixtureParameters initial, int iterations, double covarianceFloor) {
        NDManager manager = weights.getManager();
        DataType type = weights.getDataType();
        NDArray points = valueFunction.grid().centres(manager, type);
        MixtureParameters fitted = MixtureEm.run(weights, points, initial, iterations, covarianceFloor);
        long b = fitted.batchSize();
        long k = fitted.componentCount();
        GaussianBasis2 psi = valueFunction.basis();
        NDArray expectations = ContinuousSoftmax2.expectation(fitted.means().reshape(b * k, 2),
                fitted.covariances().reshape(b * k, 2, 2), psi.means(manager, type), psi.covariances(manager, type))
                .reshape(b, k, psi.size());
        NDArray mixed = fitted.mixingWeights().expandDims(1).matMul(expectations).squeeze(1);
        NDArray context = valueFunction.context(values, mixed);
        NDArray density = MixtureEm.density(fitted, points);
        return new Output(context, density.div(density.sum(new int[] {1}, true)), fitted);
    }

    /**
     * Step 2 of the class comment: the starting mixtures, padded to \( K_{\max} \) components, in the data type and
     * on the manager of {@code weights}. Each row is divided by its sum (in double) before the host-side fit, so
     * float32 rounding of the softmax does not matter.
     *
     * @param weights  \( [B, L] \), \( L = G^2 \), rows \( \ge 0 \) with a positive sum
     * @param training whether to draw \( K \) at random (training) or select it
     * @throws IllegalArgumentException if a row has negative, non-finite or all-zero weights (the message names the row)
     */
    public MixtureParameters initialise(NDArray weights, boolean training) {
        if (weights.getShape().dimension() != 2) {
            throw new IllegalArgumentException("weights must have shape (B, L), got " + weights.getShape());
        }
        int b = Math.toIntExact(weights.getShape().get(0));
        int l = Math.toIntExact(weights.getShape().get(1));
        double[][] points = UnitSquareGrid.ofCellCount(l).centres();
        double[] host = weights.toType(DataType.FLOAT64, false).toDoubleArray();
        List<GaussianMixture2> starts = new ArrayList<>(b);
        for (int row = 0; row < b; row++) {
            double[] w = new double[l];
            double sum = 0.0;
            int positive = 0;
            for (int j = 0; j < l; j++) {
                w[j] = host[row * l + j];
                sum += w[j];
                positive += w[j] > 0.0 ? 1 : 0;
            }
            if (!(sum > 0.0) || !Double.isFinite(sum)) {
                throw new IllegalArgumentException("weights row " + row + " must have a positive finite sum, got " + sum);
            }
            for (int j = 0; j < l; j++) {
                w[j] /= sum;
            }
            try {
                starts.add(training ? randomStart(points, w, positive) : selectedStart(points, w));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("weights row " + row + ": " + e.getMessage(), e);
            }
        }
        return MixtureParameters.of(weights.getManager(), weights.getDataType(), starts, settings.maxComponents());
    }

    private GaussianMixture2 randomStart(double[][] points, double[] w, int positive) {
        synchronized (trainingRandom) {
            int k = Math.min(1 + trainingRandom.nextInt(settings.maxComponents()), Math.max(positive, 1));
            return MixtureInitialisation.kMeansPlusPlus(points, w, k, settings.covarianceFloor(), trainingRandom);
        }
    }

    private GaussianMixture2 selectedStart(double[][] points, double[] w) {
        MixtureRequest request = new MixtureRequest(points, w, ComponentCount.atMost(settings.maxComponents()),
                settings.iterations(), null, settings.covarianceFloor(), settings.penalty(), settings.restarts(),
                settings.seed());
        return MixtureSelection.fit(request).initialMixture();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray weights = input == Input.SCORES ? Softmax.apply(inputs.head(), -1) : inputs.head();
        // initialise checks the shape (B, L) before anything else reads it.
        MixtureParameters initial = initialise(weights, training);
        Output output = attend(weights, inputs.get(1), valueFunction(weights.getShape().get(1)), initial,
                settings.iterations(), settings.covarianceFloor());
        return new NDList(output.context(), output.map());
    }

    /** The value function for a grid of {@code cellCount} cells, fitted on first use. */
    public RidgeValueFunction valueFunction(long cellCount) {
        UnitSquareGrid grid = UnitSquareGrid.ofCellCount(cellCount);
        return valueFunctions.computeIfAbsent(grid.cellsPerSide(), side -> RidgeValueFunction.fit(basis, grid, ridge));
    }

    @Override
    public String toString() {
        return "MixtureAttention(" + input + ", basis of " + basis.size() + ", ridge " + ridge + ", " + settings + ")";
    }
}
