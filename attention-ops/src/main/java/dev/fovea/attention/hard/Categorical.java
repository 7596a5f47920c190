package dev.fovea.attention.hard;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.fovea.attention.discrete.Softmax;

/**
 * The log-probability, entropy and score function of the categorical distribution \( p = \operatorname{softmax}(s) \)
 * over \( L \) locations, the pieces a REINFORCE-trained hard attention needs ({@link Reinforce}).
 *
 * <p>\( \log p_k = s_k - \log\sum_j e^{s_j} \); \( H(p) = -\sum_j p_j \log p_j \);
 * \( \nabla_s \log p_k = e_k - p \) (the score function, Williams 1992, eq. 9's characteristic eligibility). The
 * NDArray functions are differentiable in the scores and need finite scores (a \( -\infty \) score makes the entropy
 * NaN). Stateless and thread-safe.
 */
public final class Categorical {

    private Categorical() {
    }

    /**
     * The double kernel of the score function \( \nabla_s \log p_k = e_k - p \).
     *
     * @param scores \( s \), finite, \( L \ge 1 \) entries
     * @param index  \( k \in [0, L) \)
     * @return a new array of \( L \) entries
     * @throws IllegalArgumentException if {@code index} is out of range ({@code "index must be in [0, 4), got 4"}) or
     *                                  the scores are bad as for {@link Softmax#probabilities(double[])}
     */
    public static double[] scoreFunction(double[] scores, int index) {
        double[] p = Softmax.probabilities(scores);
        if (index < 0 || index >= p.length) {
            throw new IllegalArgumentException("index must be in [0, " + p.length + "), got " + index);
        }
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            g[i] = (i == index ? 1.0 : 0.0) - p[i];
        }
        return g;
    }

    /**
     * \( \log p_k \) for one index per slice; differentiable in the scores.
     *
     * @param scores \( [\dots, L] \), floating point, finite
     * @param index  integer \( [\dots] \), entries in \( [0, L) \)
     * @return \( [\dots] \) in the type of {@code scores}
     * @throws IllegalArgumentException if the shapes do not fit ({@code "index has shape (3), scores (4, 5)"})
     */
    public static NDArray logProbability(NDArray scores, NDArray index) {
        if (!index.getShape().equals(scores.getShape().slice(0, scores.getShape().dimension() - 1))) {
            throw new IllegalArgumentException("index has shape " + index.getShape() + ", scores " + scores.getShape());
        }
        long locations = scores.getShape().getShape()[scores.getShape().dimension() - 1];
        NDArray positions = scores.getManager().arange(0, locations, 1, DataType.INT64);
        NDArray oneHot = positions.eq(index.toType(DataType.INT64, false).expandDims(-1))
                .toType(scores.getDataType(), false);
        return scores.logSoftmax(-1).mul(oneHot).sum(new int[] {-1});
    }

    /**
     * \( H(p) = -\sum_j p_j \log p_j \) per slice; differentiable in the scores.
     *
     * @param scores \( [\dots, L] \), floating point, finite
     * @return \( [\dots] \)
     */
    public static NDArray entropy(NDArray scores) {
        NDArray logP = scores.logSoftmax(-1);
        return logP.exp().mul(logP).sum(new int[] {-1}).neg();
    }
}
