package dev.fovea.alignment.softdtw;

import dev.fovea.alignment.frames.Frames;
import java.util.Objects;

/**
 * Soft dynamic time warping (Cuturi &amp; Blondel, "Soft-DTW: a Differentiable Loss Function for Time-Series", ICML
 * 2017): DTW with the minimum replaced by a smoothed minimum, so that the value is differentiable in the inputs.
 *
 * <p>For \( x \in \mathbb{R}^{n \times d} \), \( y \in \mathbb{R}^{m \times d} \) (rows are frames) and the local
 * cost \( \delta_{ij} = \| x_i - y_j \|_2^2 \), the recursion (paper, Alg. 1, shifted to 1-based \( R \)) is
 * \[ R_{0,0} = 0,\quad R_{i,0} = R_{0,j} = +\infty,\quad
 *    R_{i,j} = \delta_{ij} + \min\nolimits^\gamma\{R_{i-1,j-1}, R_{i-1,j}, R_{i,j-1}\},\quad
 *    \min\nolimits^\gamma(a) = -\gamma \log \textstyle\sum_k e^{-a_k/\gamma}, \]
 * and \( \operatorname{sdtw}_\gamma(x, y) = R_{n,m} \). As \( \gamma \to 0^+ \) it tends to the DTW cost of
 * {@link dev.fovea.alignment.dtw.Dtw} (same step pattern, same squared cost), from below:
 * \( \operatorname{dtw} - \gamma \log |\mathcal{A}_{n,m}| \le \operatorname{sdtw}_\gamma \le \operatorname{dtw} \)
 * where \( |\mathcal{A}_{n,m}| \le 3^{n+m} \) counts the warping paths.
 *
 * <p><b>Gradient.</b> \( E = \partial R_{n,m} / \partial \delta \) is the expected alignment matrix under the Gibbs
 * distribution over paths; the backward recursion (paper, Alg. 2, eq. 8) is
 * \( E_{n,m} = 1 \), \( E_{i,j} = \sum_{(i',j') \in \{(i+1,j),(i,j+1),(i+1,j+1)\}} E_{i',j'}
 * \exp\big((R_{i',j'} - \delta_{i'j'} - R_{i,j}) / \gamma\big) \), successors outside the grid or the window omitted.
 * By the chain rule \( \partial \operatorname{sdtw} / \partial x_i = \sum_j E_{ij} \, 2 (x_i - y_j) \).
 *
 * <p><b>Divergence.</b> \( \operatorname{sdtw}_\gamma(x, x) \ne 0 \) (it is negative for \( n \ge 2 \)), so
 * {@link #divergence} returns the soft-DTW divergence of Blondel, Mensch &amp; Vert (AISTATS 2021, eq. 4),
 * \( D_\gamma(x, y) = \operatorname{sdtw}_\gamma(x, y) - \tfrac12(\operatorname{sdtw}_\gamma(x, x)
 * + \operatorname{sdtw}_\gamma(y, y)) \), which is zero when \( x = y \) and non-negative for the squared Euclidean
 * cost (their Prop. 2: \( e^{-\delta/\gamma} \) is a positive-definite kernel).
 *
 * <p><b>Window.</b> With a Sakoe–Chiba radius \( r \) (in cells), only cells with \( |i - j| \le r \) (0-based frame
 * indices, no slope correction for \( n \ne m \)) are admissible; the others have \( R = +\infty \) and \( E = 0 \).
 * The end cell must be admissible: \( |n - m| \le r \), else the sequences are rejected.
 *
 * <p><b>Numerics.</b> The soft minimum is evaluated with the maximum factored out, so it neither overflows nor
 * underflows for any finite arguments. Inputs must be finite; an {@link ArithmeticException} is thrown if the value
 * overflows. Time \( O(nm(d + 1)) \), memory \( O(nm) \). Immutable and thread-safe.
 */
public final class SoftDtw {

    private final double gamma;
    /** −1 for no window. */
    private final int radiusCells;

    private SoftDtw(double gamma, int radiusCells) {
        this.gamma = gamma;
        this.radiusCells = radiusCells;
    }

