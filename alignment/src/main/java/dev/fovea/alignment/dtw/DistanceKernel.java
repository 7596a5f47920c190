package dev.fovea.alignment.dtw;

import dev.fovea.math.VectorApi;
import java.util.Objects;

/**
 * The two implementations of the distance-only DTW ({@link Dtw#distance(double[], double[], Window.SakoeChiba,
 * double)} and the other {@code distance} methods): squared (or, SIMD only, absolute) 1-D local cost, symmetric1,
 * a Sakoe–Chiba band \( |i - j| \le r \), \( O(\min(n, m)) \) memory. Both return bitwise the cost of
 * {@link Dtw#align(double[], double[], DtwOptions)}; they differ only in speed and in what they need.
 *
 * <p>{@link #active()} is {@link #ANTI_DIAGONAL_SIMD} when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, otherwise {@link #FOUR_ROW_SCALAR}, and the choice is logged once as
 * a {@code WARNING} (logger {@code dev.fovea.alignment.dtw.DistanceKernel}) rather than made silently. Thread-safe.
 */
public enum DistanceKernel {

    /**
     * One anti-diagonal \( i + j = k \) at a time, whose cells are independent, as one loop of the incubator Vector
     * API (8 doubles per instruction with AVX-512); see docs/alignment.md, "Speed". Needs the module
     * {@code jdk.incubator.vector} in the boot layer. Abandons when two consecutive anti-diagonals (checked every
     * fourth) lie entirely above the threshold.
     */
    ANTI_DIAGONAL_SIMD,

    /**
     * Four rows at a time, each one column behind the previous, in plain scalar Java (four independent add–min
     * chains per step). Always available. Abandons when one row lies entirely above the threshold.
     */
    FOUR_ROW_SCALAR;

    /** Holds the choice so that it is made, and logged, once, on first use. */
    private static final class Selection {

        static final DistanceKernel ACTIVE = select();

        private static DistanceKernel select() {
            // Fewer than two lanes would run the Vector API without SIMD: slower than the scalar kernel.
            if (VectorApi.isResolved() && AntiDiagonalSweep.lanes() >= 2) {
                return ANTI_DIAGONAL_SIMD;
            }
            System.getLogger(DistanceKernel.class.getName()).log(System.Logger.Level.WARNING,
                    VectorApi.isResolved()
                            ? "the Vector API has fewer than two double lanes on this CPU, so Dtw.distance runs the"
                              + " scalar kernel FOUR_ROW_SCALAR"
                            : "the module " + VectorApi.MODULE + " is not in this JVM, so Dtw.distance runs the scalar"
                              + " kernel FOUR_ROW_SCALAR (about 4 times slower than ANTI_DIAGONAL_SIMD); start java"
                              + " with --add-modules " + VectorApi.MODULE + " to use the SIMD kernel");
            return FOUR_ROW_SCALAR;
        }
    }

    /** The kernel the {@code Dtw.distance} methods use in this JVM. */
    public static DistanceKernel active() {
        return Selection.ACTIVE;
    }

    /** Whether this kernel can run in this JVM: always for {@link #FOUR_ROW_SCALAR}. */
    public boolean isAvailable() {
        return this == FOUR_ROW_SCALAR || VectorApi.isResolved();
    }

    /**
     * The banded DTW cost computed by this kernel: the same contract as
     * {@link Dtw#distance(double[], double[], Window.SakoeChiba, double)}, for callers (benchmarks, tests) that
     * want a particular kernel.
     *
     * @return the DTW cost if it is at most {@code abandonAbove}; otherwise \( +\infty \) or the exact cost
     * @throws IllegalStateException    if this kernel is not {@link #isAvailable() available}
     * @throws IllegalArgumentException if a sequence is empty or not finite, the band is too narrow
     *                                  (\( r &lt; |n - m| \)), or {@code abandonAbove} is NaN
     * @throws ArithmeticException      if the cost overflows to \( +\infty \) and {@code abandonAbove} is \( +\infty \)
     */
    public double distance(double[] x, double[] y, Window.SakoeChiba band, double abandonAbove) {
        if (!isAvailable()) {
            throw new IllegalStateException(this + " needs the module " + VectorApi.MODULE
                    + ", which is not in this JVM; start java with --add-modules " + VectorApi.MODULE);
        }
        Dtw.requireSequences(x, y, LocalCost.squared());
        Objects.requireNonNull(band, "band must not be null");
        if (Double.isNaN(abandonAbove)) {
            throw new IllegalArgumentException("abandonAbove must not be NaN");
        }
        band.requireFits(x.length, y.length, false);
        double cost = cost(x, y, band.radiusCells(), abandonAbove);
        return cost == Double.POSITIVE_INFINITY && abandonAbove < Double.POSITIVE_INFINITY ? cost
                : Dtw.requireFinite(cost, x.length, y.length);
    }

    /** The squared-cost kernel on validated inputs whose band admits a path. */
    double cost(double[] x, double[] y, int radiusCells, double abandonAbove) {
        return switch (this) {
            case ANTI_DIAGONAL_SIMD -> simd(x, y, radiusCells, false, abandonAbove);
            case FOUR_ROW_SCALAR -> x.length >= y.length ? FourRowSweep.cost(x, y, radiusCells, abandonAbove)
                    : FourRowSweep.cost(y, x, radiusCells, abandonAbove);
        };
    }

    /**
     * {@link AntiDiagonalSweep} with the longer sequence as rows (the cost is symmetric, memory follows the shorter).
     *
     * @param absolute \( |x_i - y_j| \) instead of \( (x_i - y_j)^2 \)
     */
    static double simd(double[] x, double[] y, int radiusCells, boolean absolute, double abandonAbove) {
        return x.length >= y.length ? AntiDiagonalSweep.cost(x, y, radiusCells, absolute, abandonAbove)
                : AntiDiagonalSweep.cost(y, x, radiusCells, absolute, abandonAbove);
    }
}
