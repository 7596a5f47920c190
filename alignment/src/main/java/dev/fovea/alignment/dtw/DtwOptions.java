package dev.fovea.alignment.dtw;

import java.util.Objects;

/**
 * Everything that selects a DTW variant besides the two sequences.
 *
 * <p>{@link #defaults()} is the classic DTW of {@link Dtw#align(double[], double[])}: squared local cost, no window,
 * symmetric1, closed begin and end. The {@code with…} methods return modified copies.
 *
 * <p><b>Open ends</b> (Tormene et al., Artif. Intell. Med. 45(1), 2009; {@code dtw}'s {@code open.begin},
 * {@code open.end}). With {@code openBegin} a path may start at any \( (0, j_0) \), with \( D(0, j_0) = c(0, j_0) \);
 * with {@code openEnd} it may end at any \( (n - 1, j^\ast) \), where \( j^\ast \) minimises the normalised cost
 * \( D(n-1, j) / Z(j) \) with \( Z = 1 \) (NONE), \( n \) (N) or \( n + j + 1 \) (N+M). Both together are the
 * subsequence search of the query \( x \) (rows) in the reference \( y \) (columns). {@code openBegin} with an N+M
 * pattern is rejected: the divisor would depend on the unknown start.
 *
 * @param localCost   the local cost; {@link LocalCost.Given} only with {@link Dtw#alignGiven(DtwOptions)}
 * @param window      the admissible cells
 * @param stepPattern the steps and their weights
 * @param openBegin   whether the path may start anywhere in row 0
 * @param openEnd     whether the path may end anywhere in row \( n - 1 \)
 */
public record DtwOptions(LocalCost localCost, Window window, StepPattern stepPattern, boolean openBegin,
                         boolean openEnd) {

    /**
     * @throws NullPointerException     if an option is null
     * @throws IllegalArgumentException {@code "openBegin needs a pattern normalised by n or not at all; symmetric2 is
     *                                  normalised by n + m"}
     */
    public DtwOptions {
        Objects.requireNonNull(localCost, "localCost must not be null");
        Objects.requireNonNull(window, "window must not be null");
        Objects.requireNonNull(stepPattern, "stepPattern must not be null");
        if (openBegin && stepPattern.normalization() == StepPattern.Normalization.N_PLUS_M) {
            throw new IllegalArgumentException("openBegin needs a pattern normalised by n or not at all; "
                    + stepPattern.name() + " is normalised by n + m");
        }
    }

    /** Squared cost, no window, symmetric1, closed ends. */
    public static DtwOptions defaults() {
        return new DtwOptions(LocalCost.squared(), Window.none(), StepPattern.symmetric1(), false, false);
    }

    /** A copy with another local cost. */
    public DtwOptions withLocalCost(LocalCost newLocalCost) {
        return new DtwOptions(newLocalCost, window, stepPattern, openBegin, openEnd);
    }

    /** A copy with another window. */
    public DtwOptions withWindow(Window newWindow) {
        return new DtwOptions(localCost, newWindow, stepPattern, openBegin, openEnd);
    }

    /** A copy with another step pattern. */
    public DtwOptions withStepPattern(StepPattern newStepPattern) {
        return new DtwOptions(localCost, window, newStepPattern, openBegin, openEnd);
    }

    /** A copy with other open ends. */
    public DtwOptions withOpenEnds(boolean newOpenBegin, boolean newOpenEnd) {
        return new DtwOptions(localCost, window, stepPattern, newOpenBegin, newOpenEnd);
    }
}
