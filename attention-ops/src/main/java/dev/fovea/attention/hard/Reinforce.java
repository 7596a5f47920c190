package dev.fovea.attention.hard;

import ai.djl.ndarray.NDArray;

/**
 * The REINFORCE estimator (Williams 1992) with a learned baseline and an entropy bonus, as surrogate losses whose
 * gradients are the estimators — DJL has no custom autograd, so the estimator is obtained by differentiating a
 * function built for the purpose.
 *
 * <p>For actions \( a_b \sim \pi_\theta \), rewards \( R_b \) and baselines \( b_b \), \( b = 1..B \):
 * <ul>
 *   <li>{@link #surrogate}: \( \mathcal L_\pi = -\tfrac1B \sum_b \operatorname{sg}(R_b - b_b)\, \log\pi_\theta(a_b) \),
 *       so \( -\nabla_\theta \mathcal L_\pi = \tfrac1B \sum_b (R_b - b_b) \nabla_\theta \log\pi_\theta(a_b) \), the
 *       unbiased estimator of \( \nabla_\theta \mathbb E_\pi[R] \) for any baseline that does not depend on the action
 *       (\( \mathbb E[\nabla \log\pi] = 0 \)). \( \operatorname{sg} \) is stop-gradient: neither the reward nor the
 *       baseline receive a gradient from this term;</li>
 *   <li>{@link #baselineLoss}: \( \mathcal L_b = \tfrac1B \sum_b (b_b - \operatorname{sg} R_b)^2 \), which trains the
 *       baseline toward \( \mathbb E[R \mid \text{state}] \) (the variance-reducing choice of Mnih et al. 2014, §4);</li>
 *   <li>{@link #entropyBonus}: \( \mathcal L_H = -\beta\, \tfrac1B \sum_b H_b \) — minimising it raises the policy's
 *       entropy (Williams and Peng 1991), delaying a premature collapse onto one location.</li>
 * </ul>
 * The total loss to minimise is \( \mathcal L_\pi + \mathcal L_b + \mathcal L_H \) ({@link #loss}). Rewards are taken
 * as given (no discounting here). Stateless and thread-safe.
 */
public final class Reinforce {

    private Reinforce() {
    }

    /**
     * The three terms and their sum, each a scalar.
     *
     * @param policy   \( \mathcal L_\pi \)
     * @param baseline \( \mathcal L_b \)
     * @param entropy  \( \mathcal L_H \)
     * @param total    their sum
     */
    public record Loss(NDArray policy, NDArray baseline, NDArray entropy, NDArray total) {
    }

    /**
     * \( \mathcal L_\pi = -\tfrac1B \sum_b \operatorname{sg}(R_b - b_b) \log\pi(a_b) \).
     *
     * @param logProbability \( \log\pi(a_b) \), \( [B] \), differentiable in the policy's parameters
     * @param reward         \( R \), \( [B] \)
     * @param baseline       \( b \), \( [B] \) (zeros for plain REINFORCE)
     * @return a scalar
     * @throws IllegalArgumentException if the shapes differ
     */
    public static NDArray surrogate(NDArray logProbability, NDArray reward, NDArray baseline) {
        requireSameShape(logProbability, reward, baseline);
        NDArray advantage = reward.sub(baseline).stopGradient();
        return logProbability.mul(advantage).mean().neg();
    }

    /**
     * \( \mathcal L_b = \tfrac1B \sum_b (b_b - \operatorname{sg} R_b)^2 \).
     *
     * @param baseline \( [B] \), differentiable in the baseline's parameters
     * @param reward   \( [B] \)
     * @return a scalar
     * @throws IllegalArgumentException if the shapes differ
     */
    public static NDArray baselineLoss(NDArray baseline, NDArray reward) {
        requireSameShape(baseline, reward, reward);
        NDArray d = baseline.sub(reward.stopGradient());
        return d.mul(d).mean();
    }

    /**
     * \( \mathcal L_H = -\beta\,\tfrac1B \sum_b H_b \).
     *
     * @param entropy \( H \), \( [B] \), e.g. {@link Categorical#entropy(NDArray)}
     * @param weight  \( \beta \ge 0 \), finite
     * @return a scalar
     * @throws IllegalArgumentException if {@code weight} is negative or not finite
     */
    public static NDArray entropyBonus(NDArray entropy, double weight) {
        if (!(weight >= 0.0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("entropy weight must be finite and >= 0, got " + weight);
        }
        return entropy.mean().mul(-weight);
    }

    /**
     * The three terms and their sum.
     *
     * @param logProbability \( [B] \)
     * @param entropy        \( [B] \)
     * @param reward         \( [B] \)
     * @param baseline       \( [B] \)
     * @param entropyWeight  \( \beta \ge 0 \)
     */
    public static Loss loss(NDArray logProbability, NDArray entropy, NDArray reward, NDArray baseline,
                            double entropyWeight) {
        NDArray policy = surrogate(logProbability, reward, baseline);
        NDArray base = baselineLoss(baseline, reward);
        NDArray bonus = entropyBonus(entropy, entropyWeight);
        return new Loss(policy, base, bonus, policy.add(base).add(bonus));
    }

    private static void requireSameShape(NDArray first, NDArray reward, NDArray baseline) {
        if (first.getShape().dimension() != 1 || !reward.getShape().equals(first.getShape())
                || !baseline.getShape().equals(first.getShape())) {
            throw new IllegalArgumentException("log-probabilities, rewards and baselines must share one shape (B), got "
                    + first.getShape() + ", " + reward.getShape() + ", " + baseline.getShape());
        }
    }
}
