package dev.fovea.models.vqa;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The attention mechanism a {@link ShapesVqaNet} uses over the grid cells of its feature map. The {@link #id()} is
 * the stable name in configuration, model metadata and URLs.
 */
public enum AttentionKind {

    /** Discrete softmax over the \( G^2 \) cells ({@code dev.fovea.attention.discrete.DiscreteAttention}). */
    DISCRETE_SOFTMAX("discrete-softmax"),

    /**
     * 2-D continuous softmax: a Gaussian density over the image plane, moment-matched to a softmax over the cells
     * ({@code dev.fovea.attention.continuous.ContinuousSoftmaxAttention}).
     */
    CONTINUOUS_SOFTMAX("continuous-softmax");

    private final String id;

    AttentionKind(String id) {
        this.id = id;
    }

    /** The stable, lower-case identifier, e.g. {@code "discrete-softmax"}. */
    public String id() {
        return id;
    }

    /**
     * The kind with the given {@link #id()} (exact match).
     *
     * @throws IllegalArgumentException if no kind has that id; the message lists the valid ids
     */
    public static AttentionKind parse(String id) {
        for (AttentionKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown attention kind '" + id + "', expected one of "
                + Arrays.stream(values()).map(AttentionKind::id).collect(Collectors.joining(", ")));
    }
}
