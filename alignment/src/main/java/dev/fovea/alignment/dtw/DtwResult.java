package dev.fovea.alignment.dtw;

import java.util.Objects;

/**
 * The outcome of {@link Dtw#align}: the accumulated cost \( D(n - 1, m - 1) \) and an optimal path attaining it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cost the sum of the local costs along {@code path}, finite
 * @param path an optimal warping path from \( (0, 0) \) to \( (n - 1, m - 1) \)
 */
public record DtwResult(double cost, WarpingPath path) {

    /**
     * @throws IllegalArgumentException if {@code cost} is NaN or infinite
     * @throws NullPointerException     if {@code path} is null
     */
    public DtwResult {
        // Only finiteness is required: a negative total is impossible for today's squared cost, but the record
        // should not forbid a future signed local cost.
        if (!Double.isFinite(cost)) {
            throw new IllegalArgumentException("cost must be finite, got " + cost);
        }
        Objects.requireNonNull(path, "path must not be null");
    }
}
