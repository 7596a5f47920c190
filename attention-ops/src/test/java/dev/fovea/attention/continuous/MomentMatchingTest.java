package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.ManagerExtension;
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
}
