package dev.fovea.alignment.softdtw;

import dev.fovea.alignment.dtw.Window;
import dev.fovea.alignment.frames.Frames;
import java.util.Arrays;
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
 * <p><b>Window.</b> Any {@link Window} of {@link dev.fovea.alignment.dtw.Dtw} (none, Sakoe–Chiba
 * \( |i - j| \le r \), Itakura parallelogram, mask), with exactly its semantics: cell \( (i, j) \) (0-based frame
 * indices) is admissible iff {@link Window#admits(int, int, int, int) admits(i, j, n, m)}. Inadmissible cells have
 * \( R = +\infty \) and \( E = 0 \), so \( \operatorname{sdtw}_\gamma \) is the soft minimum over the admissible
 * paths only, and it tends to windowed DTW (symmetric1, squared cost) as \( \gamma \to 0 \). Admissible cells that no
 * admissible path reaches (possible with a mask) also have \( E = 0 \). When the window admits no path for the
 * lengths, {@link IllegalArgumentException} with a message starting with {@code "window"}, as {@code Dtw} says it.
 *
 * <p><b>Divergence with a window.</b> The self-terms apply the window's own rule to their lengths:
 * \( \operatorname{sdtw}_\gamma(x, x) \) uses {@code admits(i, j, n, n)}, \( \operatorname{sdtw}_\gamma(y, y) \) uses
 * {@code admits(i, j, m, m)} (the band \( |i - j| \le r \), resp. the parallelogram of the same slope through the
 * corners of the \( n \times n \) grid). Both always admit the diagonal path, so the self-terms exist. A mask is
 * fixed to one \( n \times m \) grid and has no rule for \( x \) against \( x \): {@link #divergence} and
 * {@link #divergenceGradient} refuse it. Non-negativity is proven (Blondel et al., Prop. 2) without a window; with a
 * Sakoe–Chiba or Itakura window it is observed on random inputs in the tests, not proven.
 *
 * <p><b>Numerics.</b> The soft minimum is evaluated with the maximum factored out, so it neither overflows nor
 * underflows for any finite arguments. Inputs must be finite; an {@link ArithmeticException} is thrown if the value
 * overflows. Time \( O(nm(d + 1)) \), memory \( O(nm) \). Immutable and thread-safe.
 */
public final class SoftDtw {

    private final double gamma;
    private final Window window;

    private SoftDtw(double gamma, Window window) {
        this.gamma = gamma;
        this.window = window;
    }

    /**
     * Soft-DTW without a window.
     *
     * @param gamma the smoothing \( \gamma &gt; 0 \), finite
     * @throws IllegalArgumentException if {@code gamma} is not a positive finite number ({@code "gamma must be > 0,
     *                                  got 0.0"})
     */
    public static SoftDtw of(double gamma) {
        return new SoftDtw(requireGamma(gamma), Window.none());
    }

    /**
     * Soft-DTW restricted to the cells of a {@link Window} (see the class comment).
     *
     * @param gamma  the smoothing \( \gamma &gt; 0 \), finite
     * @param window the admissible cells, as for {@code Dtw}
     * @throws IllegalArgumentException if {@code gamma} is not a positive finite number
     */
    public static SoftDtw of(double gamma, Window window) {
        Objects.requireNonNull(window, "window must not be null");
        return new SoftDtw(requireGamma(gamma), window);
    }

    /**
     * Soft-DTW restricted to the Sakoe–Chiba band \( |i - j| \le r \).
     *
     * @param gamma       the smoothing \( \gamma &gt; 0 \), finite
     * @param radiusCells \( r \ge 0 \), in frames
     * @throws IllegalArgumentException if {@code gamma} is not positive and finite or {@code radiusCells} is negative
     */
    public static SoftDtw withSakoeChibaRadius(double gamma, int radiusCells) {
        return of(gamma, Window.sakoeChiba(radiusCells));
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

    /** The window. */
    public Window window() {
        return window;
    }

    /** The Sakoe–Chiba radius in cells, or −1 when the window is not a Sakoe–Chiba band. */
    public int radiusCells() {
        return window instanceof Window.SakoeChiba band ? band.radiusCells() : -1;
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
     *                                  window admits no path for the lengths
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
     * @throws IllegalArgumentException as {@link #value}, and if the window is a mask (no rule for the self-terms)
     * @see #value(double[][], double[][])
     */
    public double divergence(double[][] x, double[][] y) {
        requireSelfTerms();
        return value(x, y) - 0.5 * (value(x, x) + value(y, y));
    }

    /** Refuses a mask, which has no rule for the self-terms of the divergence. */
    void requireSelfTerms() {
        if (window instanceof Window.Mask mask) {
            throw new IllegalArgumentException("window: the soft-DTW divergence needs sdtw(x, x) and sdtw(y, y), "
                    + "and a mask (" + mask + ") is fixed to one n x m grid; use none, sakoe-chiba or itakura");
        }
    }

    /**
     * The divergence and its gradient with respect to \( x \). Because \( \operatorname{sdtw}_\gamma \) is symmetric,
     * \( \partial_x \tfrac12 \operatorname{sdtw}_\gamma(x, x) = \partial_1 \operatorname{sdtw}_\gamma(x, x) \), so
     * \( \partial_x D_\gamma(x, y) = \partial_1 \operatorname{sdtw}_\gamma(x, y) - \partial_1 \operatorname{sdtw}_\gamma(x, x) \).
     */
    public Gradient divergenceGradient(double[][] x, double[][] y) {
        requireSelfTerms();
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

    /**
     * The admissible cells for \( n \times m \), after {@link Window#requireFits}; a window that fits but admits no
     * path is caught by the forward pass.
     */
    private boolean[][] admissible(int n, int m) {
        window.requireFits(n, m, false);
        boolean[][] admitted = new boolean[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                admitted[i][j] = window.admits(i, j, n, m);
            }
        }
        return admitted;
    }

    /** R with a border row and column: r[i + 1][j + 1] is the accumulated value of cell (i, j). */
    private double[][] forward(double[][] cost) {
        int n = cost.length;
        int m = cost[0].length;
        boolean[][] admitted = admissible(n, m);
        double[][] r = new double[n + 1][m + 1];
        for (double[] row : r) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        r[0][0] = 0.0;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                if (admitted[i - 1][j - 1]) {
                    r[i][j] = cost[i - 1][j - 1] + softMin(r[i - 1][j - 1], r[i - 1][j], r[i][j - 1]);
                }
            }
        }
        double value = r[n][m];
        if (value == Double.POSITIVE_INFINITY) {
            requirePath(admitted);
        }
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("soft-DTW value overflowed to " + value + " for x with " + n
                    + " frames and y with " + m + "; rescale the sequences");
        }
        return r;
    }

    /** Rejects lengths for which the window admits no path, as {@link #value} does. */
    void requirePath(int n, int m) {
        requirePath(admissible(n, m));
    }

    private void requirePath(boolean[][] admitted) {
        int n = admitted.length;
        int m = admitted[0].length;
        if (!reachable(admitted)) {
            throw new IllegalArgumentException("window admits no warping path: symmetric1 steps within " + window
                    + " cannot reach row " + (n - 1) + " at column " + (m - 1) + " for n = " + n + ", m = " + m);
        }
    }

    /** Whether an admissible symmetric1 path joins (0, 0) to (n − 1, m − 1), independently of the costs. */
    private static boolean reachable(boolean[][] admitted) {
        int n = admitted.length;
        int m = admitted[0].length;
        boolean[][] reached = new boolean[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                reached[i][j] = admitted[i][j] && ((i == 0 && j == 0) || (i > 0 && reached[i - 1][j])
                        || (j > 0 && reached[i][j - 1]) || (i > 0 && j > 0 && reached[i - 1][j - 1]));
            }
        }
        return reached[n - 1][m - 1];
    }

    private double softMin(double a, double b, double c) {
        double min = Math.min(a, Math.min(b, c));
        if (min == Double.POSITIVE_INFINITY) {
            return min;
        }
        double sum = Math.exp((min - a) / gamma) + Math.exp((min - b) / gamma) + Math.exp((min - c) / gamma);
        return min - gamma * Math.log(sum);
    }

    /** E; a cell or successor with \( R = +\infty \) (inadmissible or unreached) contributes nothing. */
    private double[][] backward(double[][] cost, double[][] r) {
        int n = cost.length;
        int m = cost[0].length;
        double[][] e = new double[n][m];
        e[n - 1][m - 1] = 1.0;
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                double here = r[i + 1][j + 1];
                if ((i == n - 1 && j == m - 1) || here == Double.POSITIVE_INFINITY) {
                    continue;
                }
                double sum = 0.0;
                if (i + 1 < n) {
                    sum += successor(e[i + 1][j], r[i + 2][j + 1], cost[i + 1][j], here);
                }
                if (j + 1 < m) {
                    sum += successor(e[i][j + 1], r[i + 1][j + 2], cost[i][j + 1], here);
                }
                if (i + 1 < n && j + 1 < m) {
                    sum += successor(e[i + 1][j + 1], r[i + 2][j + 2], cost[i + 1][j + 1], here);
                }
                e[i][j] = sum;
            }
        }
        return e;
    }

    private double successor(double eNext, double rNext, double costNext, double here) {
        return rNext == Double.POSITIVE_INFINITY ? 0.0 : eNext * Math.exp((rNext - costNext - here) / gamma);
    }

    private static void requireCost(double[][] cost) {
        Frames.require("cost", cost);
    }
}
