package dev.fovea.alignment.dtw;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The DTW cost alone (symmetric1, a pointwise 1-D local cost, Sakoe–Chiba band) swept one anti-diagonal at a time
 * with the incubator Vector API: the kernel of {@link DistanceKernel#ANTI_DIAGONAL_SIMD}.
 *
 * <p><b>Why anti-diagonals.</b> In \( D(t, q) = c(t, q) + \min\{D(t-1, q-1), D(t-1, q), D(t, q-1)\} \) a cell
 * depends on its left neighbour, so a row is a chain of dependent add–min operations. The cells of one
 * anti-diagonal \( t + q = k \) depend only on the diagonals \( k - 1 \) (left and above) and \( k - 2 \) (diagonal
 * predecessor), never on each other, so a whole anti-diagonal is one data-parallel loop: as many lanes as the
 * hardware has (8 doubles with AVX-512) per instruction.
 *
 * <p><b>Layout.</b> \( t \) indexes the longer sequence {@code rows} (length \( n \)), \( q \) the shorter
 * {@code columns} (\( m \le n \)). Three rolling buffers of \( m + 2 \) doubles (plus one vector of padding) hold
 * the diagonals \( k - 2 \), \( k - 1 \), \( k \); cell \( (t, q) \) of diagonal \( k \) sits at position
 * \( p = m - q \). Its predecessors then sit at \( p \) (above, diagonal \( k-1 \)), \( p + 1 \) (left, diagonal
 * \( k-1 \)) and \( p + 1 \) (diagonal predecessor, diagonal \( k-2 \)), and the pair's values at
 * {@code rows[p + k - m]} and {@code reversedColumns[p]}: every access runs forward with \( p \) at unit stride.
 * Positions \( 0 \) and \( m + 1 \) and the cells just outside each diagonal's range hold \( +\infty \) sentinels;
 * the virtual cell before \( (0, 0) \) holds 0 so that \( D(0, 0) = c(0, 0) \). (Plain loops in this layout are not
 * vectorized by C2 in JDK 25, which cannot rule out that the buffers alias; hence the Vector API.)
 *
 * <p><b>Band.</b> \( |t - q| \le r \) on diagonal \( k \) is \( \lceil (k - r)/2 \rceil \le q \le \lfloor (k + r)/2
 * \rfloor \), intersected with \( \max(0, k - n + 1) \le q \le \min(m - 1, k) \): each diagonal's index range is
 * clipped to exactly the cells {@link Window.SakoeChiba#admits} admits, so the band is that of {@link Dtw#align}.
 * Both ends of the range move by at most one cell per diagonal, so the two sentinels written after each diagonal
 * are all the next two diagonals can read outside it.
 *
 * <p><b>Exactness.</b> Every cell is \( c + \min(\cdot, \cdot, \cdot) \) with the same operands as the row kernels:
 * the minimum is exact in any order (no NaN, and no \( -0 \) since every value is \( \ge +0 \)), the local cost is
 * the same product or absolute value, and multiply and add are not fused. The result is therefore bitwise that of
 * {@link Dtw#align(double[], double[], DtwOptions)}.
 *
 * <p><b>Abandoning.</b> A path's steps raise \( k \) by 1 or 2, so every path visits diagonal \( k - 1 \) or \( k \);
 * costs are non-negative, so \( D \) never decreases along a path. When every cell of two consecutive diagonals
 * exceeds {@code abandonAbove} (checked every fourth diagonal), no path can end at or below it.
 *
 * <p>This class links against {@code jdk.incubator.vector}; it must not be touched unless that module is in the
 * boot layer ({@link DistanceKernel} checks). \( O(m) \) memory. Stateless and thread-safe.
 */
final class AntiDiagonalSweep {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private AntiDiagonalSweep() {
    }

    /** Lanes of the preferred species: 8 with AVX-512, 4 with AVX2, 2 with SSE or NEON. */
    static int lanes() {
        return LANES;
    }

    /**
     * The cost \( D(n-1, m-1) \), or \( +\infty \) once abandoned. The caller has validated the inputs, checked
     * that the band admits a path (\( r \ge |n - m| \)) and put the longer sequence first (the cost is symmetric).
     *
     * @param absolute     \( |x_t - y_q| \) instead of \( (x_t - y_q)^2 \)
     * @param abandonAbove \( +\infty \) never abandons
     */
    static double cost(double[] rows, double[] columns, int radiusCells, boolean absolute, double abandonAbove) {
        int n = rows.length;
        int m = columns.length;
        int r = Math.min(radiusCells, n);
        double[] reversedColumns = new double[m + 1];
        for (int p = 1; p <= m; p++) {
            reversedColumns[p] = columns[m - p];
        }
        // Positions 0..m + 1, and one vector more that the sweep may load (never use) past the last diagonal cell.
        double[] beforeLast = new double[m + 2 + LANES];
        double[] last = new double[m + 2 + LANES];
        double[] current = new double[m + 2 + LANES];
        Arrays.fill(beforeLast, Double.POSITIVE_INFINITY);
        Arrays.fill(last, Double.POSITIVE_INFINITY);
        beforeLast[m + 1] = 0.0;
        boolean abandoning = abandonAbove < Double.POSITIVE_INFINITY;
        int lastFrom = m + 1;
        int lastTo = m;
        for (int k = 0; k <= n + m - 2; k++) {
            int qLow = Math.max(Math.max(0, k - n + 1), (k - r + 1) >> 1);
            int qHigh = Math.min(Math.min(m - 1, k), (k + r) >> 1);
            int from = m - qHigh;
            int to = m - qLow;
            diagonal(rows, k - m, reversedColumns, last, beforeLast, current, from, to, absolute);
            current[from - 1] = Double.POSITIVE_INFINITY;
            current[to + 1] = Double.POSITIVE_INFINITY;
            if (abandoning && (k & 3) == 3
                    && Math.min(minimum(current, from, to), minimum(last, lastFrom, lastTo)) > abandonAbove) {
                return Double.POSITIVE_INFINITY;
            }
            double[] free = beforeLast;
            beforeLast = last;
            last = current;
            current = free;
            lastFrom = from;
            lastTo = to;
        }
        return last[1];
    }

    /**
     * Positions {@code from..to} of diagonal k from k − 1 ({@code last}) and k − 2 ({@code beforeLast});
     * {@code offset} = k − m. The test of {@code absolute} is loop-invariant: the compiler unswitches it.
     */
    private static void diagonal(double[] rows, int offset, double[] reversedColumns, double[] last,
                                 double[] beforeLast, double[] out, int from, int to, boolean absolute) {
        int p = from;
        DoubleVector above = DoubleVector.fromArray(SPECIES, last, p);
        for (; p + LANES - 1 <= to; p += LANES) {
            // last[p + 1 ...] is above shifted by one lane: a register shuffle instead of a second, misaligned load
            // (about 10 % faster on AVX-512, where each misaligned load splits a cache line).
            DoubleVector next = DoubleVector.fromArray(SPECIES, last, p + LANES);
            DoubleVector left = above.slice(1, next);
            DoubleVector e = DoubleVector.fromArray(SPECIES, rows, p + offset)
                    .sub(DoubleVector.fromArray(SPECIES, reversedColumns, p));
            DoubleVector diagonal = DoubleVector.fromArray(SPECIES, beforeLast, p + 1);
            (absolute ? e.abs() : e.mul(e)).add(above.min(left).min(diagonal)).intoArray(out, p);
            above = next;
        }
        if (p <= to) {
            // The last, partial vector: masked lanes are neither read nor written.
            VectorMask<Double> tail = SPECIES.indexInRange(p, to + 1);
            DoubleVector e = DoubleVector.fromArray(SPECIES, rows, p + offset, tail)
                    .sub(DoubleVector.fromArray(SPECIES, reversedColumns, p, tail));
            DoubleVector predecessor = DoubleVector.fromArray(SPECIES, last, p, tail)
                    .min(DoubleVector.fromArray(SPECIES, last, p + 1, tail))
                    .min(DoubleVector.fromArray(SPECIES, beforeLast, p + 1, tail));
            (absolute ? e.abs() : e.mul(e)).add(predecessor).intoArray(out, p, tail);
        }
    }

    /** The smallest of {@code d[from..to]}, \( +\infty \) if empty. */
    private static double minimum(double[] d, int from, int to) {
        int p = from;
        DoubleVector smallest = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        for (; p + LANES - 1 <= to; p += LANES) {
            smallest = smallest.min(DoubleVector.fromArray(SPECIES, d, p));
        }
        double minimum = smallest.reduceLanes(VectorOperators.MIN);
        for (; p <= to; p++) {
            minimum = Math.min(minimum, d[p]);
        }
        return minimum;
    }
}
