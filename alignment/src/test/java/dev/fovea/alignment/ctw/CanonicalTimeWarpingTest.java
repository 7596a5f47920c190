package dev.fovea.alignment.ctw;

import static dev.fovea.alignment.frames.FrameFixtures.affine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.alignment.dtw.Dtw;
import dev.fovea.alignment.dtw.DtwResult;
import dev.fovea.alignment.dtw.WarpingPath;
import dev.fovea.alignment.synthetic.SpiralPair;
import dev.fovea.alignment.synthetic.SpiralSequences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalTimeWarpingTest {

    static final CtwOptions EXACT = new CtwOptions(20, 0.95, 0.0, 0.0);

    @Test
    void costMatrixDtwAgreesWithOneDimensionalDtw() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 30; trial++) {
            double[] x = new double[1 + random.nextInt(12)];
            double[] y = new double[1 + random.nextInt(12)];
            double[][] cx = new double[x.length][1];
            double[][] cy = new double[y.length][1];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextInt(4);
                cx[i][0] = x[i];
            }
            for (int j = 0; j < y.length; j++) {
                y[j] = random.nextInt(4);
                cy[j][0] = y[j];
            }
            DtwResult expected = Dtw.align(x, y);
            DtwResult actual = CostMatrixDtw.align(cx, cy);
            assertEquals(expected.cost(), actual.cost(), 0.0);
            assertEquals(expected.path(), actual.path(), "same tie-breaking on integer data with many ties");
        }
    }

    @Test
    void invariantToInvertibleAffineMapsOfEitherInput() {
        for (long seed = 0; seed < 5; seed++) {
            SpiralPair pair = SpiralSequences.generate(seed);
            CtwResult reference = CanonicalTimeWarping.align(pair.x(), pair.y(), EXACT);
            double[][] a = {{2, 0.5, -1}, {0.3, -1.5, 0}, {1, 0, 0.7}};
            double[][] b = {{0, 1, 0}, {3, 0, 0}, {0.2, 0.1, -4}};
            CtwResult mappedX = CanonicalTimeWarping.align(affine(pair.x(), a, new double[] {10, -3, 2}), pair.y(),
                    EXACT);
            CtwResult mappedY = CanonicalTimeWarping.align(pair.x(), affine(pair.y(), b, new double[] {-1, 0, 5}),
                    EXACT);
            assertEquals(reference.path(), mappedX.path(), "seed " + seed);
            assertEquals(reference.path(), mappedY.path(), "seed " + seed);
            assertEquals(reference.cost(), mappedX.cost(), 1e-6 * reference.cost());
            // An affine map into more dimensions (an embedding) does not change the alignment either.
            double[][] up = {{1, 0, 2, 1}, {0, 1, 1, -1}, {1, 1, 0, 3}};
            assertEquals(reference.path(), CanonicalTimeWarping.align(pair.x(),
                    affine(pair.y(), up, new double[4]), new CtwOptions(20, 0.95, 1e-12, 0.0)).path());
        }
    }

    @Test
    void theHomogeneousCoordinateAbsorbsATranslationEvenWithARidge() {
        // The ridge spares the constant coordinate, so a translation of either input changes only the offset row of
        // V-hat: the same path, the same objective per iteration, the same dimension, with r = 0.01 (where CCA is not
        // invariant to linear maps).
        CtwOptions ridged = new CtwOptions(20, 0.95, 0.01, 0.0);
        for (long seed = 0; seed < 5; seed++) {
            SpiralPair pair = SpiralSequences.generate(seed);
            double[] b = {250, -1000, 40};
            CtwResult reference = CanonicalTimeWarping.align(pair.x(), pair.y(), ridged);
            CtwResult moved = CanonicalTimeWarping.align(
                    affine(pair.x(), new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, b), pair.y(), ridged);
            assertEquals(reference.path(), moved.path(), "seed " + seed);
            assertEquals(reference.iterations(), moved.iterations());
            for (int k = 0; k < reference.iterations(); k++) {
                assertEquals(reference.objective()[k], moved.objective()[k], 1e-9 * reference.objective()[k]);
            }
            int components = reference.cca().components();
            assertEquals(components, moved.cca().components());
            double[][] v = reference.cca().homogeneousProjection(0);
            double[][] w = moved.cca().homogeneousProjection(0);
            assertEquals(pair.x()[0].length + 1, v.length, "V-hat_x is (d_x + 1) x k");
            assertEquals(pair.y()[0].length + 1, reference.cca().homogeneousProjection(1).length);
            for (int c = 0; c < components; c++) {
                double sign = Math.signum(v[0][c] * w[0][c]);
                double shift = 0;
                for (int a = 0; a < 3; a++) {
                    assertEquals(v[a][c], sign * w[a][c], 1e-9 * Math.abs(v[a][c]) + 1e-12);
                    shift -= b[a] * v[a][c];
                }
                assertEquals(v[3][c] + shift, sign * w[3][c], 1e-9 * Math.abs(shift), "offset moves by -b^T V");
            }
            // J recomputed in homogeneous coordinates along the path: sum of |V_x^T (x, 1) - V_y^T (y, 1)|^2.
            double[][] vy = moved.cca().homogeneousProjection(1);
            double[][] x = affine(pair.x(), new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, b);
            WarpingPath path = moved.path();
            double sum = 0;
            for (int k = 0; k < path.length(); k++) {
                for (int c = 0; c < components; c++) {
                    double diff = w[3][c] - vy[3][c];
                    for (int a = 0; a < 3; a++) {
                        diff += x[path.row(k)][a] * w[a][c] - pair.y()[path.column(k)][a] * vy[a][c];
                    }
                    sum += diff * diff;
                }
            }
            assertEquals(moved.cost(), sum, 1e-6 * sum);
        }
    }

    @Test
    void iteratesBeyondTheFirstStepAndMaxIterationsMatters() {
        // tslearn's CTW compares the path with itself and always stops after one iteration; here later iterations
        // must move the path on a case where the first CCA, fitted on the uniform warp, is poor.
        int moved = 0;
        for (long seed = 0; seed < 10; seed++) {
            SpiralPair pair = SpiralSequences.generate(seed);
            CtwResult one = CanonicalTimeWarping.align(pair.x(), pair.y(), new CtwOptions(1, 0.95, 1e-6, 0.0));
            CtwResult many = CanonicalTimeWarping.align(pair.x(), pair.y(), CtwOptions.defaults());
            assertEquals(1, one.iterations());
            assertEquals(CtwResult.Stop.MAX_ITERATIONS, one.stop());
            assertEquals(one.objective()[0], many.objective()[0], 0.0, "the first iteration is shared");
            if (!one.path().equals(many.path())) {
                moved++;
                assertTrue(many.iterations() > 1);
                assertTrue(many.cost() < one.cost());
            }
        }
        assertTrue(moved >= 5, "more iterations changed the path on " + moved + " of 10 seeds");
    }

    @Test
    void objectiveDoesNotIncreaseAndTheCostIsItsLastValue() {
        for (long seed = 0; seed < 10; seed++) {
            SpiralPair pair = SpiralSequences.generate(seed);
            CtwResult result = CanonicalTimeWarping.align(pair.x(), pair.y(), CtwOptions.defaults());
            double[] j = result.objective();
            assertEquals(result.iterations(), j.length);
            for (int k = 1; k < j.length; k++) {
                assertTrue(j[k] <= j[k - 1], "seed " + seed + ": J rose from " + j[k - 1] + " to " + j[k]);
            }
            assertEquals(j[j.length - 1], result.cost(), 0.0);
            // Independent route: J recomputed from the returned projections along the returned path.
            double[][] px = result.cca().project(0, pair.x());
            double[][] py = result.cca().project(1, pair.y());
            WarpingPath path = result.path();
            double sum = 0;
            for (int k = 0; k < path.length(); k++) {
                for (int c = 0; c < px[0].length; c++) {
                    double diff = px[path.row(k)][c] - py[path.column(k)][c];
                    sum += diff * diff;
                }
            }
            assertEquals(sum, result.cost(), 1e-9 * sum);
        }
    }

    @Test
    void uniformTimeWarpingIsTheStraightLine() {
        WarpingPath path = CanonicalTimeWarping.uniformTimeWarping(3, 5);
        assertEquals(new WarpingPath(new int[] {0, 1, 1, 2, 2}, new int[] {0, 1, 2, 3, 4}), path);
        assertEquals(1, CanonicalTimeWarping.uniformTimeWarping(1, 1).length());
    }

    @Test
    void pathDeviationMeasuresHorizontalDistance() {
        WarpingPath diagonal = new WarpingPath(new int[] {0, 1, 2}, new int[] {0, 1, 2});
        WarpingPath bent = new WarpingPath(new int[] {0, 1, 1, 2}, new int[] {0, 0, 1, 2});
        // Row 1 of the bent path covers columns 0 and 1, mean 0.5: deviation (0 + 0.5 + 0) / 3.
        assertEquals(0.5 / 3, PathDeviation.between(bent, diagonal), 1e-15);
        assertEquals(0.0, PathDeviation.between(diagonal, diagonal), 0.0);
    }

    @Test
    void rejectsBadInput() {
        assertEquals("maxIterations must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new CtwOptions(0, 0.9, 0, 0)).getMessage());
        assertEquals("energy must be in (0, 1], got 0.0", assertThrows(IllegalArgumentException.class,
                () -> new CtwOptions(1, 0, 0, 0)).getMessage());
        assertEquals("regularization must be finite and >= 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> new CtwOptions(1, 0.5, Double.NaN, 0)).getMessage());
        assertEquals("y must be finite, got Infinity at [0, 1]", assertThrows(IllegalArgumentException.class,
                () -> CanonicalTimeWarping.align(new double[][] {{1}, {2}},
                        new double[][] {{1, Double.POSITIVE_INFINITY}}, CtwOptions.defaults())).getMessage());
        assertNotEquals(null, CanonicalTimeWarping.align(new double[][] {{1}, {2}, {4}}, new double[][] {{1, 0}, {3, 1}},
                CtwOptions.defaults()));
    }
}
