package dev.fovea.attention.hard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.discrete.Softmax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unbiasedness of the REINFORCE surrogate on problems with a known gradient. The Monte Carlo mean of \( n \)
 * per-sample estimates \( g_s \) has standard error \( \hat s / \sqrt n \) (CLT, \( \hat s \) the sample standard
 * deviation per component); each component must lie within 4 standard errors of the exact gradient (two-sided
 * probability 6e-5 per component for a correct estimator; the seeds are fixed, so the test is deterministic). The
 * autograd gradient of the surrogate must also equal the mean of the explicit estimates to rounding, which checks that
 * the surrogate's gradient <em>is</em> the estimator.
 */
class ReinforceTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    private static final int SAMPLES = 20_000;

    @Test
    void categoricalEstimatorIsUnbiasedWithAndWithoutABaseline() {
        // J(s) = Σ_k p_k r_k, ∇J = p ⊙ (r - J).
        double[] scores = {0.2, -0.5, 0.9, 0.0};
        double[] reward = {1.0, 3.0, -2.0, 0.5};
        double[] p = Softmax.probabilities(scores);
        double value = 0.0;
        for (int k = 0; k < 4; k++) {
            value += p[k] * reward[k];
        }
        double[] exact = new double[4];
        for (int k = 0; k < 4; k++) {
            exact[k] = p[k] * (reward[k] - value);
        }
        for (double baseline : new double[] {0.0, 0.7}) {
            NDManager m = managers.manager();
            Engine.getInstance().setRandomSeed(99);
            NDArray s = m.create(scores).reshape(1, 4);
            s.setRequiresGradient(true);
            double[][] estimates = new double[SAMPLES][];
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray batch = s.repeat(0, SAMPLES);
                NDArray actions = CategoricalSampling.gumbelMax().sample(batch);
                long[] k = actions.toLongArray();
                double[] r = new double[SAMPLES];
                for (int i = 0; i < SAMPLES; i++) {
                    r[i] = reward[(int) k[i]];
                    double[] score = Categorical.scoreFunction(scores, (int) k[i]);
                    estimates[i] = new double[4];
                    for (int j = 0; j < 4; j++) {
                        estimates[i][j] = (r[i] - baseline) * score[j];
                    }
                }
                NDArray loss = Reinforce.surrogate(Categorical.logProbability(batch, actions), m.create(r),
                        m.ones(new Shape(SAMPLES), DataType.FLOAT64).mul(baseline));
                collector.backward(loss);
            }
            double[] ascent = s.getGradient().neg().toDoubleArray();
            assertArrayEquals(mean(estimates), ascent, 1e-12);
            assertWithinStandardErrors(estimates, exact);
        }
    }

    @Test
    void gaussianEstimatorIsUnbiased() {
        // R(l) = -|l - c|², J(μ) = -(|μ - c|² + d σ²), ∇_μ J = -2 (μ - c).
        GaussianLocationPolicy policy = new GaussianLocationPolicy(0.5);
        double[] mu = {0.3, -0.2};
        double[] c = {-0.1, 0.4};
        double[] exact = {-2 * (mu[0] - c[0]), -2 * (mu[1] - c[1])};
        NDManager m = managers.manager();
        Engine.getInstance().setRandomSeed(7);
        NDArray theta = m.create(mu).reshape(1, 2);
        theta.setRequiresGradient(true);
        double[][] estimates = new double[SAMPLES][2];
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray mean = theta.repeat(0, SAMPLES);
            NDArray location = policy.sample(mean);
            double[] l = location.toDoubleArray();
            double[] r = new double[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                double dx = l[2 * i] - c[0];
                double dy = l[2 * i + 1] - c[1];
                r[i] = -(dx * dx + dy * dy);
                for (int j = 0; j < 2; j++) {
                    estimates[i][j] = r[i] * (l[2 * i + j] - mu[j]) / 0.25;
                }
            }
            NDArray logp = policy.logProbability(location, mean);
            collector.backward(Reinforce.surrogate(logp, m.create(r), m.zeros(new Shape(SAMPLES), DataType.FLOAT64)));
        }
        assertArrayEquals(mean(estimates), theta.getGradient().neg().toDoubleArray(), 1e-10);
        assertWithinStandardErrors(estimates, exact);
    }

    @Test
    void baselineAndEntropyTermsHaveTheirClosedFormGradients() {
        NDManager m = managers.manager();
        NDArray b = m.create(new double[] {0.5, -1.0, 2.0});
        NDArray r = m.create(new double[] {1.0, 1.0, 1.0});
        NDArray scores = m.create(new double[] {0.1, 0.7, -0.3, 1.4, 0.0, 0.2}, new Shape(2, 3));
        b.setRequiresGradient(true);
        r.setRequiresGradient(true);
        scores.setRequiresGradient(true);
        Reinforce.Loss loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logp = Categorical.logProbability(scores, m.create(new long[] {1, 0}));
            loss = Reinforce.loss(logp.concat(logp.get("0:1")), Categorical.entropy(scores).concat(m.zeros(
                    new Shape(1), DataType.FLOAT64)), r, b, 0.1);
            collector.backward(loss.baseline().add(loss.entropy()));
        }
        // ∂/∂b (1/3) Σ (b - R)² = 2 (b - R) / 3; the reward gets nothing through the stop-gradient.
        assertArrayEquals(new double[] {-1.0 / 3, -4.0 / 3, 2.0 / 3}, b.getGradient().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[3], r.getGradient().toType(DataType.FLOAT64, false).toDoubleArray(), 0.0);
        // ∂H/∂s_i = -p_i (log p_i + H); the bonus is -0.1 · (H_0 + H_1 + 0) / 3.
        double[] g = scores.getGradient().toDoubleArray();
        for (int row = 0; row < 2; row++) {
            double[] p = Softmax.probabilities(row == 0 ? new double[] {0.1, 0.7, -0.3} : new double[] {1.4, 0.0, 0.2});
            double h = 0.0;
            for (double pi : p) {
                h -= pi * Math.log(pi);
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(-0.1 / 3 * -p[i] * (Math.log(p[i]) + h), g[3 * row + i], 1e-15);
            }
        }
        double expectedEntropy = -0.1 / 3 * Categorical.entropy(scores).sum().getDouble();
        assertEquals(expectedEntropy, loss.entropy().getDouble(), 1e-15);
    }

    @Test
    void gaussianLogProbabilityMatchesTheKernelAndTheClosedForm() {
        GaussianLocationPolicy policy = new GaussianLocationPolicy(0.3);
        NDManager m = managers.manager();
        double[] l = {0.1, -0.4};
        double[] mu = {0.0, 0.2};
        double expected = -((0.1 * 0.1 + 0.6 * 0.6) / (2 * 0.09)) - 2 * Math.log(0.3) - Math.log(2 * Math.PI);
        assertEquals(expected, policy.logDensity(l, mu), 1e-14);
        assertEquals(expected, policy.logProbability(m.create(l).reshape(1, 2), m.create(mu).reshape(1, 2))
                .getDouble(0), 1e-14);
        assertEquals(2 * (Math.log(0.3) + 0.5 * Math.log(2 * Math.PI * Math.E)), policy.entropy(2), 1e-15);
        assertEquals("standardDeviation must be finite and > 0, got 0.0", assertThrows(
                IllegalArgumentException.class, () -> new GaussianLocationPolicy(0.0)).getMessage());
        assertEquals("entropy weight must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> Reinforce.entropyBonus(m.zeros(new Shape(2)), -1.0)).getMessage());
        assertEquals("index must be in [0, 2), got 2", assertThrows(IllegalArgumentException.class,
                () -> Categorical.scoreFunction(new double[] {0, 1}, 2)).getMessage());
    }

    private static double[] mean(double[][] samples) {
        double[] mean = new double[samples[0].length];
        for (double[] s : samples) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += s[j] / samples.length;
            }
        }
        return mean;
    }

    private static void assertWithinStandardErrors(double[][] samples, double[] exact) {
        double[] mean = mean(samples);
        for (int j = 0; j < exact.length; j++) {
            double variance = 0.0;
            for (double[] s : samples) {
                variance += (s[j] - mean[j]) * (s[j] - mean[j]) / (samples.length - 1);
            }
            double standardError = Math.sqrt(variance / samples.length);
            assertTrue(Math.abs(mean[j] - exact[j]) <= 4 * standardError,
                    "component " + j + ": Monte Carlo " + mean[j] + " vs exact " + exact[j] + ", standard error "
                            + standardError);
        }
    }
}
