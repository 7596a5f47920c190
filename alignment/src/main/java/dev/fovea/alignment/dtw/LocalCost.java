package dev.fovea.alignment.dtw;

/**
 * The cost \( c(a, b) \ge 0 \) of pairing one element of \( x \) with one of \( y \).
 *
 * <p>Sealed so that every cost the aligners accept is known, named by its math, and can be specialised in a kernel;
 * more variants (absolute difference, distances between vectors) will be added as permitted records.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface LocalCost permits LocalCost.Squared {

    /** The squared difference \( c(a, b) = (a - b)^2 \); it overflows to \( +\infty \) when \( |a - b| &gt; 1.34 \cdot 10^{154} \). */
    static LocalCost squared() {
        return Squared.INSTANCE;
    }

    /**
     * The cost of pairing \( a \) (from \( x \)) with \( b \) (from \( y \)); callers pass finite values.
     *
     * @param a an element of \( x \)
     * @param b an element of \( y \)
     * @return \( c(a, b) \)
     */
    double between(double a, double b);

    /** \( c(a, b) = (a - b)^2 \); see {@link LocalCost#squared()}. */
    record Squared() implements LocalCost {

        private static final Squared INSTANCE = new Squared();

        @Override
        public double between(double a, double b) {
            double d = a - b;
            return d * d;
        }
    }
}
