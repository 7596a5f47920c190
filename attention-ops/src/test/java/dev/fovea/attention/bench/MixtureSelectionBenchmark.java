package dev.fovea.attention.bench;

import dev.fovea.attention.continuous.Gaussian2;
import dev.fovea.attention.continuous.UnitSquareGrid;
import dev.fovea.attention.mixture.ComponentCount;
import dev.fovea.attention.mixture.GaussianMixtureFit;
import dev.fovea.attention.mixture.MixtureRequest;
import dev.fovea.attention.mixture.MixtureSelection;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.distribution.fitting.MultivariateNormalMixtureExpectationMaximization;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.util.Pair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Mixture fitting with model selection on a 14×14 grid (L = 196): \( K = 1, \dots, 4 \), 3 starts per \( K \),
 * {@code iterations} E+M steps per start, the candidate of least \( -2\ell + \lambda K \) kept (\( \lambda = 1 \)).
 *
 * <ul>
 *   <li>{@code fovea}: {@link MixtureSelection#fit} on a bimodal attention map (weights of two Gaussians at the cell
 *       centres), weighted k-means++ starts, floor \( 10^{-6} \). \( K = 1 \) is fitted once (its starts all give the
 *       moments), so it runs 1 + 3·3 = 10 EM fits.</li>
 *   <li>{@code foveaUniformWeights}: the same with \( w_\ell = 1/L \), i.e. the data Commons Math sees.</li>
 *   <li>{@code commonsMath}: Apache Commons Math 3.6.1 {@code MultivariateNormalMixtureExpectationMaximization} on the
 *       same 196 points, unweighted (it has no weights): for each \( K \) and each of the 3 starts,
 *       {@code fit(estimate(points, K), iterations - 1, Double.MIN_VALUE)}, which runs exactly {@code iterations}
 *       steps and then throws {@link ConvergenceException} (caught; see {@code WeightedEmAgainstCommonsMathTest}).
 *       {@code estimate} is deterministic and rejects \( K = 1 \), so the 3 starts are equal and \( K = 1 \) starts
 *       from the points' mean and covariance, as {@code estimate} builds one bin; there Commons stops after 3 steps
 *       (the likelihood stops changing), which favours it. 12 EM fits.</li>
 * </ul>
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MixtureSelectionBenchmark extends NanosecondBenchmark {

    private static final int MAX_COMPONENTS = 4;
    private static final int RESTARTS = 3;
    private static final double PENALTY = 1.0;

    @Param({"10"})
    int iterations;

    private double[][] points;
    private MixtureRequest weighted;
    private MixtureRequest uniform;

    @Setup
    public void setUp() {
        points = UnitSquareGrid.of(14).centres();
        Gaussian2 left = Gaussian2.of(0.3, 0.3, SymmetricMatrix2.of(0.004, 0.001, 0.003));
        Gaussian2 right = Gaussian2.of(0.72, 0.68, SymmetricMatrix2.of(0.003, -0.0008, 0.005));
        double[] w = new double[points.length];
        double total = 0;
        for (int l = 0; l < w.length; l++) {
            w[l] = 0.6 * left.density(points[l][0], points[l][1]) + 0.4 * right.density(points[l][0], points[l][1]);
            total += w[l];
        }
        for (int l = 0; l < w.length; l++) {
            w[l] /= total;
        }
        double[] flat = new double[points.length];
        Arrays.fill(flat, 1.0 / points.length);
        weighted = settings(MixtureRequest.of(points, w, ComponentCount.atMost(MAX_COMPONENTS)));
        uniform = settings(MixtureRequest.of(points, flat, ComponentCount.atMost(MAX_COMPONENTS)));
    }

    private MixtureRequest settings(MixtureRequest request) {
        return request.withIterations(iterations).withRestarts(RESTARTS).withPenalty(PENALTY).withSeed(1);
    }

    @Benchmark
    public GaussianMixtureFit fovea() {
        return MixtureSelection.fit(weighted);
    }

    @Benchmark
    public GaussianMixtureFit foveaUniformWeights() {
        return MixtureSelection.fit(uniform);
    }

    @Benchmark
    public MixtureMultivariateNormalDistribution commonsMath() {
        MixtureMultivariateNormalDistribution best = null;
        double bestCriterion = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= MAX_COMPONENTS; k++) {
            for (int s = 0; s < RESTARTS; s++) {
                MultivariateNormalMixtureExpectationMaximization em =
                        new MultivariateNormalMixtureExpectationMaximization(points);
                MixtureMultivariateNormalDistribution start = k == 1 ? oneComponent(points)
                        : MultivariateNormalMixtureExpectationMaximization.estimate(points, k);
                try {
                    em.fit(start, iterations - 1, Double.MIN_VALUE);
                } catch (ConvergenceException notConvergedAfterExactlyThatManySteps) {
                    // The intended outcome: a fixed number of steps, as on our side.
                }
                double criterion = -2 * em.getLogLikelihood() + PENALTY * k;
                if (criterion < bestCriterion) {
                    bestCriterion = criterion;
                    best = em.getFittedModel();
                }
            }
        }
        return best;
    }

    /** What {@code estimate} would build from a single bin: the points' mean and sample covariance. */
    private static MixtureMultivariateNormalDistribution oneComponent(double[][] data) {
        double[] mean = new double[2];
        for (double[] row : data) {
            mean[0] += row[0] / data.length;
            mean[1] += row[1] / data.length;
        }
        double[][] covariance = new Covariance(data).getCovarianceMatrix().getData();
        List<Pair<Double, MultivariateNormalDistribution>> components = new ArrayList<>();
        components.add(new Pair<>(1.0, new MultivariateNormalDistribution(mean, covariance)));
        return new MixtureMultivariateNormalDistribution(components);
    }
}
