package dev.fovea.alignment.softdtw;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.Objects;

/**
 * Soft-DTW on DJL {@link NDArray}s, built from differentiable engine operations so that autograd
 * ({@code GradientCollector.backward}) gives the gradient with respect to both sequences — the layer between the
 * kernel {@link SoftDtw} (same recursion, same conventions; see its class comment for the math) and
 * {@link SoftDtwBlock}.
 *
 * <p>The local cost is \( \delta_{ij} = \| x_i - y_j \|^2 \) from broadcasting; the recursion runs cell by cell on
 * scalar arrays, border cells with their single predecessor (equivalent to the \( +\infty \) padding, without
 * infinities in the graph), interior cells with
 * \( \min^\gamma(a) = a_{\min} - \gamma \log \sum_k e^{(a_{\min} - a_k)/\gamma} \). That is \( O(nm) \) engine calls:
 * meant for losses on short sequences (tens of frames); use the kernel for long ones. No window.
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
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(y, "y must not be null");
        SoftDtw.of(gamma);
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
        NDArray cost = x.expandDims(1).sub(y.expandDims(0)).square().sum(new int[] {2});
        NDArray[][] r = new NDArray[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                NDArray local = cost.get(i, j);
                if (i == 0 && j == 0) {
                    r[i][j] = local;
                } else if (i == 0) {
                    r[i][j] = local.add(r[i][j - 1]);
                } else if (j == 0) {
                    r[i][j] = local.add(r[i - 1][j]);
                } else {
                    r[i][j] = local.add(softMin(NDArrays.stack(new NDList(r[i - 1][j - 1], r[i - 1][j],
                            r[i][j - 1])), gamma));
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
        return value(x, y, gamma).sub(value(x, x, gamma).add(value(y, y, gamma)).mul(0.5));
    }

    private static NDArray softMin(NDArray candidates, double gamma) {
        NDArray least = candidates.min();
        return least.sub(least.sub(candidates).div(gamma).exp().sum().log().mul(gamma));
    }
}