    /**
     * Soft-DTW without a window.
     *
     * @param gamma the smoothing \( \gamma &gt; 0 \), finite
     * @throws IllegalArgumentException if {@code gamma} is not a positive finite number ({@code "gamma must be > 0,
     *                                  got 0.0"})
     */
    public static SoftDtw of(double gamma) {
        return new SoftDtw(requireGamma(gamma), -1);
    }

    /**
     * Soft-DTW restricted to the Sakoe–Chiba band \( |i - j| \le r \).
     *
     * @param gamma       the smoothing \( \gamma &gt; 0 \), finite
     * @param radiusCells \( r \ge 0 \), in frames
     * @throws IllegalArgumentException if {@code gamma} is not positive and finite or {@code radiusCells} is negative
     */
    public static SoftDtw withSakoeChibaRadius(double gamma, int radiusCells) {
        if (radiusCells < 0) {
            throw new IllegalArgumentException("radiusCells must be >= 0, got " + radiusCells);
        }
        return new SoftDtw(requireGamma(gamma), radiusCells);
    }

    private static double requireGamma(double gamma) {
        if (!(gamma > 0) || gamma == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("gamma must be > 0 and finite, got " + gamma);
        }
        return gamma;
    }

    /** \( \gamma \). */
    public double gamma() {
        return gamma;
    }

    /** The Sakoe–Chiba radius in cells, or −1 when there is no window. */
    public int radiusCells() {
        return radiusCells;
    }

