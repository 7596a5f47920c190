package dev.fovea.alignment.softdtw;

import static dev.fovea.alignment.frames.FrameFixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.fovea.alignment.dtw.Window;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The NDArray soft-DTW against the kernel: values, and DJL autograd in float64 against the explicit backward. */
class DifferentiableSoftDtwTest {

    static double[][] matrix(NDArray a, int n, int d) {
        double[] flat = a.toDoubleArray();
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    static double[] flat(double[][] x) {
        double[] out = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, out, i * x[0].length, x[0].length);
        }
        return out;
    }

    @Test
    void valueAndAutogradGradientMatchTheKernel() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] x = gaussian(random, 6, 2);
        double[][] y = gaussian(random, 5, 2);
        double gamma = 0.4;
        SoftDtw kernel = SoftDtw.of(gamma);
        SoftDtw.Gradient expected = kernel.gradient(x, y);
        SoftDtw.Gradient expectedDivergence = kernel.divergenceGradient(x, y);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray xs = manager.create(flat(x)).reshape(6, 2);
            NDArray ys = manager.create(flat(y)).reshape(5, 2);
            xs.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = DifferentiableSoftDtw.value(xs, ys, gamma);
                assertEquals(expected.value(), value.getDouble(), 1e-12 * Math.abs(expected.value()));
                collector.backward(value);
            }
            assertMatrices(expected.dx(), matrix(xs.getGradient(), 6, 2));
            xs.getGradient().subi(xs.getGradient());
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray divergence = DifferentiableSoftDtw.divergence(xs, ys, gamma);
                assertEquals(expectedDivergence.value(), divergence.getDouble(), 1e-12);
                collector.backward(divergence);
            }
            assertMatrices(expectedDivergence.dx(), matrix(xs.getGradient(), 6, 2));
        }
    }

    static void assertMatrices(double[][] expected, double[][] actual) {
        for (int i = 0; i < expected.length; i++) {
            for (int k = 0; k < expected[i].length; k++) {
                assertEquals(expected[i][k], actual[i][k], 1e-6 * Math.max(1, Math.abs(expected[i][k])),
                        "[" + i + "][" + k + "]");
            }
        }
    }

    @Test
    void blockComputesTheDivergence() {
        SplittableRandom random = new SplittableRandom(12);
        double[][] x = gaussian(random, 4, 3);
        double[][] y = gaussian(random, 7, 3);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList inputs = new NDList(manager.create(flat(x)).reshape(4, 3), manager.create(flat(y)).reshape(7, 3));
            double divergence = SoftDtwBlock.divergence(1.0).forward(new ParameterStore(manager, false), inputs, false)
                    .singletonOrThrow().getDouble();
            assertEquals(SoftDtw.of(1.0).divergence(x, y), divergence, 1e-12);
            double value = SoftDtwBlock.value(1.0).forward(new ParameterStore(manager, false), inputs, false)
                    .singletonOrThrow().getDouble();
            assertEquals(SoftDtw.of(1.0).value(x, y), value, 1e-12);
            assertThrows(IllegalArgumentException.class, () -> SoftDtwBlock.value(0));
            assertEquals("x has 3 channels, y has 2", assertThrows(IllegalArgumentException.class,
                    () -> DifferentiableSoftDtw.value(inputs.get(0), manager.ones(new ai.djl.ndarray.types.Shape(2, 2),
                            ai.djl.ndarray.types.DataType.FLOAT64), 1.0)).getMessage());
        }
    }

    @Test
    void windowedAutogradMatchesTheKernelWithEveryWindow() {
        SplittableRandom random = new SplittableRandom(13);
        int n = 6;
        int m = 5;
        double[][] x = gaussian(random, n, 2);
        double[][] y = gaussian(random, m, 2);
        double gamma = 0.3;
        for (Window window : SoftDtwWindowTest.windows(random, n, m)) {
            SoftDtw kernel = SoftDtw.of(gamma, window);
            SoftDtw.Gradient expected = kernel.gradient(x, y);
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray xs = manager.create(flat(x)).reshape(n, 2);
                NDArray ys = manager.create(flat(y)).reshape(m, 2);
                xs.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray value = DifferentiableSoftDtw.value(xs, ys, gamma, window);
                    assertEquals(expected.value(), value.getDouble(), 1e-12 * (1 + Math.abs(expected.value())),
                            window.toString());
                    collector.backward(value);
                }
                assertMatrices(expected.dx(), matrix(xs.getGradient(), n, 2));
                if (!(window instanceof Window.Mask)) {
                    SoftDtw.Gradient expectedDivergence = kernel.divergenceGradient(x, y);
                    xs.getGradient().subi(xs.getGradient());
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray divergence = DifferentiableSoftDtw.divergence(xs, ys, gamma, window);
                        assertEquals(expectedDivergence.value(), divergence.getDouble(), 1e-12, window.toString());
                        collector.backward(divergence);
                    }
                    assertMatrices(expectedDivergence.dx(), matrix(xs.getGradient(), n, 2));
                    double block = SoftDtwBlock.divergence(gamma, window).forward(new ParameterStore(manager, false),
                            new NDList(xs, ys), false).singletonOrThrow().getDouble();
                    assertEquals(expectedDivergence.value(), block, 1e-12);
                } else {
                    assertThrows(IllegalArgumentException.class, () -> SoftDtwBlock.divergence(gamma, window));
                    assertTrue(Double.isFinite(SoftDtwBlock.value(gamma, window).forward(
                            new ParameterStore(manager, false), new NDList(xs, ys), false).singletonOrThrow()
                            .getDouble()));
                }
            }
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray four = manager.zeros(new ai.djl.ndarray.types.Shape(4, 1), ai.djl.ndarray.types.DataType.FLOAT64);
            NDArray two = manager.zeros(new ai.djl.ndarray.types.Shape(2, 1), ai.djl.ndarray.types.DataType.FLOAT64);
            Window band = Window.sakoeChiba(1);
            assertEquals(assertThrows(IllegalArgumentException.class,
                    () -> SoftDtw.of(1, band).value(new double[4][1], new double[2][1])).getMessage(),
                    assertThrows(IllegalArgumentException.class,
                            () -> DifferentiableSoftDtw.value(four, two, 1, band)).getMessage());
        }
    }
}
