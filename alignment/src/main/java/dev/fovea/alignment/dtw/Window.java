package dev.fovea.alignment.dtw;

import java.util.Arrays;
import java.util.Objects;

/**
 * A global constraint: the set of cells \( (i, j) \), \( 0 \le i &lt; n \), \( 0 \le j &lt; m \), a warping path may
 * visit. A path is admissible only if every cell it visits — the end of each step and every cell a multi-cell step
 * charges — lies in the window.
 *
 * <ul>
 *   <li>{@link #none()}: every cell.</li>
 *   <li>{@link #sakoeChiba(int) sakoeChiba(r)}: \( |i - j| \le r \), a band of half-width \( r \) cells around the main
 *       diagonal, <em>not</em> slanted towards \( (n-1, m-1) \) (Sakoe &amp; Chiba 1978, eq. 9; the same as R/Python
 *       {@code dtw}'s {@code sakoeChibaWindow}). {@code r = 0} on equal lengths admits only the diagonal. A path
 *       exists only if \( r \ge |n - m| \) (for closed ends); narrower bands are rejected. dtaidistance's
 *       {@code window = w} is \( |i - j| \le w - 1 \), i.e. our {@code r = w - 1}.</li>
 *   <li>{@link #itakura(double) itakura(s)}: the Itakura parallelogram with slopes \( s \) and \( 1/s \), \( s &gt; 1 \):
 *       \( j \le s\,i \), \( i \le s\,j \), \( (m-1-j) \le s\,(n-1-i) \), \( (n-1-i) \le s\,(m-1-j) \) (Itakura 1975;
 *       the lines through \( (0,0) \) and \( (n-1,m-1) \)). Requires \( (m-1) \le s(n-1) \) and \( (n-1) \le s(m-1)
 *       \).</li>
 *   <li>{@link #mask(boolean[][]) mask(M)}: cell \( (i, j) \) is admissible iff {@code M[i][j]}; \( M \) must be
 *       \( n \times m \).</li>
 * </ul>
 * When no admissible path exists the aligners throw an {@link IllegalArgumentException} whose message starts with
 * {@code "window"}. Immutable and thread-safe.
 */
public sealed interface Window permits Window.None, Window.SakoeChiba, Window.Itakura, Window.Mask {

    /** Every cell is admissible. */
    static Window none() {
        return None.INSTANCE;
    }

    /**
     * The band \( |i - j| \le r \).
     *
     * @param radiusCells \( r \ge 0 \)
     * @throws IllegalArgumentException {@code "radiusCells must be >= 0, got -1"}
     */
    static SakoeChiba sakoeChiba(int radiusCells) {
        return new SakoeChiba(radiusCells);
    }

    /**
     * The Itakura parallelogram of slopes \( s \) and \( 1/s \).
     *
     * @param maxSlope \( s &gt; 1 \), finite
     * @throws IllegalArgumentException {@code "maxSlope must be > 1, got 0.5"}
     */
    static Itakura itakura(double maxSlope) {
        return new Itakura(maxSlope);
    }

    /**
     * An explicit \( n \times m \) set of admissible cells, copied.
     *
     * @throws IllegalArgumentException if empty or ragged
     */
    static Mask mask(boolean[][] admissible) {
        return new Mask(admissible);
    }

    /**
     * Whether cell \( (i, j) \) is admissible for sequences of lengths \( n \) and \( m \).
     *
     * @param i 0 ≤ i &lt; n
     * @param j 0 ≤ j &lt; m
     */
    boolean admits(int i, int j, int n, int m);

    /**
     * Rejects a window that cannot fit the lengths (a mask of the wrong shape, a band too narrow for closed ends).
     *
     * @param openEnds whether the path may begin or end anywhere on the first/last row, which relaxes the band check
     * @throws IllegalArgumentException with a message starting with {@code "window"}
     */
    default void requireFits(int n, int m, boolean openEnds) {
    }

    /** Every cell. */
    record None() implements Window {

        private static final None INSTANCE = new None();

