package dev.fovea.attention.salience;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.fovea.math.Finite;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Activation × gradient salience maps at an intermediate layer, made comparable with attention maps.
 *
 * <p>For an activation \( a \in \mathbb{R}^{C \times S} \) (channels × spatial positions) and a target score
 * \( y \) (e.g. one class logit) computed from it, with \( g = \partial y / \partial a \):
 * \[ m_s = \max\Bigl(0, \sum_c a_{cs}\, g_{cs}\Bigr), \qquad \hat m_s = m_s / \textstyle\sum_{s'} m_{s'} . \]
 * The sum \( \sum_c a_{cs} g_{cs} \) is the first-order Taylor contribution of position \( s \) to \( y \) ("gradient
 * × input" taken at a layer, Shrikumar et al. 2016; Grad-CAM, Selvaraju et al. 2017, weights channels by the
 * spatially averaged gradient instead).
 *
 * <p>The choices, stated because saliency metrics rank models differently depending on them (Bylinskii, Judd, Oliva,
 * Torralba and Durand, "What do different evaluation metrics tell us about saliency models?", 2016/2018):
 * <ul>
 *   <li><b>rectification</b>: negative contributions (evidence against the target) are set to 0, as in Grad-CAM, so
 *       the map is non-negative like an attention distribution;</li>
 *   <li><b>normalisation</b>: to sum 1 over the positions of each sample (a probability distribution, comparable with
 *       attention weights by KL divergence, similarity or correlation), not min–max to \( [0, 1] \); a map with no
 *       positive contribution anywhere (\( \sum_s m_s = 0 \)) is the uniform distribution \( 1/S \), the
 *       maximum-entropy "no evidence" answer, never NaN;</li>
 *   <li><b>resolution</b>: the layer's own spatial grid; no blur, no resizing (do both, if at all, outside and
 *       state them);</li>
 *   <li><b>batch</b>: samples are independent; \( y \) is summed over the batch before the backward pass, which gives
 *       each sample its own gradient because no sample's score depends on another's activation.</li>
 * </ul>
 *
 * <p>Three layers: {@link #map(double[][], double[][])} (double kernel), {@link #map(NDArray, NDArray)} (NDArray),
 * and the entry points that obtain the gradient by DJL autograd, {@link #of(NDArray, Function)} for any forward
 * function and {@link #of(SequentialBlock, String, NDList, Function)} for a named layer of a sequential model. Those
 * open a {@link GradientCollector}, of which only one may be active per JVM at a time: do not call them while training.
 */
public final class ActivationGradientSalience {

    private ActivationGradientSalience() {
    }

    /**
     * The double kernel for one sample.
     *
     * @param activation \( a \), \( C \ge 1 \) channels of \( S \ge 1 \) positions
     * @param gradient   \( g \), same shape
     * @return a new array of \( S \) non-negative values summing to 1
     * @throws IllegalArgumentException if the shapes differ ({@code "gradient must be 2 × 3, got 2 × 4"}) or a value
     *                                  is not finite
     */
    public static double[] map(double[][] activation, double[][] gradient) {
        Finite.check("activation", activation);
        Finite.check("gradient", gradient);
        if (activation.length == 0 || activation[0].length == 0) {
            throw new IllegalArgumentException("activation must have at least one channel and one position");
        }
        int positions = activation[0].length;
        for (int c = 0; c < activation.length; c++) {
            if (activation[c].length != positions || c >= gradient.length || gradient[c].length != positions
                    || gradient.length != activation.length) {
                throw new IllegalArgumentException("gradient must be " + activation.length + " × " + positions
                        + ", got " + gradient.length + " × " + (gradient.length == 0 ? 0 : gradient[0].length));
            }
        }
        double[] m = new double[positions];
        double total = 0.0;
        for (int s = 0; s < positions; s++) {
            double v = 0.0;
            for (int c = 0; c < activation.length; c++) {
                v += activation[c][s] * gradient[c][s];
            }
            m[s] = Math.max(0.0, v);
            total += m[s];
        }
        for (int s = 0; s < positions; s++) {
            m[s] = total > 0.0 ? m[s] / total : 1.0 / positions;
        }
        return m;
    }

    /**
     * The maps of a batch.
     *
     * @param activation \( [B, C, \dots] \) with at least one spatial axis
     * @param gradient   same shape
     * @return \( [B, \dots] \) (the spatial axes), non-negative, each sample's map summing to 1
     * @throws IllegalArgumentException if the shapes differ or there is no spatial axis
     */
    public static NDArray map(NDArray activation, NDArray gradient) {
        Shape shape = activation.getShape();
        if (!gradient.getShape().equals(shape)) {
            throw new IllegalArgumentException("gradient has shape " + gradient.getShape() + ", activation " + shape);
        }
        if (shape.dimension() < 3) {
            throw new IllegalArgumentException(
                    "activation must have shape (B, C, spatial...) with at least one spatial axis, got " + shape);
        }
        NDArray m = activation.mul(gradient).sum(new int[] {1}).maximum(0);
        NDArray flat = m.reshape(shape.get(0), -1);
        NDArray total = flat.sum(new int[] {1}, true);
        NDArray empty = total.eq(0).toType(flat.getDataType(), false);
        long positions = flat.getShape().get(1);
        NDArray normalised = flat.add(empty.div(positions)).div(total.add(empty));
        return normalised.reshape(m.getShape());
    }

    /**
     * The maps of an activation whose downstream computation is given as a function.
     *
     * @param activation \( [B, C, \dots] \), the layer's output (a copy detached from any graph is used)
     * @param downstream the rest of the model followed by the target: activation → scores \( [B] \)
     * @return \( [B, \dots] \) as {@link #map(NDArray, NDArray)}
     */
    public static NDArray of(NDArray activation, Function<NDArray, NDArray> downstream) {
        NDArray leaf = activation.stopGradient();
        leaf.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray score = downstream.apply(leaf);
            if (score.getShape().dimension() != 1 || score.getShape().get(0) != activation.getShape().get(0)) {
                throw new IllegalArgumentException("the target must give one score per sample, shape ("
                        + activation.getShape().get(0) + "), got " + score.getShape());
            }
            collector.backward(score.sum());
        }
        NDArray gradient = leaf.getGradient().duplicate();
        return map(leaf.stopGradient(), gradient);
    }

    /**
     * The maps at a named layer of a sequential model: the children up to and including {@code layer} run on the
     * input (in inference mode), the remaining children and {@code target} form the downstream function.
     *
     * @param model  an initialised sequential model
     * @param layer  the name of one of its children as listed by {@code model.getChildren()} (DJL numbers them, e.g.
     *               {@code "02Linear"})
     * @param input  the model's input
     * @param target the model's output → one score per sample \( [B] \), e.g. {@code out -> out.get(":, 3")}
     * @return \( [B, \dots] \) as {@link #map(NDArray, NDArray)}
     * @throws IllegalArgumentException if no child has that name (the message lists the names)
     */
    public static NDArray of(SequentialBlock model, String layer, NDList input, Function<NDList, NDArray> target) {
        List<Block> before = new ArrayList<>();
        List<Block> after = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean found = false;
        for (Pair<String, Block> child : model.getChildren()) {
            names.add(child.getKey());
            (found ? after : before).add(child.getValue());
            found |= child.getKey().equals(layer);
        }
        if (!found) {
            throw new IllegalArgumentException("model has no layer named \"" + layer + "\"; its layers are " + names);
        }
        ParameterStore store = new ParameterStore(input.head().getManager(), false);
        NDList activation = input;
        for (Block block : before) {
            activation = block.forward(store, activation, false);
        }
        return of(activation.singletonOrThrow(), a -> {
            NDList x = new NDList(a);
            for (Block block : after) {
                x = block.forward(store, x, true);
            }
            return target.apply(x);
        });
    }
}
