package dev.fovea.attention.hard;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.fovea.attention.discrete.Softmax;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a location is drawn from the categorical distribution \( p = \operatorname{softmax}(s) \) over \( L \) locations
 * — the stochastic "hard" attention of Xu et al. 2015 (§4.1) and Mnih et al. 2014. Two exact methods, one per record:
 * <ul>
 *   <li>{@link #gumbelMax()}: \( k = \arg\max_i (s_i + G_i) \), \( G_i = -\log(-\log U_i) \) i.i.d. standard Gumbel,
 *       \( U_i \sim \mathcal U[0, 1) \) (Gumbel 1954; Maddison, Tarlow and Minka 2014, §2): one uniform per location,
 *       no normalisation;</li>
 *   <li>{@link #inverseCdf()}: \( k = \min\{ i : C_i > U\, C_{L-1} \} \) with \( C_i = \sum_{j \le i} p_j \) and one
 *       \( U \sim \mathcal U[0, 1) \). Scaling \( U \) by the total \( C_{L-1} \) (1 up to rounding) guarantees that
 *       the returned index has \( p_k &gt; 0 \).</li>
 * </ul>
 * Both give exactly the distribution \( p \); scores of \( -\infty \) are masked locations and are never drawn. Neither
 * is differentiable (the draw is an action; its gradient comes from {@link Reinforce}). DJL's
 * {@code NDManager.randomMultinomial} throws on the PyTorch engine, hence these two routes. Records are immutable and
 * thread-safe; the NDArray draws use the engine's generator ({@code Engine.setRandomSeed}).
 */
public sealed interface CategoricalSampling permits CategoricalSampling.GumbelMax, CategoricalSampling.InverseCdf {

    /** Gumbel-max sampling. */
    static CategoricalSampling gumbelMax() {
        return new GumbelMax();
    }

    /** Inverse-CDF sampling. */
    static CategoricalSampling inverseCdf() {
        return new InverseCdf();
    }

    /**
     * The double kernel: one draw.
     *
     * @param scores \( s \), \( L \ge 1 \) entries, finite or \( -\infty \) (masked), at least one finite
     * @param random the source of uniforms
     * @return the drawn index in \( [0, L) \)
     * @throws IllegalArgumentException as {@link Softmax#probabilities(double[])} for bad scores
     */
    int sample(double[] scores, RandomGenerator random);

    /**
     * One draw per slice along the last axis.
     *
     * @param scores \( [\dots, L] \), floating point; \( -\infty \) masks
     * @return int64 indices of shape \( [\dots] \)
     */
    NDArray sample(NDArray scores);

    /** Gumbel-max sampling; see {@link CategoricalSampling}. */
    record GumbelMax() implements CategoricalSampling {

        @Override
        public int sample(double[] scores, RandomGenerator random) {
            Objects.requireNonNull(random, "random must not be null");
            Softmax.probabilities(scores);
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double perturbed = scores[i] - Math.log(-Math.log(random.nextDouble()));
                if (best < 0 || perturbed > bestValue) {
                    best = i;
                    bestValue = perturbed;
                }
            }
            return best;
        }

        @Override
        public NDArray sample(NDArray scores) {
            NDArray u = scores.getManager().randomUniform(0f, 1f, scores.getShape(), scores.getDataType());
            NDArray gumbel = u.log().neg().log().neg();
            return scores.add(gumbel).argMax(-1).toType(DataType.INT64, false);
        }
    }

    /** Inverse-CDF sampling; see {@link CategoricalSampling}. */
    record InverseCdf() implements CategoricalSampling {

        @Override
        public int sample(double[] scores, RandomGenerator random) {
            Objects.requireNonNull(random, "random must not be null");
            double[] p = Softmax.probabilities(scores);
            double[] cumulative = new double[p.length];
            double total = 0.0;
            for (int i = 0; i < p.length; i++) {
                total += p[i];
                cumulative[i] = total;
            }
            double target = random.nextDouble() * total;
            for (int i = 0; i < p.length; i++) {
                if (cumulative[i] > target) {
                    return i;
                }
            }
            throw new IllegalStateException("no cumulative probability exceeds " + target + " < " + total);
        }

        @Override
        public NDArray sample(NDArray scores) {
            NDArray cumulative = scores.softmax(-1).cumSum(-1);
            NDArray total = cumulative.get("..., -1:");
            NDArray u = scores.getManager().randomUniform(0f, 1f, total.getShape(), scores.getDataType());
            return cumulative.lte(u.mul(total)).toType(DataType.INT64, false).sum(new int[] {-1});
        }
    }
}
