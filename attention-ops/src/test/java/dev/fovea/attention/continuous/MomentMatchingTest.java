package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MomentMatchingTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    @Test
    void aOneHotCellGivesItsCentreAndTheWithinCellVariance() {
        int grid = 8;
        double[] p = new double[grid * grid];
        p[2 * grid + 5] = 1.0; // row 2 (y), column 5 (x)
        MomentMatching.Moments m = MomentMatching.fromGrid(managers.manager().create(p, new Shape(1, 64)), grid);
        assertArrayEquals(new double[] {5.5 / 8, 2.5 / 8}, m.mean().toDoubleArray(), 1e-15);
        double v = 1.0 / (12 * 64);
        assertArrayEquals(new double[] {v, 0, 0, v}, m.covariance().toDoubleArray(), 1e-17);
    }

    @Test
    void uniformCellsGiveTheUniformDistributionOnTheSquare() {
        // Spreading equal masses uniformly over every cell is the uniform density on [0,1]²: mean 1/2, variance 1/12.
        for (int grid : new int[] {1, 3, 8}) {
            int cells = grid * grid;
            double[] p = new double[cells];
            java.util.Arrays.fill(p, 1.0 / cells);
            MomentMatching.Moments m = MomentMatching.fromGrid(managers.manager().create(p, new Shape(1, cells)), grid);
            assertArrayEquals(new double[] {0.5, 0.5}, m.mean().toDoubleArray(), 1e-15, "grid " + grid);
            assertArrayEquals(new double[] {1.0 / 12, 0, 0, 1.0 / 12}, m.covariance().toDoubleArray(), 1e-15,
                    "grid " + grid);
        }
    }

    @Test
    void matchesMomentsComputedInDouble() {
        int grid = 5;
        UnitSquareGrid cells = UnitSquareGrid.of(grid);
        SplittableRandom random = new SplittableRandom(9);
        double[][] p = new double[3][cells.cellCount()];
        for (double[] row : p) {
            double total = 0;
            for (int l = 0; l < row.length; l++) {
                row[l] = Math.pow(random.nextDouble(), 4);
                total += row[l];
            }
            for (int l = 0; l < row.length; l++) {
                row[l] /= total;
            }
        }
        double floor = 0.002;
        MomentMatching.Moments m = MomentMatching.fromGrid(managers.manager().create(p), grid, floor);
        double[] mean = m.mean().toDoubleArray();
        double[] covariance = m.covariance().toDoubleArray();
        double[][] t = cells.centres();
        for (int b = 0; b < p.length; b++) {
            double mx = 0;
            double my = 0;
            for (int l = 0; l < t.length; l++) {
                mx += p[b][l] * t[l][0];
                my += p[b][l] * t[l][1];
            }
            double sxx = floor;
            double sxy = 0;
            double syy = floor;
            for (int l = 0; l < t.length; l++) {
                sxx += p[b][l] * (t[l][0] - mx) * (t[l][0] - mx);
                sxy += p[b][l] * (t[l][0] - mx) * (t[l][1] - my);
                syy += p[b][l] * (t[l][1] - my) * (t[l][1] - my);
            }
            assertArrayEquals(new double[] {mx, my}, new double[] {mean[2 * b], mean[2 * b + 1]}, 1e-15);
            assertArrayEquals(new double[] {sxx, sxy, sxy, syy},
                    java.util.Arrays.copyOfRange(covariance, 4 * b, 4 * b + 4), 1e-15);
        }
    }

    @Test
    void rejectsShapesThatDoNotFitTheGrid() {
        NDArray p = managers.manager().zeros(new Shape(2, 63), DataType.FLOAT32);
        assertEquals("probabilities must have shape (*, 64) for a 8×8 grid, got (2, 63)",
                assertThrows(IllegalArgumentException.class, () -> MomentMatching.fromGrid(p, 8)).getMessage());
        assertEquals("covarianceFloor must be finite and >= 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> MomentMatching.fromGrid(managers.manager().zeros(new Shape(2, 64)), 8, Double.NaN)).getMessage());
    }

    @Test
    void sequenceMomentsOfOneHotAndUniformPositions() {
        int length = 10;
        double[] p = new double[length];
        p[3] = 1.0;
        MomentMatching.Moments1 oneHot = MomentMatching.fromSequence(managers.manager().create(p, new Shape(1, length)));
        assertArrayEquals(new double[] {3.5 / 10}, oneHot.mean().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {1.0 / (12 * 100)}, oneHot.variance().toDoubleArray(), 1e-17);
        java.util.Arrays.fill(p, 0.1);
        MomentMatching.Moments1 uniform = MomentMatching.fromSequence(managers.manager().create(p, new Shape(1, length)));
        // Equal masses spread over every cell: the uniform density on [0, 1], mean 1/2, variance 1/12.
        assertArrayEquals(new double[] {0.5}, uniform.mean().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {1.0 / 12}, uniform.variance().toDoubleArray(), 1e-15);
    }

    @Test
    void sequenceMomentsMatchADoubleComputation() {
        SplittableRandom random = new SplittableRandom(12);
        int length = 7;
        double[][] p = new double[3][length];
        for (double[] row : p) {
            double total = 0;
            for (int l = 0; l < length; l++) {
                row[l] = random.nextDouble();
                total += row[l];
            }
            for (int l = 0; l < length; l++) {
                row[l] /= total;
            }
        }
        MomentMatching.Moments1 m = MomentMatching.fromSequence(managers.manager().create(p), 0.003);
        double[] t = UnitIntervalGrid.of(length).centres();
        for (int b = 0; b < p.length; b++) {
            double mean = 0;
            for (int l = 0; l < length; l++) {
                mean += p[b][l] * t[l];
            }
            double variance = 0.003;
            for (int l = 0; l < length; l++) {
                variance += p[b][l] * (t[l] - mean) * (t[l] - mean);
            }
            assertEquals(mean, m.mean().toDoubleArray()[b], 1e-15);
            assertEquals(variance, m.variance().toDoubleArray()[b], 1e-15);
        }
        assertEquals("varianceFloor must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> MomentMatching.fromSequence(managers.manager().create(p), -1.0)).getMessage());
        assertEquals("probabilities must have shape (B, L) with L >= 1, got (7)", assertThrows(
                IllegalArgumentException.class, () -> MomentMatching.fromSequence(managers.manager().create(p[0])))
                .getMessage());
    }

    @Test
    void sparsemaxScalesGiveDensitiesWithTheMatchedMoments() {
        // The scale heads must agree with the double closed forms, whose covariance the contract tests check by
        // quadrature: the truncated parabola/paraboloid then has exactly the discrete distribution's moments.
        double[] variances = {1e-4, 0.01, 0.08};
        double[] scales = MomentMatching.parabolaScale(managers.manager().create(variances)).toDoubleArray();
        for (int b = 0; b < variances.length; b++) {
            assertEquals(variances[b], TruncatedParabola.of(0.5, scales[b]).variance(), 1e-15 * variances[b] * 10);
        }
        double[] covariances = {0.02, 0.006, 0.006, 0.01, 0.001, -0.0004, -0.0004, 0.003};
        double[] sigma = MomentMatching.paraboloidScale(managers.manager().create(covariances, new Shape(2, 2, 2)))
                .toDoubleArray();
        for (int b = 0; b < 2; b++) {
            SymmetricMatrix2 scale = SymmetricMatrix2.of(sigma[4 * b], sigma[4 * b + 1], sigma[4 * b + 3]);
            SymmetricMatrix2 back = TruncatedParaboloid.of(0.5, 0.5, scale).covariance();
            assertArrayEquals(new double[] {covariances[4 * b], covariances[4 * b + 1], covariances[4 * b + 3]},
                    new double[] {back.xx(), back.xy(), back.yy()}, 1e-15);
        }
    }
}
