package dev.fovea.attention.mixture;

import static dev.fovea.attention.mixture.AttentionMaps.POINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import dev.fovea.attention.continuous.MomentMatching;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MixtureSelectionTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    /**
     * Known answer: the weights are the generating mixture's density at the cell centres, so the weighted MLE is that
     * mixture up to (a) aliasing of a Gaussian sampled with spacing \( h = 1/14 \), relative size
     * \( e^{-2\pi^2 \sigma^2 / h^2} \approx 10^{-4} \) for the narrowest \( \sigma = 0.049 \), (b) the mass beyond the unit
     * square, under \( 10^{-5} \), and (c) the floor \( 10^{-6} \), \( 3 \cdot 10^{-4} \) of the smallest variance.
     */
    @Test
    void recoversTwoWellSeparatedGaussiansOnA14By14Grid() {
        double[] w = AttentionMaps.weights(AttentionMaps.BIMODAL);
        GaussianMixtureFit fit = MixtureSelection.fit(
                MixtureRequest.of(POINTS, w, ComponentCount.exactly(2)).withIterations(100));
        List<MixtureComponent> found = fit.components().stream()
                .sorted(Comparator.comparingDouble(c -> c.density().meanX())).toList();
        for (int k = 0; k < 2; k++) {
            MixtureComponent truth = AttentionMaps.BIMODAL.component(k);
            MixtureComponent c = found.get(k);
            assertEquals(truth.weight(), c.weight(), 1e-4, "weight " + k);
            assertEquals(truth.density().meanX(), c.density().meanX(), 1e-4, "mean x " + k);
            assertEquals(truth.density().meanY(), c.density().meanY(), 1e-4, "mean y " + k);
            double error = RelativeError.normwise(entries(c.density().covariance()), entries(truth.density().covariance()));
            assertTrue(error <= 1e-3, "covariance " + k + ": " + error);
        }
        assertEquals(2, fit.selectedComponents());
        assertEquals(fit.mixture().logLikelihood(POINTS, w), fit.logLikelihood(), 1e-13);
        assertEquals(-2 * fit.logLikelihood() + 2 * MixtureRequest.DEFAULT_PENALTY, fit.criterion(), 1e-13);
    }

    private static double[] entries(SymmetricMatrix2 s) {
        return new double[] {s.xx(), s.xy(), s.yy()};
    }

    @Test
    void oneComponentIsWeightedMomentMatching() {
        for (double[] w : AttentionMaps.all()) {
            for (double floor : new double[] {0.0, 1e-6, 1.0 / (12 * 14 * 14)}) {
                MixtureComponent c = MixtureSelection.fit(MixtureRequest.of(POINTS, w, ComponentCount.exactly(1))
                        .withCovarianceFloor(floor).withIterations(1)).components().get(0);
                assertEquals(1.0, c.weight(), 0.0);
                NDArray probabilities = managers.manager().create(w, new Shape(1, w.length));
                MomentMatching.Moments moments = MomentMatching.fromGrid(probabilities, AttentionMaps.SIDE, floor);
                double[] mean = moments.mean().toDoubleArray();
                double[] covariance = moments.covariance().toDoubleArray();
                // Same formulas, different summation order: equal to rounding.
                assertTrue(RelativeError.normwise(c.mean(), mean) <= 1e-15, "mean");
                double[][] s = c.covariance();
                assertTrue(RelativeError.normwise(new double[] {s[0][0], s[0][1], s[1][0], s[1][1]}, covariance) <= 1e-14,
                        "covariance");
                MixtureComponent again = MixtureSelection.fit(MixtureRequest.of(POINTS, w, ComponentCount.exactly(1))
                        .withCovarianceFloor(floor).withIterations(7)).components().get(0);
                assertEquals(c, again, "further steps leave the moments unchanged");
            }
        }
    }

    @Test
    void selectsTwoOnBimodalAndOneOnUnimodalMaps() {
        assertEquals(2, select(AttentionMaps.BIMODAL, MixtureRequest.DEFAULT_PENALTY));
        assertEquals(2, select(AttentionMaps.CORNERS, MixtureRequest.DEFAULT_PENALTY));
        assertEquals(3, select(AttentionMaps.TRIMODAL, MixtureRequest.DEFAULT_PENALTY));
        assertEquals(1, select(AttentionMaps.UNIMODAL, MixtureRequest.DEFAULT_PENALTY));
        assertEquals(1, select(AttentionMaps.UNIMODAL, 0.01));
    }

    /** The claim of {@link MixtureSelection}: the corner blobs gain about 1.27 nats, so the authors' 5 keeps K = 1. */
    @Test
    void theAuthorsPenaltyIsOnTheSameScaleAndKeepsCornerBlobsUnimodal() {
        GaussianMixtureFit fit = MixtureSelection.fit(MixtureRequest.of(POINTS,
                AttentionMaps.weights(AttentionMaps.CORNERS), ComponentCount.atMost(2)).withPenalty(0));
        double gain = fit.candidates().get(1).logLikelihood() - fit.candidates().get(0).logLikelihood();
        assertEquals(1.27, gain, 0.01);
        assertEquals(1, select(AttentionMaps.CORNERS, 5.0));
    }

    private static int select(GaussianMixture2 truth, double penalty) {
        return MixtureSelection.fit(MixtureRequest.of(POINTS, AttentionMaps.weights(truth), ComponentCount.atMost(4))
                .withPenalty(penalty)).selectedComponents();
    }

    @Test
    void sameSeedGivesTheSameFitAndOtherSeedsOtherStarts() {
        double[] w = AttentionMaps.noise(3);
        MixtureRequest request = MixtureRequest.of(POINTS, w, ComponentCount.atMost(4)).withSeed(42);
        GaussianMixtureFit first = MixtureSelection.fit(request);
        GaussianMixtureFit second = MixtureSelection.fit(request);
        assertEquals(first, second);
        GaussianMixtureFit other = MixtureSelection.fit(request.withSeed(43));
        assertNotEquals(first.candidates(), other.candidates());
        assertEquals(first.candidates().get(0), other.candidates().get(0), "K = 1 does not depend on the start");
    }

    @Test
    void candidatesAreOnePerStartAndTheBestStartIsKept() {
        double[] w = AttentionMaps.noise(4);
        GaussianMixtureFit fit = MixtureSelection.fit(MixtureRequest.of(POINTS, w, ComponentCount.atMost(4))
                .withRestarts(5).withPenalty(0.0));
        assertEquals(1 + 3 * 5, fit.candidates().size());
        for (int k = 1; k <= 4; k++) {
            int components = k;
            List<MixtureCandidate> ofK = fit.candidates().stream().filter(c -> c.components() == components).toList();
            assertEquals(k == 1 ? 1 : 5, ofK.size());
            for (MixtureCandidate c : ofK) {
                assertEquals(-2 * c.logLikelihood() + 0.0 * k, c.criterion(), 0.0);
            }
        }
        double best = fit.candidates().stream().filter(c -> c.components() == fit.selectedComponents())
                .mapToDouble(MixtureCandidate::logLikelihood).max().orElseThrow();
        assertEquals(best, fit.logLikelihood(), 0.0);
        double least = fit.candidates().stream().mapToDouble(MixtureCandidate::criterion).min().orElseThrow();
        assertEquals(least, fit.criterion(), 0.0);
    }

    @Test
    void theCandidatesOfAtMostIncludeThoseOfExactly() {
        double[] w = AttentionMaps.weights(AttentionMaps.TRIMODAL);
        MixtureRequest atMost = MixtureRequest.of(POINTS, w, ComponentCount.atMost(4)).withSeed(9);
        MixtureRequest exactly = MixtureRequest.of(POINTS, w, ComponentCount.exactly(3)).withSeed(9);
        List<MixtureCandidate> threes = MixtureSelection.fit(atMost).candidates().stream()
                .filter(c -> c.components() == 3).toList();
        assertEquals(MixtureSelection.fit(exactly).candidates(), threes);
    }

    @Test
    void theInitialMixtureReproducesTheFit() {
        double[] w = AttentionMaps.noise(5);
        MixtureRequest request = MixtureRequest.of(POINTS, w, ComponentCount.atMost(4)).withIterations(12);
        GaussianMixtureFit fit = MixtureSelection.fit(request);
        assertEquals(fit.mixture(), WeightedEm.run(POINTS, w, fit.initialMixture(), 12, request.covarianceFloor()));
    }

    @Test
    void initialMeansGiveOneStartFromThoseMeans() {
        double[] w = AttentionMaps.weights(AttentionMaps.BIMODAL);
        double[][] means = {{0.2, 0.2}, {0.9, 0.9}};
        GaussianMixtureFit fit = MixtureSelection.fit(
                MixtureRequest.of(POINTS, w, ComponentCount.exactly(2)).withInitialMeans(means));
        assertEquals(1, fit.candidates().size());
        assertEquals(MixtureInitialisation.fromMeans(means), fit.initialMixture());
        MixtureComponent first = fit.initialMixture().component(0);
        assertEquals(0.5, first.weight(), 0.0);
        assertEquals(SymmetricMatrix2.diagonal(0.001, 0.001), first.density().covariance());
        assertEquals(WeightedEm.run(POINTS, w, fit.initialMixture(), MixtureRequest.DEFAULT_ITERATIONS,
                MixtureRequest.DEFAULT_COVARIANCE_FLOOR), fit.mixture());
    }

    @Test
    void sparseMapsCapTheCandidatesAtThePointsWithWeight() {
        double[] w = new double[POINTS.length];
        w[10] = 0.5;
        w[100] = 0.25;
        w[150] = 0.25;
        GaussianMixtureFit fit = MixtureSelection.fit(MixtureRequest.of(POINTS, w, ComponentCount.atMost(4)));
        assertEquals(3, fit.candidates().stream().mapToInt(MixtureCandidate::components).max().orElseThrow());
    }
}
