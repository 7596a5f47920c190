package dev.fovea.alignment.dctw;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
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
import dev.fovea.alignment.ctw.CtwResult;
import dev.fovea.alignment.ctw.PathDeviation;
import dev.fovea.alignment.dtw.DtwResult;
import dev.fovea.alignment.dtw.WarpingPath;
import dev.fovea.alignment.frames.Frames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deep canonical time warping (Trigeorgis, Nicolaou, Schuller &amp; Zafeiriou, "Deep Canonical Time Warping", CVPR
 * 2016), minimal: CTW with CCA's linear maps replaced by one small network per sequence trained to maximise the
 * total canonical correlation of the frames the current path pairs.
 *
 * <p>Each alternation: (1) {@code epochs} full-batch Adam steps on the two networks
 * \( f_x, f_y : \text{Linear}(h) \to \tanh \to \text{Linear}(k) \) (float64), ascending
 * \( \rho(f_x(X_{\text{path}}), f_y(Y_{\text{path}})) \) with the analytic gradient of {@link CorrelationGradient}
 * pushed through the networks as the constant cotangent of a surrogate \( -\langle H, \partial\rho/\partial H\rangle \)
 * (DJL has no custom autograd functions); (2) linear CCA of the outputs along the path (paper, §3) and DTW of the
 * projected sequences, giving the new path and \( J \). Starts from uniform time warping; inputs are standardised per
 * channel first. Stops when the path is unchanged or after {@code maxIterations}. Unlike
 * {@link CanonicalTimeWarping}, \( J \) is reported but not guaranteed to decrease (the networks change the space).
 *
 * <p>Not thread-safe across concurrent calls on one engine: only one {@link GradientCollector} may be active per
 * JVM.
 */
public final class DeepCanonicalTimeWarping {

    private DeepCanonicalTimeWarping() {
    }

    /**
     * Aligns \( x \) and \( y \).
     *
     * @param manager where the networks and arrays live (closed by the caller)
     * @param x       \( n_x \times d_x \), finite, \( n_x \ge 3 \)
     * @param y       \( n_y \times d_y \), finite, \( n_y \ge 3 \)
     * @param options training settings
     * @return path, cost, iterations, objective per iteration; the {@code cca} is the final linear CCA on the outputs
     * @throws IllegalArgumentException if a sequence is invalid or has fewer than 3 frames
     */
    public static CtwResult align(NDManager manager, double[][] x, double[][] y, DeepCtwOptions options) {
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
        try (NDManager scope = manager.newSubManager()) {
            NDArray xs = scope.create(flatten(standardised(x))).reshape(x.length, dx);
            NDArray ys = scope.create(flatten(standardised(y))).reshape(y.length, dy);
            SequentialBlock fx = network(scope, options, dx);
            SequentialBlock fy = network(scope, options, dy);
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
                    .build();
            ParameterStore store = new ParameterStore(scope, false);
            WarpingPath path = CanonicalTimeWarping.uniformTimeWarping(x.length, y.length);
            List<Double> objective = new ArrayList<>();
            CcaResult cca = null;
            double cost = Double.NaN;
            CtwResult.Stop stop = CtwResult.Stop.MAX_ITERATIONS;
            for (int iteration = 1; iteration <= options.maxIterations(); iteration++) {
                NDArray rows = scope.create(path.rows()).toType(DataType.INT64, false);
                NDArray columns = scope.create(path.columns()).toType(DataType.INT64, false);
                NDArray xw = xs.get(rows);
                NDArray yw = ys.get(columns);
                for (int epoch = 0; epoch < options.epochs(); epoch++) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray hx = fx.forward(store, new NDList(xw), true).singletonOrThrow();
                        NDArray hy = fy.forward(store, new NDList(yw), true).singletonOrThrow();
                        CorrelationGradient g = CorrelationGradient.of(matrix(hx), matrix(hy),
                                options.regularization());
                        NDArray surrogate = hx.mul(scope.create(flatten(g.d1)).reshape(hx.getShape())).sum()
                                .add(hy.mul(scope.create(flatten(g.d2)).reshape(hy.getShape())).sum()).neg();
                        collector.backward(surrogate);
                    }
                    step(adam, fx);
                    step(adam, fy);
                }
                double[][] px = matrix(fx.forward(store, new NDList(xs), false).singletonOrThrow());
                double[][] py = matrix(fy.forward(store, new NDList(ys), false).singletonOrThrow());
                cca = CanonicalCorrelation.fit(List.of(gather(px, path, true), gather(py, path, false)),
                        options.regularization(), CcaDimension.fixed(k));
                DtwResult dtw = CostMatrixDtw.align(Frames.squaredDistances(cca.project(0, px), cca.project(1, py)));
                double moved = PathDeviation.between(dtw.path(), path);
                path = dtw.path();
                cost = dtw.cost();
                objective.add(cost);
                if (moved == 0) {
                    stop = CtwResult.Stop.PATH_CONVERGED;
                    break;
                }
            }
            double[] j = objective.stream().mapToDouble(Double::doubleValue).toArray();
            return new CtwResult(path, cost, j.length, j, stop, cca);
        }
    }

    private static SequentialBlock network(NDManager manager, DeepCtwOptions options, int inputs) {
        SequentialBlock net = new SequentialBlock()
                .add(Linear.builder().setUnits(options.hiddenUnits()).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(options.outputs()).build());
        net.initialize(manager, DataType.FLOAT64, new Shape(1, inputs));
        return net;
    }

    private static void step(Optimizer optimizer, SequentialBlock net) {
        for (Pair<String, Parameter> entry : net.getParameters()) {
            NDArray weight = entry.getValue().getArray();
            NDArray gradient = weight.getGradient();
            optimizer.update(entry.getValue().getId(), weight, gradient);
            gradient.subi(gradient);
        }
    }

    private static double[][] standardised(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[][] out = new double[n][d];
        for (int c = 0; c < d; c++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[c] / n;
            }
            double variance = 0;
            for (double[] row : x) {
                variance += (row[c] - mean) * (row[c] - mean) / n;
            }
            double scale = variance > 0 ? 1 / Math.sqrt(variance) : 1;
            for (int t = 0; t < n; t++) {
                out[t][c] = (x[t][c] - mean) * scale;
            }
        }
        return out;
    }

    private static double[] flatten(double[][] x) {
        double[] out = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, out, i * x[0].length, x[0].length);
        }
        return out;
    }

    private static double[][] matrix(NDArray a) {
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
