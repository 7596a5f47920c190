package dev.fovea.alignment.dtw;

import dev.fovea.math.Finite;

/**
 * Lower bounds of the banded DTW cost {@code Dtw.distance(x, y, Window.sakoeChiba(r))} (squared local cost,
 * symmetric1), cheap enough to prune a nearest-neighbour search before the \( O(n r) \) recurrence.
 *
 * <ul>
 *   <li>{@link #kim(double[], double[])}: LB_KimFL of the UCR suite (Rakthanmanon et al., KDD 2012, §4.2.1): every
 *       path visits \( (0, 0) \) and \( (n - 1, m - 1) \), so \( (x_0 - y_0)^2 + (x_{n-1} - y_{m-1})^2 \) (one term
 *       when both sequences have length 1). \( O(1) \); valid for any lengths and windows.</li>
 *   <li>{@link #keogh(double[], Envelope)}: LB_Keogh (Keogh &amp; Ratanamahatana 2005): each row \( i \) of a path in
 *       the band has a cell with \( |i - j| \le r \), so its cost is at least the squared distance of \( x_i \)
 *       from \( [L_i, U_i] \) of \( y \)'s envelope. Equal lengths. Not symmetric: both directions are valid, so
 *       their maximum is too.</li>
 *   <li>{@link #improved(double[], double[], Envelope, int)}: LB_Improved (Lemire, Pattern Recognit. 42(9), 2009,
 *       Prop. 2): LB_Keogh(x, y) + LB_Keogh(y, H), with \( H \) the projection of \( x \) onto \( y \)'s envelope;
 *       at least LB_Keogh(x, y), \( O(n) \).</li>
 * </ul>
 * Each bound is at most the DTW cost in exact arithmetic; rounding may exceed it by a few ulps when they are equal.
 * Stateless and thread-safe.
 */
public final class LowerBounds {

    private LowerBounds() {
    }

    /**
     * LB_KimFL: \( (x_0 - y_0)^2 + (x_{n-1} - y_{m-1})^2 \), the second term omitted when \( n = m = 1 \).
     *
     * @throws IllegalArgumentException if a sequence is empty or not finite
     */
    public static double kim(double[] x, double[] y) {
        Finite.check("x", x);
        Finite.check("y", y);
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException((x.length == 0 ? "x" : "y")
                    + " must have at least one entry, got length 0");
        }
        double first = x[0] - y[0];
        if (x.length == 1 && y.length == 1) {
            return first * first;
        }
        double last = x[x.length - 1] - y[y.length - 1];
        return first * first + last * last;
    }

    /**
     * LB_Keogh of {@code x} against the envelope of the other sequence:
     * \( \sum_i [x_i &gt; U_i](x_i - U_i)^2 + [x_i &lt; L_i](x_i - L_i)^2 \).
     *
     * @param x             length \( n \), finite
     * @param envelopeOfY   {@code Envelope.of(y, r)}, length \( n \)
     * @throws IllegalArgumentException if the lengths differ or {@code x} is not finite
     */
    public static double keogh(double[] x, Envelope envelopeOfY) {
        Finite.check("x", x);
        Envelope.requireLength(envelopeOfY, x.length, "envelopeOfY");
        return envelopeOfY.squaredDistanceOutside(x);
    }

    /**
     * LB_Improved: LB_Keogh(x, env(y)) + LB_Keogh(y, env(H)), \( H = \min(\max(x, L), U) \) and env(H) of radius
     * {@code radiusCells}.
     *
     * @param envelopeOfY {@code Envelope.of(y, radiusCells)}
     * @throws IllegalArgumentException if the lengths differ or a sequence is not finite
     */
    public static double improved(double[] x, double[] y, Envelope envelopeOfY, int radiusCells) {
        Finite.check("x", x);
        Finite.check("y", y);
        Envelope.requireLength(envelopeOfY, x.length, "envelopeOfY");
        if (y.length != x.length) {
            throw new IllegalArgumentException("y has " + y.length + " entries, x has " + x.length
                    + "; LB_Improved needs equal lengths");
        }
        double first = envelopeOfY.squaredDistanceOutside(x);
        Envelope envelopeOfProjection = Envelope.of(envelopeOfY.project(x), radiusCells);
        return first + envelopeOfProjection.squaredDistanceOutside(y);
    }
}