        @Override
        public boolean admits(int i, int j, int n, int m) {
            return true;
        }
    }

    /**
     * The unslanted band \( |i - j| \le \) {@code radiusCells}.
     *
     * @param radiusCells the half-width in cells, \( \ge 0 \)
     */
    record SakoeChiba(int radiusCells) implements Window {

        public SakoeChiba {
            if (radiusCells < 0) {
                throw new IllegalArgumentException("radiusCells must be >= 0, got " + radiusCells);
            }
        }

        @Override
        public boolean admits(int i, int j, int n, int m) {
            return Math.abs(i - j) <= radiusCells;
        }

        @Override
        public void requireFits(int n, int m, boolean openEnds) {
            if (!openEnds && Math.abs(n - m) > radiusCells) {
                throw new IllegalArgumentException("window: a Sakoe-Chiba band |i - j| <= " + radiusCells
                        + " cannot reach (n - 1, m - 1) for n = " + n + ", m = " + m
                        + "; radiusCells must be >= |n - m| = " + Math.abs(n - m));
            }
        }
    }

    /**
     * The Itakura parallelogram; see {@link Window#itakura(double)}.
     *
     * @param maxSlope \( s &gt; 1 \)
     */
    record Itakura(double maxSlope) implements Window {

        public Itakura {
            if (!(maxSlope > 1.0) || maxSlope == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("maxSlope must be > 1 and finite, got " + maxSlope);
            }
        }

        @Override
        public boolean admits(int i, int j, int n, int m) {
            double ri = n - 1 - i;
            double rj = m - 1 - j;
            return j <= maxSlope * i && i <= maxSlope * j && rj <= maxSlope * ri && ri <= maxSlope * rj;
        }

        @Override
        public void requireFits(int n, int m, boolean openEnds) {
            if (!openEnds && (m - 1 > maxSlope * (n - 1) || n - 1 > maxSlope * (m - 1))) {
                throw new IllegalArgumentException("window: an Itakura parallelogram of maxSlope " + maxSlope
                        + " cannot reach (n - 1, m - 1) for n = " + n + ", m = " + m
                        + "; it needs (m - 1) / (n - 1) within [1 / maxSlope, maxSlope]");
            }
        }
    }

    /**
     * An explicit mask; see {@link Window#mask(boolean[][])}. Copied in and out.
     *
     * @param admissible {@code admissible[i][j]} for cell \( (i, j) \)
     */
    record Mask(boolean[][] admissible) implements Window {

        public Mask {
            Objects.requireNonNull(admissible, "mask must not be null");
            if (admissible.length == 0 || admissible[0] == null || admissible[0].length == 0) {
                throw new IllegalArgumentException("mask must have at least one row and one column");
            }
            boolean[][] copy = new boolean[admissible.length][];
            for (int i = 0; i < admissible.length; i++) {
                Objects.requireNonNull(admissible[i], () -> "mask row must not be null");
                if (admissible[i].length != admissible[0].length) {
                    throw new IllegalArgumentException("mask must be rectangular, row 0 has " + admissible[0].length
                            + " entries, row " + i + " has " + admissible[i].length);
                }
                copy[i] = admissible[i].clone();
            }
            admissible = copy;
        }

        @Override
        public boolean[][] admissible() {
            boolean[][] copy = new boolean[admissible.length][];
            for (int i = 0; i < admissible.length; i++) {
                copy[i] = admissible[i].clone();
            }
            return copy;
        }

        @Override
        public boolean admits(int i, int j, int n, int m) {
            return admissible[i][j];
        }

        @Override
        public void requireFits(int n, int m, boolean openEnds) {
            if (admissible.length != n || admissible[0].length != m) {
                throw new IllegalArgumentException("window: the mask is " + admissible.length + " x "
                        + admissible[0].length + " but the sequences need " + n + " x " + m);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Mask that && Arrays.deepEquals(admissible, that.admissible);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(admissible);
        }

        @Override
        public String toString() {
            return "Mask[" + admissible.length + " x " + admissible[0].length + "]";
        }
    }
}
