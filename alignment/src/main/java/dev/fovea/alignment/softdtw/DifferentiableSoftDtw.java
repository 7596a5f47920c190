package dev.fovea.alignment.softdtw;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.fovea.alignment.dtw.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Soft-DTW on DJL {@link NDArray}s, built from differentiable engine operations so that autograd
 * ({@code GradientCollector.backward}) gives the gradient with respect to both sequences — the layer between the
 * kernel {@link SoftDtw} (same recursion, same conventions; see its class comment for the math) and
 * {@link SoftDtwBlock}.
 *
 * <p>The local cost is \( \delta_{ij} = \| x_i - y_j \|^2 \) from broadcasting; the recursion runs cell by cell on
 * scalar arrays with
 * \( \min^\gamma(a) = a_{\min} - \gamma \log \sum_k e^{(a_{\min} - a_k)/\gamma} \) over the predecessors whose
 * \( R \) is finite. A predecessor outside the grid, outside the {@link Window} (same semantics as {@link SoftDtw}
 * and {@code Dtw}), or that no admissible path reaches has \( R = +\infty \) in the kernel and contributes
 * \( e^{-\infty} = 0 \) to the sum; here it is left out of the sum instead, which is the same value without
 * infinities in the graph (whose gradients would be NaN). Which cells are finite depends only on the window and
 * the lengths, so it is decided before the recursion. That is \( O(nm) \) engine calls: meant for losses on short
 * sequences (tens of frames); use the kernel for long ones.
 *
 * <p>Shapes: {@code x} \( (n, d) \), {@code y} \( (m, d) \), same data type (use float64 to compare with the kernel);
 * the result is a scalar of that type. Inputs are not validated for finiteness (they live on the engine); NaN
 * propagates. Thread-safe as far as the engine is.
 */
public final class DifferentiableSoftDtw {

    private DifferentiableSoftDtw() {
    }

    /**
     * \( \operatorname{sdtw}_\gamma(x, y) \), differentiable.
     *
     * @param x     \( (n, d) \), \( n \ge 1 \)
     * @param y     \( (m, d) \), \( m \ge 1 \), same \( d \)
     * @param gamma \( \gamma &gt; 0 \), finite
     * @throws IllegalArgumentException if {@code gamma} is not positive and finite, or the shapes are not
     *                                  \( (n, d) \) and \( (m, d) \)
     */
    public static NDArray value(NDArray x, NDArray y, double gamma) {
        return value(x, y, gamma, Window.none());
    }

    /**
     * \( \operatorname{sdtw}_\gamma(x, y) \) over the paths within {@code window}, differentiable.
     *
     * @param window the admissible cells, as for {@link SoftDtw#of(double, Window)}
     * @throws IllegalArgumentException as {@link #value(NDArray, NDArray, double)}, and with a message starting with
     *                                  {@code "window"} if the window admits no path for the lengths
     */
    public static NDArray value(NDArray x, NDArray y, double gamma, Window window) {
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(y, "y must not be null");
        SoftDtw kernel = SoftDtw.of(gamma, window);
        if (x.getShape().dimension() != 2 || y.getShape().dimension() != 2) {
            throw new IllegalArgumentException("x and y must be (frames, channels) matrices, got x " + x.getShape()
                    + " and y " + y.getShape());
        }
        if (x.getShape().get(1) != y.getShape().get(1)) {
            throw new IllegalArgumentException("x has " + x.getShape().get(1) + " channels, y has "
                    + y.getShape().get(1));
        }
        int n = Math.toIntExact(x.getShape().get(0));
        int m = Math.toIntExact(y.getShape().get(0));
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("x and y must have at least one frame, got " + n + " and " + m);
        }
        kernel.requirePath(n, m);
        NDArray cost = x.expandDims(1).sub(y.expandDims(0)).square().sum(new int[] {2});
        NDArray[][] r = new NDArray[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (!window.admits(i, j, n, m)) {
                    continue;
                }
                NDArray local = cost.get(i, j);
                if (i == 0 && j == 0) {
                    r[i][j] = local;
                    continue;
                }
                List<NDArray> finite = new ArrayList<>(3);
                if (i > 0 && j > 0 && r[i - 1][j - 1] != null) {
                    finite.add(r[i - 1][j - 1]);
                }
                if (i > 0 && r[i - 1][j] != null) {
                    finite.add(r[i - 1][j]);
                }
                if (j > 0 && r[i][j - 1] != null) {
                    finite.add(r[i][j - 1]);
                }
                if (finite.size() == 1) {
                    r[i][j] = local.add(finite.get(0));
                } else if (finite.size() > 1) {
                    r[i][j] = local.add(softMin(NDArrays.stack(new NDList(finite)), gamma));
                }
            }
        }
        return r[n - 1][m - 1];
    }

    /**
     * The soft-DTW divergence \( \operatorname{sdtw}(x, y) - \tfrac12(\operatorname{sdtw}(x, x) + \operatorname{sdtw}(y, y)) \),
     * differentiable (see {@link SoftDtw#divergence}).
     */
    public static NDArray divergence(NDArray x, NDArray y, double gamma) {
        return divergence(x, y, gamma, Window.none());
    }

    /**
     * The divergence within {@code window}; the self-terms use the window's rule on their own lengths, as
     * {@link SoftDtw#divergence} does.
     *
     * @throws IllegalArgumentException as {@link #value(NDArray, NDArray, double, Window)}, and if the window is a
     *                                  mask
     */
    public static NDArray divergence(NDArray x, NDArray y, double gamma, Window window) {
        SoftDtw.of(gamma, window).requireSelfTerms();
        return value(x, y, gamma, window).sub(value(x, x, gamma, window).add(value(y, y, gamma, window)).mul(0.5));
    }

    private static NDArray softMin(NDArray candidates, double gamma) {
        NDArray least = candidates.min();
        return least.sub(least.sub(candidates).div(gamma).exp().sum().log().mul(gamma));
    }
}
