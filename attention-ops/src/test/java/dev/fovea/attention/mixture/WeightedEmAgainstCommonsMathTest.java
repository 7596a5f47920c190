package dev.fovea.attention.mixture;

import static dev.fovea.attention.mixture.AttentionMaps.POINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.attention.RelativeError;
import dev.fovea.attention.continuous.Gaussian2;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.distribution.fitting.MultivariateNormalMixtureExpectationMaximization;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.util.Pair;
import org.junit.jupiter.api.Test;

/**
 * An independent implementation as the second route: Apache Commons Math 3.6.1 fits unweighted data, which is our
 * weighted EM with \( w_\ell = 1/L \) and no floor. Its {@code fit(initial, maxIterations, threshold)} runs
 * {@code maxIterations + 1} steps (loop {@code numIterations++ <= maxIterations}) and then throws
 * {@link ConvergenceException} unless the log-likelihood stopped changing: with {@code maxIterations = n - 1} and the
 * smallest threshold it runs exactly \( n \ge 2 \) (it rejects {@code maxIterations < 1}). The benchmark baseline relies
 * on that count.
 */
class WeightedEmAgainstCommonsMathTest {

    private static double[][] points() {
        double[][] copy = new double[POINTS.length][];
        for (int l = 0; l < copy.length; l++) {
            copy[l] = POINTS[l].clone();
        }
        return copy;
    }

    @Test
    void unweightedEmEqualsCommonsMathStepForStep() {
        double[] uniform = new double[POINTS.length];
        Arrays.fill(uniform, 1.0 / POINTS.length);
        for (int k = 2; k <= 4; k++) {
            MixtureMultivariateNormalDistribution initial = MultivariateNormalMixtureExpectationMaximization.estimate(
                    points(), k);
            for (int n : new int[] {2, 5, 10}) {
                MultivariateNormalMixtureExpectationMaximization em = new MultivariateNormalMixtureExpectationMaximization(
                        points());
                int steps = n;
                assertThrows(ConvergenceException.class, () -> em.fit(initial, steps - 1, Double.MIN_VALUE));
                GaussianMixture2 ours = WeightedEm.run(POINTS, uniform, toMixture(initial), n, 0.0);
                double error = RelativeError.normwise(AttentionMaps.parameters(ours),
                        AttentionMaps.parameters(toMixture(em.getFittedModel())));
                assertTrue(error <= 1e-10, "K=" + k + " n=" + n + ": " + error);
                // Commons reports the average log-likelihood of the model before its last M-step.
                GaussianMixture2 before = WeightedEm.run(POINTS, uniform, toMixture(initial), n - 1, 0.0);
                assertEquals(before.logLikelihood(POINTS, uniform), em.getLogLikelihood(), 1e-12, "K=" + k + " n=" + n);
            }
        }
    }

    private static GaussianMixture2 toMixture(MixtureMultivariateNormalDistribution mixture) {
        List<MixtureComponent> components = new ArrayList<>();
        for (Pair<Double, MultivariateNormalDistribution> c : mixture.getComponents()) {
            double[] mean = c.getSecond().getMeans();
            double[][] s = c.getSecond().getCovariances().getData();
            components.add(MixtureComponent.of(c.getFirst(),
                    Gaussian2.of(mean[0], mean[1], SymmetricMatrix2.fromRows(s))));
        }
        return GaussianMixture2.of(components);
    }
}
