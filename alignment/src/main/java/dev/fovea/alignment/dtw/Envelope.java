package dev.fovea.alignment.dtw;

import dev.fovea.math.Finite;
import java.util.Objects;

/**
 * The running envelope of a sequence for a Sakoe–Chiba band of radius \( r \) cells (Keogh &amp; Ratanamahatana,
 * Knowl. Inf. Syst. 7(3), 2005, eq. 8):
 * \[ U_i = \max_{|k - i| \le r} x_k, \qquad L_i = \min_{|k - i| \le r} x_k, \qquad 0 \le k &lt; n. \]
 * Computed in \( O(n) \) time whatever \( r \) by Lemire's streaming max–min filter (Nordic J. Computing 13(4), 2006):
 * two monotone queues of indices, each index entering and leaving each queue at most once.
 *
 * <p>Immutable (arrays copied in and out) and thread-safe.
 *
 * @param lower \( L \), length \( n \)
 * @param upper \( U \), length \( n \), \( L_i \le x_i \le U_i \)
 */
public record Envelope(double[] lower, double[] upper) {

    /**
     * @throws IllegalArgumentException if the lengths differ or {@code lower[i] > upper[i]}
     */
    public Envelope {
        Finite.check("lower", lower);
        Finite.check("upper", upper);
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("lower has " + lower.length + " entries, upper has " + upper.length);
        }
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] > upper[i]) {
                throw new IllegalArgumentException("lower must not exceed upper, got " + lower[i] + " > " + upper[i]
                        + " at [" + i + "]");
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /**
     * The envelope of {@code x} for radius {@code radiusCells}.
     *
     * @param x           length \( n \ge 1 \), finite
     * @param radiusCells \( r \ge 0 \)
     * @throws IllegalArgumentException {@code "x must have at least one entry"}, {@code "radiusCells must be >= 0"}
     */
    public static Envelope of(double[] x, int radiusCells) {
        Finite.check("x", x);
        if (x.length == 0) {
            throw new IllegalArgumentException("x must have at least one entry, got length 0");
        }
        if (radiusCells < 0) {
            throw new IllegalArgumentException("radiusCells must be >= 0, got " + radiusCells);
        }
        int n = x.length;
        int r = Math.min(radiusCells, n - 1);
        double[] upper = new double[n];
        double[] lower = new double[n];
        int[] maxQueue = new int[n];
        int[] minQueue = new int[n];
        int maxHead = 0;
        int maxTail = 0;
        int minHead = 0;
        int minTail = 0;
        for (int k = 0; k < n + r; k++) {
            if (k < n) {
                while (maxTail > maxHead && x[maxQueue[maxTail - 1]] <= x[k]) {
                    maxTail--;
                }
                maxQueue[maxTail++] = k;
                while (minTail > minHead && x[minQueue[minTail - 1]] >= x[k]) {
                    minTail--;
                }
                minQueue[minTail++] = k;
            }
            int i = k - r;
            if (i >= 0) {
                while (maxQueue[maxHead] < i - r) {
                    maxHead++;
                }
                while (minQueue[minHead] < i - r) {
                    minHead++;
                }
                upper[i] = x[maxQueue[maxHead]];
                lower[i] = x[minQueue[minHead]];
            }
        }
        return new Envelope(lower, upper);
    }

    /** A copy of \( L \). */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** A copy of \( U \). */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** \( n \). */
    public int length() {
        return lower.length;
    }

    /**
     * \( \sum_i \operatorname{dist}(x_i, [L_i, U_i])^2 \): LB_Keogh of \( x \) against the sequence this envelope
     * belongs to (Keogh &amp; Ratanamahatana 2005, eq. 9, squared cost).
     *
     * @param x same length as the envelope
     */
    double squaredDistanceOutside(double[] x) {
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            double above = x[i] - upper[i];
            double below = lower[i] - x[i];
            double d = above > 0 ? above : below > 0 ? below : 0.0;
            sum += d * d;
        }
        return sum;
    }

    /** \( \min(\max(x_i, L_i), U_i) \): the projection of \( x \) onto the envelope (Lemire 2009, §5). */
    double[] project(double[] x) {
        double[] h = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            h[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
        }
        return h;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Envelope that && java.util.Arrays.equals(lower, that.lower)
                && java.util.Arrays.equals(upper, that.upper);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(lower) + java.util.Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return "Envelope[n = " + lower.length + "]";
    }

    static Envelope requireLength(Envelope envelope, int n, String name) {
        Objects.requireNonNull(envelope, name + " must not be null");
        if (envelope.length() != n) {
            throw new IllegalArgumentException(name + " has " + envelope.length() + " entries, the sequence " + n
                    + "; LB_Keogh needs equal lengths");
        }
        return envelope;
    }
}
