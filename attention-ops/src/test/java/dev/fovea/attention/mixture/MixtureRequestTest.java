package dev.fovea.attention.mixture;

import static dev.fovea.attention.mixture.AttentionMaps.POINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MixtureRequestTest {

    private static final double[] W = AttentionMaps.weights(AttentionMaps.BIMODAL);

    private static MixtureRequest request(ComponentCount count) {
        return MixtureRequest.of(POINTS, W, count);
    }

    private static void rejects(String message, Executable construction) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction).getMessage());
    }

    @Test
    void rejectsPointsAndWeightsThatDoNotFit() {
        rejects("weights has 195 entries, points has 196",
                () -> MixtureRequest.of(POINTS, Arrays.copyOf(W, 195), ComponentCount.exactly(2)));
        double[][] threeCoordinates = POINTS.clone();
        threeCoordinates[3] = new double[] {0.1, 0.2, 0.3};
        rejects("points[3] has 3 coordinates, expected 2",
                () -> MixtureRequest.of(threeCoordinates, W, ComponentCount.exactly(2)));
        double[][] infinite = POINTS.clone();
        infinite[8] = new double[] {0.1, Double.POSITIVE_INFINITY};
        rejects("points must be finite, got [0.1, Infinity] at [8]",
                () -> MixtureRequest.of(infinite, W, ComponentCount.exactly(2)));
        rejects("points must not be empty",
                () -> MixtureRequest.of(new double[0][], new double[0], ComponentCount.exactly(1)));
    }

    @Test
    void rejectsNegativeNaNAndUnnormalisedWeights() {
        double[] negative = W.clone();
        negative[4] = -0.1;
        rejects("weights must be finite and >= 0, got -0.1 at [4]",
                () -> MixtureRequest.of(POINTS, negative, ComponentCount.exactly(2)));
        double[] nan = W.clone();
        nan[17] = Double.NaN;
        rejects("weights must be finite and >= 0, got NaN at [17]",
                () -> MixtureRequest.of(POINTS, nan, ComponentCount.exactly(2)));
        double[] scaled = W.clone();
        for (int l = 0; l < scaled.length; l++) {
            scaled[l] *= 0.98;
        }
        double sum = 0;
        for (double v : scaled) {
            sum += v;
        }
        rejects("weights must sum to 1 within 1.0E-9, got " + sum + " (normalise them first)",
                () -> MixtureRequest.of(POINTS, scaled, ComponentCount.exactly(2)));
    }

    @Test
    void rejectsComponentCountsOutOfRange() {
        rejects("components must be >= 1, got 0", () -> ComponentCount.exactly(0));
        rejects("maxComponents must be >= 1, got 0", () -> ComponentCount.atMost(0));
        rejects("components must be <= the number of points 196, got 200", () -> request(ComponentCount.exactly(200)));
        rejects("maxComponents must be <= the number of points 196, got 197", () -> request(ComponentCount.atMost(197)));
        double[] sparse = new double[POINTS.length];
        sparse[1] = 0.5;
        sparse[9] = 0.25;
        sparse[90] = 0.25;
        rejects("components 5 exceeds the 3 points with positive weight",
                () -> MixtureRequest.of(POINTS, sparse, ComponentCount.exactly(5)));
    }

    @Test
    void rejectsInitialMeansThatDoNotFit() {
        rejects("initialMeans has 3 rows, components is 2", () -> request(ComponentCount.exactly(2))
                .withInitialMeans(new double[][] {{0, 0}, {1, 1}, {0.5, 0.5}}));
        rejects("initialMeans need an exact component count, got maxComponents 4", () -> request(ComponentCount.atMost(4))
                .withInitialMeans(new double[][] {{0, 0}}));
        rejects("initialMeans must be finite, got NaN at [1, 0]", () -> request(ComponentCount.exactly(2))
                .withInitialMeans(new double[][] {{0, 0}, {Double.NaN, 1}}));
        rejects("initialMeans[0] has 1 coordinates, expected 2", () -> request(ComponentCount.exactly(1))
                .withInitialMeans(new double[][] {{0}}));
        rejects("initialMeans fix the start, so restarts must be 1, got 3", () -> new MixtureRequest(POINTS, W,
                ComponentCount.exactly(1), 10, new double[][] {{0.5, 0.5}}, 1e-6, 1.0, 3, 0L));
    }

    @Test
    void rejectsSettingsOutOfRange() {
        MixtureRequest valid = request(ComponentCount.atMost(4));
        rejects("iterations must be >= 1, got 0", () -> valid.withIterations(0));
        rejects("covarianceFloor must be finite and >= 0, got -1.0", () -> valid.withCovarianceFloor(-1.0));
        rejects("covarianceFloor must be finite and >= 0, got Infinity",
                () -> valid.withCovarianceFloor(Double.POSITIVE_INFINITY));
        rejects("penalty must be finite and >= 0, got NaN", () -> valid.withPenalty(Double.NaN));
        rejects("restarts must be >= 1, got 0", () -> valid.withRestarts(0));
    }

    @Test
    void acceptsWeightsWithinTheToleranceAndIsAValue() {
        double[] nearly = W.clone();
        nearly[0] += 5e-10;
        MixtureRequest request = MixtureRequest.of(POINTS, nearly, ComponentCount.atMost(3));
        double[][] points = request.points();
        points[0][0] = 99;
        assertEquals(POINTS[0][0], request.points()[0][0], 0.0, "arrays are copied out");
        double[] weights = nearly.clone();
        MixtureRequest fromCopy = MixtureRequest.of(POINTS, weights, ComponentCount.atMost(3));
        weights[0] = 7;
        assertEquals(request, fromCopy, "arrays are copied in and compared by content");
        assertEquals(request.hashCode(), fromCopy.hashCode());
        assertNotSame(request.weights(), request.weights());
        assertEquals("MixtureRequest[196 points, AtMost[maxComponents=3], iterations=10, covarianceFloor=1.0E-6, "
                + "penalty=1.0, restarts=3, seed=0]", request.toString());
    }
}
