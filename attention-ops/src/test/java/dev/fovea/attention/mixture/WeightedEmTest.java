package dev.fovea.attention.mixture;

import static dev.fovea.attention.mixture.AttentionMaps.POINTS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.attention.RelativeError;
import dev.fovea.attention.continuous.UnitSquareGrid;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedEmTest {

    /** Rounding allowance for comparing two log-likelihoods of order 1 summed over 196 points. */
    private static final double ROUNDING = 1e-12;

    private static GaussianMixture2 start(double[] w, int k, long seed) {
        return MixtureInitialisation.kMeansPlusPlus(POINTS, w, k, 0.0, new SplittableRandom(seed));
    }

    @Test
    void logLikelihoodNeverDecreasesWithoutFloor() {
        int checked = 0;
        for (double[] w : AttentionMaps.all()) {
            for (int k = 2; k <= 4; k++) {
                for (long seed = 0; seed < 3; seed++) {
                    GaussianMixture2 theta = start(w, k, seed);
                    double previous = theta.logLikelihood(POINTS, w);
                    for (int t = 1; t <= 40; t++) {
                        theta = WeightedEm.step(POINTS, w, theta, 0.0);
                        double current = theta.logLikelihood(POINTS, w);
                        assertTrue(current >= previous - ROUNDING,
                                "K=" + k + " seed " + seed + " step " + t + ": " + previous + " -> " + current);
                        previous = current;
                        checked++;
                    }
                }
            }
        }
        assertEquals(6 * 3 * 3 * 40, checked);
    }

    @Test
    void flooredStepIsTheExactStepPlusTheFloorAndLosesAtMostTheBound() {
        for (double floor : new double[] {1e-6, 1e-4}) {
            for (double[] w : AttentionMaps.all()) {
                GaussianMixture2 theta = start(w, 3, 7);
                for (int t = 1; t <= 30; t++) {
                    GaussianMixture2 exact = WeightedEm.step(POINTS, w, theta, 0.0);
                    GaussianMixture2 floored = WeightedEm.step(POINTS, w, theta, floor);
                    double[] e = AttentionMaps.parameters(exact);
                    double[] f = AttentionMaps.parameters(floored);
                    for (int i = 0; i < e.length; i++) {
                        int entry = i % 6;
                        double expected = entry == 3 || entry == 5 ? e[i] + floor : e[i];
                        assertEquals(expected, f[i], 0.0, "floor " + floor + " step " + t + " entry " + i);
                    }
                    double before = theta.logLikelihood(POINTS, w);
                    double after = floored.logLikelihood(POINTS, w);
                    double bound = floorLoss(exact, floor);
                    assertTrue(after >= before - bound - ROUNDING,
                            "floor " + floor + " step " + t + ": " + before + " -> " + after + ", bound " + bound);
                    theta = floored;
                }
            }
        }
    }

    /** \( \Delta = \sum_k \frac{N_k}{2} \sum_i [\log(1 + \varepsilon/s_{ki}) - \varepsilon/(s_{ki} + \varepsilon)] \), \( W = 1 \). */
    private static double floorLoss(GaussianMixture2 exact, double floor) {
        double loss = 0;
        for (MixtureComponent c : exact.components()) {
            SymmetricMatrix2 s = c.density().covariance();
            double half = 0.5 * (s.xx() + s.yy());
            double radius = Math.hypot(0.5 * (s.xx() - s.yy()), s.xy());
            for (double eigenvalue : new double[] {half + radius, half - radius}) {
                loss += 0.5 * c.weight() * (Math.log1p(floor / eigenvalue) - floor / (eigenvalue + floor));
            }
        }
        return loss;
    }

    @Test
    void floorLowersTheLikelihoodOneStepFromTheUnflooredOptimum() {
        double[] w = AttentionMaps.weights(AttentionMaps.BIMODAL);
        GaussianMixture2 optimum = WeightedEm.run(POINTS, w, start(w, 2, 3), 500, 0.0);
        double best = optimum.logLikelihood(POINTS, w);
        double stay = WeightedEm.step(POINTS, w, optimum, 0.0).logLikelihood(POINTS, w);
        assertEquals(best, stay, ROUNDING, "500 unfloored steps reach a fixed point");
        double floor = 1e-4;
        double after = WeightedEm.step(POINTS, w, optimum, floor).logLikelihood(POINTS, w);
        double bound = floorLoss(WeightedEm.step(POINTS, w, optimum, 0.0), floor);
        assertTrue(after < best - 1e-6, "the floored step lowers the likelihood: " + best + " -> " + after);
        assertTrue(after >= best - bound - ROUNDING, "by at most the bound " + bound + ": " + (best - after));
    }

    @Test
    void iterationsCountWholeStepsExactly() {
        double[] w = AttentionMaps.weights(AttentionMaps.TRIMODAL);
        GaussianMixture2 initial = start(w, 3, 11);
        assertEquals(initial, WeightedEm.run(POINTS, w, initial, 0, 1e-6));
        GaussianMixture2 stepped = initial;
        for (int n = 1; n <= 6; n++) {
            stepped = WeightedEm.step(POINTS, w, stepped, 1e-6);
            assertEquals(stepped, WeightedEm.run(POINTS, w, initial, n, 1e-6), "n = " + n);
        }
    }

    @Test
    void weightsNeedNotSumToOne() {
        double[] w = AttentionMaps.weights(AttentionMaps.TRIMODAL);
        double[] scaled = w.clone();
        for (int l = 0; l < scaled.length; l++) {
            scaled[l] *= 8;
        }
        GaussianMixture2 initial = start(w, 3, 5);
        double error = RelativeError.normwise(AttentionMaps.parameters(WeightedEm.run(POINTS, scaled, initial, 8, 1e-6)),
                AttentionMaps.parameters(WeightedEm.run(POINTS, w, initial, 8, 1e-6)));
        assertTrue(error <= 1e-13, "EM is invariant to the scale of the weights: " + error);
    }

    @Test
    void componentFarFromTheWeightedPointsEmptiesAndKeepsItsParameters() {
        double[] w = AttentionMaps.weights(AttentionMaps.BIMODAL);
        GaussianMixture2 initial = MixtureInitialisation.fromMeans(new double[][] {{0.3, 0.3}, {0.7, 0.7}, {40, 40}});
        GaussianMixture2 fitted = WeightedEm.run(POINTS, w, initial, 5, 1e-6);
        MixtureComponent far = fitted.component(2);
        assertEquals(0.0, far.weight());
        assertEquals(initial.component(2).density(), far.density());
        assertEquals(1.0, fitted.component(0).weight() + fitted.component(1).weight(), 1e-14);
        assertTrue(Double.isFinite(fitted.logLikelihood(POINTS, w)));
    }

    @Test
    void withoutFloorCollinearPointsMakeTheCovarianceSingular() {
        UnitSquareGrid grid = UnitSquareGrid.of(AttentionMaps.SIDE);
        double[] w = new double[POINTS.length];
        for (int col = 0; col < AttentionMaps.SIDE; col++) {
            w[grid.index(5, col)] = 1.0 / AttentionMaps.SIDE;
        }
        GaussianMixture2 initial = MixtureInitialisation.fromMeans(new double[][] {{0.5, 0.4}});
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> WeightedEm.run(POINTS, w, initial, 3, 0.0));
        assertTrue(e.getMessage().startsWith("covariance of component 0 is numerically singular after EM iteration 1"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("use a covarianceFloor > 0"), e.getMessage());
        GaussianMixture2 floored = WeightedEm.run(POINTS, w, initial, 3, 1e-6);
        assertEquals(1e-6, floored.component(0).density().covariance().yy(), 1e-21);
    }

    @Test
    void batchedRunEqualsOneRunPerMap() {
        List<double[]> maps = AttentionMaps.all();
        double[][] weights = maps.toArray(new double[0][]);
        GaussianMixture2[] starts = new GaussianMixture2[weights.length];
        for (int b = 0; b < starts.length; b++) {
            starts[b] = start(weights[b], 1 + b % 4, b);
        }
        GaussianMixture2[] batched = WeightedEm.run(POINTS, weights, starts, 6, 1e-6);
        for (int b = 0; b < starts.length; b++) {
            assertEquals(WeightedEm.run(POINTS, weights[b], starts[b], 6, 1e-6), batched[b], "map " + b);
        }
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        double[] w = AttentionMaps.weights(AttentionMaps.BIMODAL);
        GaussianMixture2 initial = start(w, 2, 0);
        assertEquals("weights has 195 entries, points has 196", assertThrows(IllegalArgumentException.class,
                () -> WeightedEm.run(POINTS, java.util.Arrays.copyOf(w, 195), initial, 1, 0.0)).getMessage());
        double[] negative = w.clone();
        negative[4] = -0.1;
        assertEquals("weights must be finite and >= 0, got -0.1 at [4]", assertThrows(IllegalArgumentException.class,
                () -> WeightedEm.run(POINTS, negative, initial, 1, 0.0)).getMessage());
        assertEquals("weights must have a positive finite sum, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> WeightedEm.run(POINTS, new double[POINTS.length], initial, 1, 0.0)).getMessage());
        assertEquals("iterations must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> WeightedEm.run(POINTS, w, initial, -1, 0.0)).getMessage());
        assertEquals("covarianceFloor must be finite and >= 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> WeightedEm.run(POINTS, w, initial, 1, Double.NaN)).getMessage());
        double[][] nanPoint = POINTS.clone();
        nanPoint[3] = new double[] {Double.NaN, 0.5};
        assertEquals("points must be finite, got [NaN, 0.5] at [3]", assertThrows(IllegalArgumentException.class,
                () -> WeightedEm.run(nanPoint, w, initial, 1, 0.0)).getMessage());
        double[][] batch = {w, negative};
        assertEquals("weights[1] must be finite and >= 0, got -0.1 at [4]", assertThrows(IllegalArgumentException.class,
                () -> WeightedEm.run(POINTS, batch, new GaussianMixture2[] {initial, initial}, 1, 0.0)).getMessage());
        assertEquals("weights has 2 rows, initial 1", assertThrows(IllegalArgumentException.class,
                () -> WeightedEm.run(POINTS, batch, new GaussianMixture2[] {initial}, 1, 0.0)).getMessage());
    }
}
