package dev.fovea.attention.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.ManagerExtension;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The grid generators: the attention window crops, TPS interpolates and is the identity, homographies by hand. */
class GridGeneratorTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    static double[] flat3(double[][][] a) {
        return Arrays4.flat(new double[][][][] {a});
    }

    @Test
    void theAttentionWindowCropsTheCentre() {
        // s = 1/2, t = 0, corners not aligned, 2×2 output of a 4×4 input: targets ±1/2 ↦ ±1/4 ↦ pixel
        // ((±1/4 + 1) · 4 − 1)/2 = 1 and 2: exactly the central 2×2 crop.
        double[][][][] input = {{{{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}, {12, 13, 14, 15}}}};
        double[][][][] grid = AffineGrid.generate(new double[][][] {ScaleTranslation.theta(0.5, 0, 0)}, 2, 2, false);
        double[][][][] crop = GridSample.forward(input, grid, SamplingMode.BILINEAR, Padding.ZEROS, false);
        assertArrayEquals(new double[] {5, 6, 9, 10}, Arrays4.flat(crop), 1e-15);
        // Moved right by one pixel (2/W = 0.5 in normalised units): columns 2 and 3.
        grid = AffineGrid.generate(new double[][][] {ScaleTranslation.theta(0.5, 0.5, 0)}, 2, 2, false);
        crop = GridSample.forward(input, grid, SamplingMode.BILINEAR, Padding.ZEROS, false);
        assertArrayEquals(new double[] {6, 7, 10, 11}, Arrays4.flat(crop), 1e-15);
    }

    @Test
    void theScaleTranslationArrayGridIsTheAffineGridOfItsTheta() {
        NDArray parameters = managers.manager().create(new double[] {0.5, 0.1, -0.3, 2, 0, 0.25}, new Shape(2, 3));
        NDArray grid = new ScaleTranslation().grid(parameters, 3, 5, true);
        double[][][] theta = {ScaleTranslation.theta(0.5, 0.1, -0.3), ScaleTranslation.theta(2, 0, 0.25)};
        assertArrayEquals(Arrays4.flat(AffineGrid.generate(theta, 3, 5, true)), grid.toDoubleArray(), 1e-15);
    }

    @Test
    void thinPlateSplineWithSourceEqualToDestinationIsTheIdentityGrid() {
        double[][] irregular = {{-0.9, -0.8}, {0.7, -0.6}, {0.1, 0.2}, {-0.5, 0.9}, {0.8, 0.7}};
        for (ThinPlateSpline spline : new ThinPlateSpline[] {ThinPlateSpline.lattice(3),
                ThinPlateSpline.of(irregular)}) {
            for (boolean alignCorners : new boolean[] {true, false}) {
                double[][][] grid = spline.grid(spline.controlPoints(), 4, 6, alignCorners);
                double[][][][] identity = AffineGrid.generate(new double[][][] {{{1, 0, 0}, {0, 1, 0}}}, 4, 6,
                        alignCorners);
                assertArrayEquals(Arrays4.flat(identity), flat3(grid), 1e-12);
                NDArray parameters = managers.manager().create(spline.identity(),
                        new Shape(1, spline.parameterCount()));
                assertArrayEquals(Arrays4.flat(identity),
                        spline.grid(parameters, 4, 6, alignCorners).toDoubleArray(), 1e-12);
            }
        }
    }

    @Test
    void thinPlateSplineInterpolatesTheSourcePoints() {
        ThinPlateSpline spline = ThinPlateSpline.lattice(3);
        SplittableRandom random = new SplittableRandom(5);
        double[][] source = new double[9][2];
        for (double[] p : source) {
            p[0] = random.nextDouble(-1, 1);
            p[1] = random.nextDouble(-1, 1);
        }
        double[][] controls = spline.controlPoints();
        for (int k = 0; k < 9; k++) {
            assertArrayEquals(source[k], spline.map(source, controls[k][0], controls[k][1]), 1e-12, "point " + k);
        }
        // The array route is the same linear map.
        double[] flat = new double[18];
        for (int k = 0; k < 9; k++) {
            flat[2 * k] = source[k][0];
            flat[2 * k + 1] = source[k][1];
        }
        NDArray grid = spline.grid(managers.manager().create(flat, new Shape(1, 18)), 3, 4, false);
        assertArrayEquals(flat3(spline.grid(source, 3, 4, false)), grid.toDoubleArray(), 1e-12);
    }

    @Test
    void homographiesByHand() {
        // H = [[1, 0, 0], [0, 1, 0], [0.5, 0, 1]], aligned 2×2 target (1, −1): w = 1.5, (1/1.5, −1/1.5).
        double[][] h = {{1, 0, 0}, {0, 1, 0}, {0.5, 0, 1}};
        double[][][] grid = Homography.grid(h, 2, 2, true);
        assertArrayEquals(new double[] {2.0 / 3, -2.0 / 3}, grid[0][1], 1e-15);
        // (−1, 1): w = 0.5, (−2, 2).
        assertArrayEquals(new double[] {-2, 2}, grid[1][0], 1e-15);
        NDArray array = new Homography().grid(
                managers.manager().create(new double[] {1, 0, 0, 0, 1, 0, 0.5, 0}, new Shape(1, 8)), 2, 2, true);
        assertArrayEquals(flat3(grid), array.toDoubleArray(), 1e-15);
        // An affine H is the affine grid.
        double[][] affine = {{0.5, 0.2, 0.1}, {-0.3, 1.5, 0}, {0, 0, 1}};
        assertArrayEquals(Arrays4.flat(AffineGrid.generate(new double[][][] {{affine[0], affine[1]}}, 3, 4, false)),
                flat3(Homography.grid(affine, 3, 4, false)), 1e-15);
    }

    @Test
    void badArgumentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThinPlateSpline.of(new double[][] {{0, 0}, {0.5, 0.5}, {1, 1}}));
        assertEquals("controlPoints give a singular spline system: points repeat or all lie on one line",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Homography.grid(new double[][] {{1, 0, 0}, {0, 1, 0}, {1, 0, 0.5}}, 2, 2, true));
        assertEquals("matrix sends target point (-1.0, -1.0) to or beyond infinity: denominator -0.5",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ScaleTranslation()
                .grid(managers.manager().zeros(new Shape(2, 4)), 2, 2, true));
        assertEquals("parameters must have shape [N, 3] and a floating-point type, got float32 (2, 4)",
                e.getMessage());
    }
}
