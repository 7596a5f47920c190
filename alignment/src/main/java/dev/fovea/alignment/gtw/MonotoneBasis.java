package dev.fovea.alignment.gtw;

/**
 * The monotone basis functions \( q_k : [0, 1] \to [0, 1] \), \( q_k(0) = 0 \), \( q_k(1) = 1 \), non-decreasing,
 * whose convex combinations \( \sum_k a_k q_k \), \( a \in \Delta^{K-1} \), parameterise the warps of
 * {@link GeneralizedTimeWarping} (Zhou &amp; De la Torre, GTW, CVPR 2012, §4.1: a warp is a non-negative
 * combination of monotone functions; the simplex constraint is Fovea's way of imposing their boundary conditions).
 *
 * <p>The \( K = 23 \) functions, in order: the identity \( u \) (uniform time warping); the polynomials \( u^2, u^3,
 * 1 - (1-u)^2, 1 - (1-u)^3 \) (global acceleration and deceleration); and normalised hyperbolic-tangent steps
 * \( (\tanh(c(u - \tau)) - \tanh(-c\tau)) / (\tanh(c(1 - \tau)) - \tanh(-c\tau)) \) at
 * \( \tau \in \{0.1, \dots, 0.9\} \) with \( c = 12 \), and at \( \tau \in \{0.1, \dots, 0.9\} \) with \( c = 30 \)
 * (local pauses and bursts). Zhou &amp; De la Torre list polynomial, exponential, logarithmic, hyperbolic-tangent and
 * I-spline bases; this set covers the first, second and fourth kinds.
 */
final class MonotoneBasis {

    static final int SIZE = 23;

    private MonotoneBasis() {
    }

    /** \( Q_{sk} = q_k(s / (l - 1)) \) on a grid of \( l \ge 2 \) points. */
    static double[][] onGrid(int length) {
        double[][] q = new double[length][SIZE];
        for (int s = 0; s < length; s++) {
            double u = (double) s / (length - 1);
            int k = 0;
            q[s][k++] = u;
            q[s][k++] = u * u;
            q[s][k++] = u * u * u;
            q[s][k++] = 1 - (1 - u) * (1 - u);
            q[s][k++] = 1 - (1 - u) * (1 - u) * (1 - u);
            for (double c : new double[] {12, 30}) {
                for (int step = 1; step <= 9; step++) {
                    double tau = step / 10.0;
                    double low = Math.tanh(-c * tau);
                    q[s][k++] = (Math.tanh(c * (u - tau)) - low) / (Math.tanh(c * (1 - tau)) - low);
                }
            }
        }
        return q;
    }
}