    /** A 1-D sequence as an \( n \times 1 \) matrix, for the multivariate methods. */
    public static double[][] column(double[] x) {
        Objects.requireNonNull(x, "x must not be null");
        double[][] out = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            out[i][0] = x[i];
        }
        return out;
    }

    /**
     * \( \operatorname{sdtw}_\gamma(x, y) \).
     *
     * @param x \( n \times d \), \( n \ge 1 \), finite, rows of equal length
     * @param y \( m \times d \), same \( d \)
     * @throws IllegalArgumentException if a sequence is empty, ragged or not finite, the dimensions differ, or the
     *                                  window excludes the end cell
     * @throws ArithmeticException      if the value overflows
     */
    public double value(double[][] x, double[][] y) {
        return forward(Frames.squaredDistances(x, y))[x.length][y.length];
    }

    /**
     * \( R_{n,m} \) for a given local-cost matrix.
     *
     * @param cost \( \delta \), \( n \times m \), finite
     */
    public double valueOfCost(double[][] cost) {
        requireCost(cost);
        double[][] r = forward(cost);
        return r[cost.length][cost[0].length];
    }

    /**
     * The expected alignment \( E = \partial \operatorname{sdtw}_\gamma / \partial \delta \) for a local-cost matrix:
     * non-negative, \( E_{0,0} = E_{n-1,m-1} = 1 \), 0 outside the window.
     *
     * @param cost \( \delta \), \( n \times m \), finite
     * @return \( E \), \( n \times m \)
     */
    public double[][] expectedAlignment(double[][] cost) {
        requireCost(cost);
        return backward(cost, forward(cost));
    }

    /**
     * The value and its gradient with respect to \( x \).
     *
     * @return \( \operatorname{sdtw}_\gamma(x, y) \) and \( \partial / \partial x \), \( n \times d \)
     * @see #value(double[][], double[][])
     */
    public Gradient gradient(double[][] x, double[][] y) {
        double[][] cost = Frames.squaredDistances(x, y);
        double[][] r = forward(cost);
        double[][] e = backward(cost, r);
        return new Gradient(r[x.length][y.length], chainRule(e, x, y));
    }

    /**
     * The soft-DTW divergence \( D_\gamma(x, y) \) of the class comment: zero for \( x = y \), non-negative.
     *
     * @see #value(double[][], double[][])
     */
    public double divergence(double[][] x, double[][] y) {
        return value(x, y) - 0.5 * (value(x, x) + value(y, y));
    }

    /**
     * The divergence and its gradient with respect to \( x \). Because \( \operatorname{sdtw}_\gamma \) is symmetric,
     * \( \partial_x \tfrac12 \operatorname{sdtw}_\gamma(x, x) = \partial_1 \operatorname{sdtw}_\gamma(x, x) \), so
     * \( \partial_x D_\gamma(x, y) = \partial_1 \operatorname{sdtw}_\gamma(x, y) - \partial_1 \operatorname{sdtw}_\gamma(x, x) \).
     */
    public Gradient divergenceGradient(double[][] x, double[][] y) {
        Gradient xy = gradient(x, y);
        Gradient xx = gradient(x, x);
        double[][] g = xy.dx();
        double[][] self = xx.dx();
        for (int i = 0; i < g.length; i++) {
            for (int k = 0; k < g[i].length; k++) {
                g[i][k] -= self[i][k];
            }
        }
        return new Gradient(xy.value() - 0.5 * (xx.value() + value(y, y)), g);
    }

    /**
     * A value and its gradient with respect to the first sequence.
     *
     * @param value the value
     * @param dx    \( n \times d \), the gradient (the array is the caller's)
     */
    public record Gradient(double value, double[][] dx) {
    }

    static double[][] chainRule(double[][] e, double[][] x, double[][] y) {
        int d = x[0].length;
        double[][] g = new double[x.length][d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                double w = e[i][j];
                if (w == 0.0) {
                    continue;
                }
                for (int k = 0; k < d; k++) {
                    g[i][k] += 2.0 * w * (x[i][k] - y[j][k]);
                }
            }
        }
        return g;
    }

    private boolean admissible(int i, int j) {
        return radiusCells < 0 || Math.abs(i - j) <= radiusCells;
    }

    /** R with a border row and column: r[i + 1][j + 1] is the accumulated value of cell (i, j). */
    private double[][] forward(double[][] cost) {
        int n = cost.length;
        int m = cost[0].length;
        if (radiusCells >= 0 && Math.abs(n - m) > radiusCells) {
            throw new IllegalArgumentException("radiusCells " + radiusCells + " excludes the end cell: x has " + n
                    + " frames, y has " + m + "; need |n - m| <= radiusCells");
        }
        double[][] r = new double[n + 1][m + 1];
        for (double[] row : r) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        r[0][0] = 0.0;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                if (admissible(i - 1, j - 1)) {
                    r[i][j] = cost[i - 1][j - 1] + softMin(r[i - 1][j - 1], r[i - 1][j], r[i][j - 1]);
                }
            }
        }
        double value = r[n][m];
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("soft-DTW value overflowed to " + value + " for x with " + n
                    + " frames and y with " + m + "; rescale the sequences");
        }
        return r;
    }

    private double softMin(double a, double b, double c) {
        double min = Math.min(a, Math.min(b, c));
        if (min == Double.POSITIVE_INFINITY) {
            return min;
        }
        double sum = Math.exp((min - a) / gamma) + Math.exp((min - b) / gamma) + Math.exp((min - c) / gamma);
        return min - gamma * Math.log(sum);
    }

    private double[][] backward(double[][] cost, double[][] r) {
        int n = cost.length;
        int m = cost[0].length;
        double[][] e = new double[n][m];
        e[n - 1][m - 1] = 1.0;
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                if ((i == n - 1 && j == m - 1) || !admissible(i, j)) {
                    continue;
                }
                double here = r[i + 1][j + 1];
                double sum = 0.0;
                if (i + 1 < n && admissible(i + 1, j)) {
                    sum += e[i + 1][j] * Math.exp((r[i + 2][j + 1] - cost[i + 1][j] - here) / gamma);
                }
                if (j + 1 < m && admissible(i, j + 1)) {
                    sum += e[i][j + 1] * Math.exp((r[i + 1][j + 2] - cost[i][j + 1] - here) / gamma);
                }
                if (i + 1 < n && j + 1 < m && admissible(i + 1, j + 1)) {
                    sum += e[i + 1][j + 1] * Math.exp((r[i + 2][j + 2] - cost[i + 1][j + 1] - here) / gamma);
                }
                e[i][j] = sum;
            }
        }
        return e;
    }

    private static void requireCost(double[][] cost) {
        Frames.require("cost", cost);
    }
}
