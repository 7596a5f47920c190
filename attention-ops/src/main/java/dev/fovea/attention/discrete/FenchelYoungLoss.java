package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import dev.fovea.math.Finite;
import java.util.Objects;

/**
 * The Fenchel–Young loss of a {@link SimplexMapping} (Blondel, Martins &amp; Niculae 2020, "Learning with
 * Fenchel–Young Losses"; Peters, Niculae &amp; Martins 2019 for the entmax losses): for scores \( s \), a target
 * distribution \( y \) and the mapping's entropy \( H_\alpha \) ({@link TsallisEntropy}) with
 * \( p = \arg\max_{q \in \Delta} \langle s, q \rangle + H_\alpha(q) \) the mapping's output,
 * \[ L(s; y) = \langle s, p - y \rangle + H_\alpha(p) - H_\alpha(y), \qquad \nabla_s L = p - y. \]
 * \( L \ge 0 \), with equality exactly when \( y = p \); it is convex and differentiable in \( s \) (even where the
 * mapping itself has kinks), and invariant to adding a constant to \( s \).
 * <ul>
 *   <li>softmax (\( \alpha = 1 \)): the cross-entropy \( \log \sum_i e^{s_i} - \langle s, y \rangle - H_1(y) \),
 *       i.e. \( -\log p_k \) for a one-hot \( y = e_k \);</li>
 *   <li>sparsemax (\( \alpha = 2 \)): the sparsemax loss of Martins &amp; Astudillo 2016, §3,
 *       \( -s_k + \frac12 \sum_{j \in S} (s_j^2 - \tau^2) + \frac12 \) for \( y = e_k \);</li>
 *   <li>entmax15 and entmax: the entmax losses of Peters et al. 2019.</li>
 * </ul>
 *
 * <p>Masking: \( -\infty \) scores (and masked positions in the NDArray form) are left out of the sums, so they never
 * meet an arithmetic operation (\( -\infty \cdot 0 \) is how the entmax library's losses turned NaN, its issues #9,
 * #16, #17). A target with mass on a masked position is infinitely wrong: the loss is \( +\infty \) (the gradient on
 * the unmasked positions stays \( p - y \)). In the NDArray form a slice with no unmasked position (padding) has
 * loss 0 and zero gradient, whatever its target.
 *
 * <p>Immutable and thread-safe.
 */
public final class FenchelYoungLoss {

    private static final double TARGET_SUM_TOLERANCE = 1e-9;

    private final SimplexMapping mapping;
    private final double alpha;

    private FenchelYoungLoss(SimplexMapping mapping) {
        this.mapping = mapping;
        this.alpha = switch (mapping) {
            case SimplexMapping.SoftmaxMapping softmax -> 1.0;
            case SimplexMapping.SparsemaxMapping sparsemax -> 2.0;
            case SimplexMapping.Entmax15Mapping entmax15 -> 1.5;
            case SimplexMapping.EntmaxMapping entmax -> entmax.alpha();
        };
    }

    /**
     * The Fenchel–Young loss of {@code mapping}.
     *
     * @throws NullPointerException if {@code mapping} is null
     */
    public static FenchelYoungLoss of(SimplexMapping mapping) {
        return new FenchelYoungLoss(Objects.requireNonNull(mapping, "mapping must not be null"));
    }

    /** The mapping whose loss this is. */
    public SimplexMapping mapping() {
        return mapping;
    }

    /** The \( \alpha \) of the mapping's Tsallis entropy: 1 for softmax, 2 for sparsemax, 1.5 for entmax15. */
    public double alpha() {
        return alpha;
    }

