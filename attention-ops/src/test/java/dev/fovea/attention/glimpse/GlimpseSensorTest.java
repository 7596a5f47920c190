package dev.fovea.attention.glimpse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.fovea.attention.ManagerExtension;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The glimpse sensor: crops by hand, zeros outside, non-square images, the array route and its gradient. */
class GlimpseSensorTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    /** One channel, value 100·row + column: every pixel says where it is. */
    static double[][][] positions(int height, int width) {
        double[][][] image = new double[1][height][width];
        for (int r = 0; r < height; r++) {
            for (int q = 0; q < width; q++) {
                image[0][r][q] = 100 * r + q;
            }
        }
        return image;
    }

    @Test
    void theFirstPatchAtTheCentreIsTheCentralCropAndTheSecondItsPooledSurrounding() {
        // 6×8, l = 0: centre (4, 3) in pixels. g = 2: columns 3–4, rows 2–3. The second patch, side 4, columns 2–5,
        // rows 1–4, pooled in 2×2 blocks: block (a, b) has mean row 1.5 + 2a, mean column 2.5 + 2b.
        double[][][][] glimpse = new GlimpseSensor(2, 2, 2).glimpse(positions(6, 8), 0, 0);
        assertArrayEquals(new double[] {203, 204}, glimpse[0][0][0]);
        assertArrayEquals(new double[] {303, 304}, glimpse[0][0][1]);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                assertEquals(100 * (1.5 + 2 * a) + 2.5 + 2 * b, glimpse[1][0][a][b], 1e-12);
            }
        }
    }

    @Test
    void outsideTheImageIsZeros() {
        // l = (−1, −1): centre (0, 0); g = 4 starts at column and row −2: the top-left 2×2 of the patch is outside.
        double[][][][] glimpse = new GlimpseSensor(1, 4, 2).glimpse(positions(6, 8), -1, -1);
        assertArrayEquals(new double[] {0, 0, 0, 0}, glimpse[0][0][0]);
        assertArrayEquals(new double[] {0, 0, 0, 0}, glimpse[0][0][1]);
        assertArrayEquals(new double[] {0, 0, 0, 1}, glimpse[0][0][2]);
        assertArrayEquals(new double[] {0, 0, 100, 101}, glimpse[0][0][3]);
        // Pooling averages over the whole block, zeros included: l = (1, 1), centre (8, 6); patch 1 (side 4) covers
        // rows 4–7, columns 6–9; its block (0, 0) holds pixels (4, 6), (4, 7), (5, 6), (5, 7), all inside; block
        // (1, 1) rows 6–7, columns 8–9, all outside; block (0, 1) rows 4–5, columns 8–9: outside.
        double[][][][] corner = new GlimpseSensor(2, 2, 2).glimpse(positions(6, 8), 1, 1);
        assertEquals((406 + 407 + 506 + 507) / 4.0, corner[1][0][0][0], 1e-12);
        assertEquals(0.0, corner[1][0][0][1]);
        assertEquals(0.0, corner[1][0][1][1]);
    }

    @Test
    void nonSquareImagesMapXWithTheWidthAndYWithTheHeight() {
        // 4×12, l = (0.5, −0.5): c_x = 0.75 · 12 = 9, c_y = 0.25 · 4 = 1; g = 2: columns 8–9, rows 0–1.
        // (Scaling x by the height would give c_x = 3, columns 2–3.)
        double[][][][] glimpse = new GlimpseSensor(1, 2, 2).glimpse(positions(4, 12), 0.5, -0.5);
        assertArrayEquals(new double[] {8, 9}, glimpse[0][0][0]);
        assertArrayEquals(new double[] {108, 109}, glimpse[0][0][1]);
        // 12×4 transposed: l = (−0.5, 0.5): c_x = 0.25 · 4 = 1, c_y = 0.75 · 12 = 9: columns 0–1, rows 8–9.
        glimpse = new GlimpseSensor(1, 2, 2).glimpse(positions(12, 4), -0.5, 0.5);
        assertArrayEquals(new double[] {800, 801}, glimpse[0][0][0]);
        assertArrayEquals(new double[] {900, 901}, glimpse[0][0][1]);
    }

    @Test
    void theArrayRouteAgreesWithTheKernelAndIsDifferentiableInTheImage() {
        GlimpseSensor sensor = new GlimpseSensor(3, 2, 2);
        SplittableRandom random = new SplittableRandom(7);
        int channels = 2;
        int height = 5;
        int width = 7;
        double[][] locations = {{0.1, -0.3}, {-1, 1}};
        double[] flat = new double[2 * channels * height * width];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = random.nextDouble(-1, 1);
        }
        NDArray images = managers.manager().create(flat, new Shape(2, channels, height, width));
        NDArray where = managers.manager().create(new double[] {0.1, -0.3, -1, 1}, new Shape(2, 2));
        double[] upstream = new double[2 * 3 * channels * 2 * 2];
        for (int i = 0; i < upstream.length; i++) {
            upstream[i] = random.nextDouble(-1, 1);
        }
        images.setRequiresGradient(true);
        NDArray glimpses;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            glimpses = new Retina(sensor).forward(new ParameterStore(managers.manager(), false),
                    new NDList(images, where), true).singletonOrThrow();
            collector.backward(glimpses.mul(managers.manager().create(upstream, glimpses.getShape())).sum());
        }
        assertEquals(new Shape(2, 3, channels, 2, 2), glimpses.getShape());
        double[] kernel = new double[upstream.length];
        int k = 0;
        for (int n = 0; n < 2; n++) {
            for (double[][][] patch : sensor.glimpse(image(flat, n, channels, height, width), locations[n][0],
                    locations[n][1])) {
                for (double[][] plane : patch) {
                    for (double[] row : plane) {
                        for (double v : row) {
                            kernel[k++] = v;
                        }
                    }
                }
            }
        }
        assertArrayEquals(kernel, glimpses.toDoubleArray(), 1e-14);
        // The glimpse is linear in the image: ∂⟨u, glimpse⟩/∂pixel p is ⟨u, glimpse(e_p)⟩, by the kernel.
        double[] gradient = images.getGradient().toDoubleArray();
        for (int p = 0; p < flat.length; p++) {
            double[] basis = new double[flat.length];
            basis[p] = 1;
            int n = p / (channels * height * width);
            double[][][][] g = sensor.glimpse(image(basis, n, channels, height, width), locations[n][0],
                    locations[n][1]);
            double expected = 0.0;
            int base = n * upstream.length / 2;
            int j = 0;
            for (double[][][] patch : g) {
                for (double[][] plane : patch) {
                    for (double[] row : plane) {
                        for (double v : row) {
                            expected += upstream[base + j++] * v;
                        }
                    }
                }
            }
            assertEquals(expected, gradient[p], 1e-14, "pixel " + p);
        }
    }

    static double[][][] image(double[] flat, int n, int channels, int height, int width) {
        double[][][] image = new double[channels][height][width];
        int k = n * channels * height * width;
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < height; r++) {
                for (int q = 0; q < width; q++) {
                    image[c][r][q] = flat[k++];
                }
            }
        }
        return image;
    }

    @Test
    void badArgumentsAreRejectedWithTheirValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GlimpseSensor(3, 2, 2).glimpse(positions(4, 4), 1.5, 0));
        assertEquals("location must be in [-1, 1]², got (1.5, 0.0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GlimpseSensor(17, 2, 2));
        assertEquals("scale makes patch 15 of 17 65536 pixels wide, more than 32768", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GlimpseSensor(1, 0, 2));
        assertEquals("size must be >= 1, got 0", e.getMessage());
    }
}
