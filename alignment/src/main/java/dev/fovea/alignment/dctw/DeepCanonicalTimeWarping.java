package dev.fovea.alignment.dctw;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.fovea.alignment.cca.CanonicalCorrelation;
import dev.fovea.alignment.cca.CcaDimension;
import dev.fovea.alignment.cca.CcaResult;
import dev.fovea.alignment.ctw.CanonicalTimeWarping;
import dev.fovea.alignment.ctw.CostMatrixDtw;
import dev.fovea.alignment.ctw.PathDeviation;
import dev.fovea.alignment.dtw.DtwResult;
import dev.fovea.alignment.dtw.WarpingPath;
import dev.fovea.alignment.frames.Frames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deep canonical time warping (Trigeorgis, Nicolaou, Schuller &amp; Zafeiriou, "Deep Canonical Time Warping", CVPR
 * 2016): CTW with CCA's linear maps replaced by one feed-forward network per sequence, trained to maximise the total
 * canonical correlation of the frames the current path pairs, alternating with DTW.
 *
 * <p>Inputs are standardised per channel. The path starts as uniform time warping
 * ({@link CanonicalTimeWarping#uniformTimeWarping}). Each alternation \( t \):
 * <ol>
 *   <li><b>networks</b>: {@code epochs} full-batch Adam steps on \( f_x, f_y \) (float64; shape from
 *       {@link DeepCtwOptions#hiddenLayers()} and {@link DeepCtwOptions#activation()}), ascending the deep-CCA
 *       objective (Andrew et al. 2013; Trigeorgis et al., eq. 8)
 *       \( \rho = \operatorname{tr}\big(T^\top T\big)^{1/2} \),
 *       \( T = \Sigma_{11}^{-1/2} \Sigma_{12} \Sigma_{22}^{-1/2} \) of \( H_1 = f_x(X_{\text{path}}) \),
 *       \( H_2 = f_y(Y_{\text{path}}) \). DJL has no custom autograd functions, so the analytic
 *       \( \partial\rho/\partial H \) of {@link CorrelationGradient} is pushed through the networks as the constant
 *       cotangent of the surrogate \( -\langle H_1, \partial\rho/\partial H_1\rangle
 *       - \langle H_2, \partial\rho/\partial H_2\rangle \), whose parameter gradient is
 *       \( -\partial\rho/\partial\theta \);</li>
 *   <li><b>spatial step</b>: linear CCA ({@link CanonicalCorrelation#fit}, \( k \) = {@link DeepCtwOptions#outputs()}
 *       components) of the outputs on the path's pairs, which whitens and aligns them (paper, §3); its summed
 *       correlations are the iteration's {@link DeepCtwResult#correlation()};</li>
 *   <li><b>temporal step</b>: DTW ({@link CostMatrixDtw}, squared Euclidean cost) of the projected sequences
 *       \( V_x^\top(f_x(x_i) - \mu_x) \), \( V_y^\top(f_y(y_j) - \mu_y) \), giving the new path and its
 *       {@link DeepCtwResult#alignmentCost()}.</li>
 * </ol>
 * Stops when the new path moves by at most {@link DeepCtwOptions#pathTolerance()} frames from the previous one
 * ({@link PathDeviation#between}) or after {@link DeepCtwOptions#maxIterations()}. Unlike
 * {@link CanonicalTimeWarping}, the cost is reported but not guaranteed to decrease (the networks change the space it
 * is measured in), so no iteration is discarded. With no hidden layers each network is an affine map and the method
 * is a gradient-trained linear CTW.
 *
 * <p>Cost per alternation: {@code epochs} forward/backward passes over the \( L \) paired frames plus
 * \( O(n_x n_y k) \) for DTW. Not thread-safe across concurrent calls on one engine: only one
 * {@link GradientCollector} may be active per JVM (DJL 0.35). On PyTorch, {@code -Dai.djl.pytorch.num_threads=1} is
 * much faster for these small tensors on a loaded machine (measured 50 times, docs/alignment.md).
 */
public final class DeepCanonicalTimeWarping {

    private DeepCanonicalTimeWarping() {
    }

    /**
     * Aligns \( x \) and \( y \).
     *
     * @param manager owns the trained networks returned in the result (in a sub-manager of it); closing it ends their
     *                life. Temporaries are freed before returning
     * @param x       \( n_x \times d_x \), finite, \( n_x \ge 3 \)
     * @param y       \( n_y \times d_y \), finite, \( n_y \ge 3 \)
     * @param options network shape and training settings
     * @return the path, its cost, the objectives per iteration, the stop reason and the learned maps
     * @throws IllegalArgumentException if a sequence is invalid or has fewer than 3 frames
     */
    public static DeepCtwResult align(NDManager manager, double[][] x, double[][] y, DeepCtwOptions options) {
        Objects.requireNonNull(manager, "manager must not be null");
        Objects.requireNonNull(options, "options must not be null");
        int dx = Frames.require("x", x);
        int dy = Frames.require("y", y);
        if (x.length < 3 || y.length < 3) {
            throw new IllegalArgumentException("x and y must have at least 3 frames, got " + x.length + " and "
                    + y.length);
        }
        int k = options.outputs();
        Engine.getInstance().setRandomSeed(options.seed());
        NDManager networks = manager.newSubManager();
        double[][] xMoments = moments(x);
        double[][] yMoments = moments(y);
        SequentialBlock fx = network(networks, options, dx);
        SequentialBlock fy = network(networks, options, dy);
        ParameterStore store = new ParameterStore(networks, false);
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
                .build();
        try (NDManager scope = manager.newSubManager()) {
            NDArray xs = scope.create(flatten(standardised(x, xMoments[0], xMoments[1]))).reshape(x.length, dx);
            NDArray ys = scope.create(flatten(standardised(y, yMoments[0], yMoments[1]))).reshape(y.length, dy);
            WarpingPath path = CanonicalTimeWarping.uniformTimeWarping(x.length, y.length);
            List<Double> costs = new ArrayList<>();
            List<Double> correlations = new ArrayList<>();
            CcaResult cca = null;
            double cost = Double.NaN;
            DeepCtwResult.Stop stop = DeepCtwResult.Stop.MAX_ITERATIONS;
            for (int iteration = 1; iteration <= options.maxIterations(); iteration++) {
                double[][] px;
                double[][] py;
                try (NDManager step = scope.newSubManager()) {
                    NDArray rows = step.create(path.rows()).toType(DataType.INT64, false);
                    NDArray columns = step.create(path.columns()).toType(DataType.INT64, false);
                    NDArray xw = xs.get(rows);
                    NDArray yw = ys.get(columns);
                    xw.attach(step);
                    yw.attach(step);
                    for (int epoch = 0; epoch < options.epochs(); epoch++) {
                        try (NDManager pass = step.newSubManager();
                                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            NDArray hx = fx.forward(store, new NDList(xw), true).singletonOrThrow();
                            NDArray hy = fy.forward(store, new NDList(yw), true).singletonOrThrow();
                            hx.attach(pass);
                            hy.attach(pass);
                            CorrelationGradient g = CorrelationGradient.of(matrix(hx), matrix(hy),
                                    options.regularization());
                            NDArray surrogate = hx.mul(pass.create(flatten(g.d1)).reshape(hx.getShape())).sum()
                                    .add(hy.mul(pass.create(flatten(g.d2)).reshape(hy.getShape())).sum()).neg();
                            collector.backward(surrogate);
                        }
                        step(adam, fx);
                        step(adam, fy);
                    }
                    NDArray hx = fx.forward(store, new NDList(xs), false).singletonOrThrow();
                    NDArray hy = fy.forward(store, new NDList(ys), false).singletonOrThrow();
                    hx.attach(step);
                    hy.attach(step);
                    px = matrix(hx);
                    py = matrix(hy);
                }
                cca = CanonicalCorrelation.fit(List.of(gather(px, path, true), gather(py, path, false)),
                        options.regularization(), CcaDimension.fixed(k));
                double total = 0;
                for (double rho : cca.correlations()) {
                    total += rho;
                }
                DtwResult dtw = CostMatrixDtw.align(Frames.squaredDistances(cca.project(0, px), cca.project(1, py)));
                double moved = PathDeviation.between(dtw.path(), path);
                path = dtw.path();
                cost = dtw.cost();
                costs.add(cost);
                correlations.add(total);
                if (moved <= options.pathTolerance()) {
                    stop = DeepCtwResult.Stop.PATH_CONVERGED;
                    break;
                }
            }
            return new DeepCtwResult(path, cost, costs.size(), unboxed(costs), unboxed(correlations), stop, cca,
                    new DeepProjection(networks, fx, store, xMoments[0], xMoments[1], cca, 0),
                    new DeepProjection(networks, fy, store, yMoments[0], yMoments[1], cca, 1));
        }
    }

    private static SequentialBlock network(NDManager manager, DeepCtwOptions options, int inputs) {
        SequentialBlock net = new SequentialBlock();
        for (int width : options.hiddenLayers()) {
            net.add(Linear.builder().setUnits(width).build());
            net.add(options.activation()::apply);
        }
        net.add(Linear.builder().setUnits(options.outputs()).build());
        net.initialize(manager, DataType.FLOAT64, new Shape(1, inputs));
        return net;
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void step(Optimizer optimizer, SequentialBlock net) {
        for (Pair<String, Parameter> entry : net.getParameters()) {
            NDArray weight = entry.getValue().getArray();
            NDArray gradient = weight.getGradient();
            optimizer.update(entry.getValue().getId(), weight, gradient);
            gradient.subi(gradient);
        }
    }

    /** Per channel: row 0 the mean, row 1 the reciprocal standard deviation (1 for a constant channel). */
    private static double[][] moments(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[][] out = new double[2][d];
        for (int c = 0; c < d; c++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[c] / n;
            }
            double variance = 0;
            for (double[] row : x) {
                variance += (row[c] - mean) * (row[c] - mean) / n;
            }
            out[0][c] = mean;
            out[1][c] = variance > 0 ? 1 / Math.sqrt(variance) : 1;
        }
        return out;
    }

    /** \( (x_{tc} - m_c) s_c \): the standardisation of training, also applied by {@link DeepProjection#project}. */
    static double[][] standardised(double[][] x, double[] mean, double[] scale) {
        double[][] out = new double[x.length][mean.length];
        for (int t = 0; t < x.length; t++) {
            for (int c = 0; c < mean.length; c++) {
                out[t][c] = (x[t][c] - mean[c]) * scale[c];
            }
        }
        return out;
    }

    static double[] flatten(double[][] x) {
        double[] out = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, out, i * x[0].length, x[0].length);
        }
        return out;
    }

    static double[][] matrix(NDArray a) {
        int n = Math.toIntExact(a.getShape().get(0));
        int d = Math.toIntExact(a.getShape().get(1));
        double[] flat = a.toDoubleArray();
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    private static double[][] gather(double[][] s, WarpingPath path, boolean rows) {
        double[][] out = new double[path.length()][];
        for (int k = 0; k < path.length(); k++) {
            out[k] = s[rows ? path.row(k) : path.column(k)];
        }
        return out;
    }
}