    /**
     * \( L(s; y) \) for one score vector, computed with \( s \) shifted so that its largest entry is 0 (which
     * changes nothing since \( \sum_i p_i = \sum_i y_i = 1 \)).
     *
     * @param scores \( s \in (\mathbb{R} \cup \{-\infty\})^n \), at least one finite
     * @param target \( y \), same length, finite, non-negative, summing to 1 (within \( 10^{-9} \))
     * @return \( L(s; y) \ge 0 \) up to rounding; \( +\infty \) if \( y \) has mass where \( s = -\infty \)
     * @throws IllegalArgumentException for bad scores (as {@link SimplexMapping#probabilities(double[])}) or a bad
     *                                  target ({@code "target has 3 entries, scores 4"}, {@code "target must be
     *                                  non-negative, got -0.5 at [1]"}, {@code "target must sum to 1, got 0.5"})
     */
    public double value(double[] scores, double[] target) {
        double[] p = mapping.probabilities(scores);
        checkTarget(target, scores.length);
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double inner = 0.0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] == Double.NEGATIVE_INFINITY) {
                if (target[i] > 0.0) {
                    return Double.POSITIVE_INFINITY;
                }
            } else {
                inner += (scores[i] - max) * (p[i] - target[i]);
            }
        }
        return inner + TsallisEntropy.of(p, alpha) - TsallisEntropy.of(target, alpha);
    }

    /**
     * \( \nabla_s L(s; y) = p - y \), and 0 at \( -\infty \) scores (they are constants, not variables).
     *
     * @param scores \( s \in (\mathbb{R} \cup \{-\infty\})^n \), at least one finite
     * @param target \( y \), as in {@link #value(double[], double[])}
     * @return a new array
     * @throws IllegalArgumentException as {@link #value(double[], double[])}
     */
    public double[] gradient(double[] scores, double[] target) {
        double[] p = mapping.probabilities(scores);
        checkTarget(target, scores.length);
        double[] result = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            result[i] = scores[i] == Double.NEGATIVE_INFINITY ? 0.0 : p[i] - target[i];
        }
        return result;
    }

    /**
     * \( L(s; y) \) for every slice along {@code axis}; \( -\infty \) scores are masked. See
     * {@link #apply(NDArray, NDArray, NDArray, int)}.
     *
     * @param scores any shape, floating point
     * @param target the shape of {@code scores}, each slice a distribution (not checked)
     * @param axis   negative values count from the end
     * @return the shape of {@code scores} without {@code axis}
     * @throws IllegalArgumentException if the shapes differ, the data type is not floating point or the axis is out
     *                                  of range
     */
    public NDArray apply(NDArray scores, NDArray target, int axis) {
        MaskedScores masked = MaskedScores.of(scores, axis);
        return loss(masked, mapping.apply(scores, axis), target);
    }

    /**
     * The masked loss for every slice along {@code axis}, differentiable in {@code scores} by DJL autograd with
     * gradient exactly \( p - y \) on unmasked positions and 0 on masked ones.
     *
     * <p>Computed as \( \langle s - m, p - y \rangle + H_\alpha(p) - H_\alpha(y) \) over the unmasked positions, with
     * \( p \), \( y \) and the slice maximum \( m \) detached: by Danskin's theorem the derivative through \( p \)
     * vanishes, so detaching it leaves autograd exactly \( p - y \) and keeps the mapping's backward out of the
     * graph. Slices with NaN or \( +\infty \) among their unmasked scores give NaN.
     *
     * @param scores any shape, floating point
     * @param target the shape of {@code scores}, non-negative, each slice summing to 1 over its unmasked positions
     *               (not checked: the NDArray form does not read values back from the device); a constant
     * @param mask   the shape of {@code scores}; boolean, or numeric where non-zero means "keep"
     * @param axis   negative values count from the end
     * @return the shape of {@code scores} without {@code axis}: 0 for a slice with nothing unmasked, \( +\infty \)
     *         for a slice whose target has mass on a masked position
     * @throws IllegalArgumentException if the shapes differ ({@code "target has shape (2, 4), scores (2, 5)"}), the
     *                                  data type is not floating point or the axis is out of range
     */
    public NDArray apply(NDArray scores, NDArray target, NDArray mask, int axis) {
        MaskedScores masked = MaskedScores.of(scores, mask, axis);
        return loss(masked, mapping.apply(scores, mask, axis), target);
    }

    private NDArray loss(MaskedScores scores, NDArray probabilities, NDArray target) {
        NDArray shifted = scores.shifted();
        if (!target.getShape().equals(shifted.getShape())) {
            throw new IllegalArgumentException("target has shape " + target.getShape() + ", scores " + shifted.getShape());
        }
        int axis = scores.axis();
        DataType type = shifted.getDataType();
        NDArray p = probabilities.stopGradient();
        NDArray zeros = shifted.zerosLike();
        NDArray y = NDArrays.where(scores.keep(), target.toType(type, false).stopGradient(), zeros);
        NDArray value = shifted.mul(p.sub(y)).sum(new int[] {axis})
                .add(TsallisEntropy.apply(p, alpha, axis))
                .sub(TsallisEntropy.apply(y, alpha, axis));
        NDArray misplaced = NDArrays.where(scores.keep(), zeros, target.toType(type, false).stopGradient())
                .sum(new int[] {axis}).gt(0);
        NDArray infinite = NDArrays.where(misplaced, value.onesLike().mul(Double.POSITIVE_INFINITY), value.zerosLike());
        NDArray empty = scores.keptCount().squeeze(axis).eq(0);
        return NDArrays.where(empty, value.zerosLike(), value.add(infinite));
    }

    private static void checkTarget(double[] target, int length) {
        Finite.check("target", target);
        if (target.length != length) {
            throw new IllegalArgumentException("target has " + target.length + " entries, scores " + length);
        }
        double sum = 0.0;
        for (int i = 0; i < target.length; i++) {
            if (target[i] < 0.0) {
                throw new IllegalArgumentException("target must be non-negative, got " + target[i] + " at [" + i + "]");
            }
            sum += target[i];
        }
        if (!(Math.abs(sum - 1.0) <= TARGET_SUM_TOLERANCE)) {
            throw new IllegalArgumentException("target must sum to 1, got " + sum);
        }
    }
}
