package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A mapping from scores to the probability simplex \( \Delta^{n-1} = \{ p \in \mathbb{R}^n : p \ge 0,\ \sum_i p_i = 1 \} \).
 *
 * <p>The normaliser of {@link DiscreteAttention} is a value of this type, so a model swaps normalisers by
 * configuration. Softmax is the only member today; sparsemax and entmax join as further constants, each delegating
 * to its own class with the same three layers as {@link Softmax}.
 *
 * <p>Every constant maps \( -\infty \) scores and masked positions to exactly 0 and is thread-safe.
 */
public enum SimplexMapping {

    /** \( \operatorname{softmax}(s)_i = e^{s_i} / \sum_k e^{s_k} \): see {@link Softmax}. */
    SOFTMAX("softmax") {
        @Override
        public double[] probabilities(double[] scores) {
            return Softmax.probabilities(scores);
        }

        @Override
        public NDArray apply(NDArray scores, int axis) {
            return Softmax.apply(scores, axis);
        }

        @Override
        public NDArray apply(NDArray scores, NDArray mask, int axis) {
            return Softmax.apply(scores, mask, axis);
        }
    };

    private final String id;

    SimplexMapping(String id) {
        this.id = id;
    }

    /** The stable, lower-case identifier used in configuration files and URLs, e.g. {@code "softmax"}. */
    public String id() {
        return id;
    }

    /**
     * The mapping with the given {@link #id()}.
     *
     * @throws IllegalArgumentException if no mapping has that id; the message lists the valid ids
     */
    public static SimplexMapping parse(String id) {
        for (SimplexMapping mapping : values()) {
            if (mapping.id.equals(id)) {
                return mapping;
            }
        }
        throw new IllegalArgumentException("unknown simplex mapping '" + id + "', expected one of "
                + Arrays.stream(values()).map(SimplexMapping::id).collect(Collectors.joining(", ")));
    }

    /** The double kernel for one score vector; see the constant's class for the exact contract. */
    public abstract double[] probabilities(double[] scores);

    /** The differentiable mapping along {@code axis}. */
    public abstract NDArray apply(NDArray scores, int axis);

    /** The differentiable masked mapping along {@code axis}; fully masked slices give all zeros. */
    public abstract NDArray apply(NDArray scores, NDArray mask, int axis);
}
