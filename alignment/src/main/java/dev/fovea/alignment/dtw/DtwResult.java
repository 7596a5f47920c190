package dev.fovea.alignment.dtw;

import java.util.Objects;

/**
 * The outcome of {@link Dtw#align}: the accumulated cost of an optimal path and the path.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cost           the cost of {@code path} under the step pattern's weights (for symmetric1 the plain sum of
 *                       its local costs), finite
 * @param normalizedCost {@code cost} divided by the pattern's normaliser (\( n \) or \( n + m' \)), NaN when the
 *                       pattern is not normalisable (symmetric1)
 * @param path           an optimal warping path from its start in row 0 to its end in row \( n - 1 \)
 */
public record DtwResult(double cost, double normalizedCost, WarpingPath path) {

    /**
     * @throws IllegalArgumentException if {@code cost} is NaN or infinite, or {@code normalizedCost} infinite
     * @throws NullPointerException     if {@code path} is null
     */
    public DtwResult {
        // Only finiteness is required: a given cost matrix may hold negative entries.
        if (!Double.isFinite(cost)) {
            throw new IllegalArgumentException("cost must be finite, got " + cost);
        }
        if (Double.isInfinite(normalizedCost)) {
            throw new IllegalArgumentException("normalizedCost must be finite or NaN, got " + normalizedCost);
        }
        Objects.requireNonNull(path, "path must not be null");
    }

    /** A result of an unnormalised pattern (symmetric1): {@code normalizedCost} is NaN. */
    public DtwResult(double cost, WarpingPath path) {
        this(cost, Double.NaN, path);
    }
}
