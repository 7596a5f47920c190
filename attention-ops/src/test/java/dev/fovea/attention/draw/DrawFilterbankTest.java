package dev.fovea.attention.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DrawFilterbankTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    private static final FilterbankParameters[] CASES = {
        new FilterbankParameters(0, 0, 0, 0, 0),
        new FilterbankParameters(0.3, -0.7, 1.2, -0.4, 0.5),
        new FilterbankParameters(-0.9, 0.8, -1.5, 0.6, -0.3),
        // Far outside the image with a tiny variance: the unshifted normaliser would underflow to 0.
        new FilterbankParameters(40.0, -40.0, -6.0, 0.0, 0.0),
    };

    @Test
    void rowsSumToOne() {
        for (FilterbankParameters p : CASES) {
            DrawFilterbank.Matrices f = DrawFilterbank.of(11, 7, 4, p);
            for (double[][] filter : new double[][][] {f.filterX(), f.filterY()}) {
                for (double[] row : filter) {
                    double sum = 0.0;
                    for (double v : row) {
                        assertTrue(v >= 0.0 && Double.isFinite(v), "entry " + v);
                        sum += v;
                    }
                    assertEquals(1.0, sum, 1e-14, p.toString());
                }
            }
        }
    }

    @Test
    void centresFollowThePapersOneBasedFormulaShiftedByOnePixel() {
        // A = 9, N = 3, g̃X = 0, δ̃ = 1: δ = (9 - 1)/(3 - 1) = 4; paper (1-based): gX = (9 + 1)/2 · 1 = 5,
        // μ_i = 5 + (i - 1.5 - 0.5)·4 = 1, 5, 9 for i = 1, 2, 3, i.e. 0, 4, 8 as 0-based pixels.
        // B = 5, g̃Y = 0.5: gY = (5 + 1)/2 · 1.5 = 4.5, μ = 0.5, 4.5, 8.5 (1-based) = -0.5, 3.5, 7.5.
        DrawFilterbank.Matrices f = DrawFilterbank.of(9, 5, 3, new FilterbankParameters(0, 0.5, 0, 0, 0));
        assertEquals(4.0, f.stride(), 0.0);
        assertArrayEquals(new double[] {0, 4, 8}, f.meansX(), 1e-15);
        assertArrayEquals(new double[] {-0.5, 3.5, 7.5}, f.meansY(), 1e-15);
        // N = 2 on a 4 × 4 image, centred, δ̃ = 1: δ = 3, 1-based μ = 2.5 ± 1.5 = 1, 4: the corner pixels 0 and 3.
        DrawFilterbank.Matrices corners = DrawFilterbank.of(4, 4, 2, new FilterbankParameters(0, 0, 0, 0, 0));
        assertArrayEquals(new double[] {0, 3}, corners.meansX(), 1e-15);
        // N = 1: the single filter sits on gX whatever the stride.
        DrawFilterbank.Matrices one = DrawFilterbank.of(6, 6, 1, new FilterbankParameters(-1, 1, 0, 2.0, 0));
        assertArrayEquals(new double[] {-1.0}, one.meansX(), 1e-15);
        assertArrayEquals(new double[] {6.0}, one.meansY(), 1e-15);
    }

    @Test
    void entriesAreTheNormalisedGaussian() {
        // σ² = e^0.5, entry = exp(-(a - μ)²/2σ²) / Σ_a' exp(-(a' - μ)²/2σ²), written out without the shift.
        FilterbankParameters p = new FilterbankParameters(0.2, -0.1, 0.5, 0.1, 0.7);
        DrawFilterbank.Matrices f = DrawFilterbank.of(8, 6, 3, p);
        double s2 = Math.exp(0.5);
        for (int i = 0; i < 3; i++) {
            double z = 0.0;
            for (int a = 0; a < 8; a++) {
                z += Math.exp(-(a - f.meansX()[i]) * (a - f.meansX()[i]) / (2 * s2));
            }
            for (int a = 0; a < 8; a++) {
                double expected = Math.exp(-(a - f.meansX()[i]) * (a - f.meansX()[i]) / (2 * s2)) / z;
                assertEquals(expected, f.filterX()[i][a], 1e-15);
            }
        }
        assertEquals(Math.exp(0.7), f.intensity(), 1e-15);
        assertEquals(Math.exp(0.1) * 7.0 / 2.0, f.stride(), 1e-15);
    }

    @Test
    void ndArrayFiltersAgreeWithTheKernel() {
        NDManager m = managers.manager();
        double[] flat = new double[CASES.length * 5];
        for (int k = 0; k < CASES.length; k++) {
            FilterbankParameters p = CASES[k];
            System.arraycopy(new double[] {p.centerX(), p.centerY(), p.logVariance(), p.logStride(),
                p.logIntensity()}, 0, flat, 5 * k, 5);
        }
        DrawFilterbank.Arrays arrays = DrawFilterbank.apply(m.create(flat, new Shape(CASES.length, 5)), 11, 7, 4);
        assertEquals(new Shape(CASES.length, 4, 11), arrays.filterX().getShape());
        assertEquals(new Shape(CASES.length, 4, 7), arrays.filterY().getShape());
        for (int k = 0; k < CASES.length; k++) {
            DrawFilterbank.Matrices f = DrawFilterbank.of(11, 7, 4, CASES[k]);
            assertArrayEquals(flatten(f.filterX()), arrays.filterX().get(k).toDoubleArray(), 1e-13);
            assertArrayEquals(flatten(f.filterY()), arrays.filterY().get(k).toDoubleArray(), 1e-13);
            assertEquals(f.intensity(), arrays.intensity().getDouble(k), 1e-14);
        }
    }

    @Test
    void readOfAConstantImageIsTheConstantTimesTheIntensity() {
        // Every row of F_X and F_Y sums to 1, so F_Y (c 1 1ᵀ) F_Xᵀ = c 1 1ᵀ.
        double[][] image = new double[7][11];
        for (double[] row : image) {
            java.util.Arrays.fill(row, 2.5);
        }
        for (FilterbankParameters p : CASES) {
            DrawFilterbank.Matrices f = DrawFilterbank.of(11, 7, 4, p);
            for (double[] row : DrawRead.glimpse(image, f)) {
                for (double v : row) {
                    assertEquals(2.5 * f.intensity(), v, 1e-13);
                }
            }
        }
    }

    @Test
    void writeIsTheAdjointOfReadUpToTheIntensitySquared() {
        // ⟨γ F_Y x F_Xᵀ, w⟩ = γ tr(F_Xᵀ wᵀ... ) = γ² ⟨x, γ⁻¹ F_Yᵀ w F_X⟩.
        Random random = new Random(7);
        double[][] image = randomMatrix(random, 7, 11);
        double[][] patch = randomMatrix(random, 4, 4);
        DrawFilterbank.Matrices f = DrawFilterbank.of(11, 7, 4, CASES[1]);
        double left = dot(DrawRead.glimpse(image, f), patch);
        double right = f.intensity() * f.intensity() * dot(image, DrawWrite.canvas(patch, f));
        assertEquals(right, left, 1e-12 * Math.abs(right));
    }

    @Test
    void ndArrayReadAndWriteAgreeWithTheKernels() {
        NDManager m = managers.manager();
        Random random = new Random(11);
        double[][] image = randomMatrix(random, 7, 11);
        double[][] patch = randomMatrix(random, 4, 4);
        FilterbankParameters p = CASES[2];
        DrawFilterbank.Matrices f = DrawFilterbank.of(11, 7, 4, p);
        DrawFilterbank.Arrays arrays = DrawFilterbank.apply(m.create(vector(p), new Shape(1, 5)), 11, 7, 4);
        NDArray read = DrawRead.apply(m.create(flatten(image), new Shape(1, 7, 11)), arrays);
        assertArrayEquals(flatten(DrawRead.glimpse(image, f)), read.toDoubleArray(), 1e-12);
        NDArray canvas = DrawWrite.apply(m.create(flatten(patch), new Shape(1, 4, 4)), arrays);
        assertEquals(new Shape(1, 7, 11), canvas.getShape());
        assertArrayEquals(flatten(DrawWrite.canvas(patch, f)), canvas.toDoubleArray(), 1e-12);
    }

    @Test
    void autogradMatchesFiniteDifferencesOfTheKernels() {
        // ℓ(θ) = ⟨R, read_θ(x)⟩ + ⟨S, write_θ(w)⟩; central differences in double with h = 1e-6 have truncation error
        // O(h²) ≈ 1e-12 and rounding error O(ε/h) ≈ 1e-10, far below the 1e-6 tolerance.
        NDManager m = managers.manager();
        Random random = new Random(3);
        double[][] image = randomMatrix(random, 7, 11);
        double[][] patch = randomMatrix(random, 4, 4);
        double[][] r = randomMatrix(random, 4, 4);
        double[][] s = randomMatrix(random, 7, 11);
        double[] theta = vector(CASES[1]);
        NDArray t = m.create(theta, new Shape(1, 5));
        t.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            DrawFilterbank.Arrays arrays = DrawFilterbank.apply(t, 11, 7, 4);
            NDArray loss = DrawRead.apply(m.create(flatten(image), new Shape(1, 7, 11)), arrays)
                    .mul(m.create(flatten(r), new Shape(1, 4, 4))).sum()
                    .add(DrawWrite.apply(m.create(flatten(patch), new Shape(1, 4, 4)), arrays)
                            .mul(m.create(flatten(s), new Shape(1, 7, 11))).sum());
            collector.backward(loss);
        }
        double[] autograd = t.getGradient().toDoubleArray();
        double[] numeric = new double[5];
        double h = 1e-6;
        for (int k = 0; k < 5; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            numeric[k] = (kernelLoss(plus, image, patch, r, s) - kernelLoss(minus, image, patch, r, s)) / (2 * h);
        }
        assertTrue(RelativeError.normwise(autograd, numeric) <= 1e-6,
                () -> java.util.Arrays.toString(autograd) + " vs " + java.util.Arrays.toString(numeric));
    }

    private static double kernelLoss(double[] theta, double[][] image, double[][] patch, double[][] r, double[][] s) {
        DrawFilterbank.Matrices f = DrawFilterbank.of(11, 7, 4, FilterbankParameters.of(theta));
        return dot(DrawRead.glimpse(image, f), r) + dot(DrawWrite.canvas(patch, f), s);
    }

    @Test
    void blocksUseTheirParametersThroughTheFunctions() {
        NDManager m = managers.manager();
        DrawRead read = DrawRead.of(11, 7, 4, 3);
        DrawWrite write = DrawWrite.of(11, 7, 4, 3);
        read.setInitializer(new NormalInitializer(0.1f), ai.djl.nn.Parameter.Type.BIAS);
        write.setInitializer(new NormalInitializer(0.1f), ai.djl.nn.Parameter.Type.BIAS);
        read.initialize(m, DataType.FLOAT64, new Shape(2, 3), new Shape(2, 7, 11), new Shape(2, 7, 11));
        write.initialize(m, DataType.FLOAT64, new Shape(2, 3));
        Random random = new Random(5);
        NDArray state = m.create(flatten(randomMatrix(random, 2, 3)));
        state = state.reshape(2, 3);
        NDArray image = m.create(flatten(randomMatrix(random, 14, 11)), new Shape(2, 7, 11));
        ParameterStore store = new ParameterStore(m, false);
        NDList glimpses = read.forward(store, new NDList(state, image, image.mul(2)), false);
        assertEquals(2, glimpses.size());
        var rp = read.getParameters();
        NDArray params = state.matMul(rp.get("filterWeight").getArray().transpose())
                .add(rp.get("filterBias").getArray());
        NDArray expected = DrawRead.apply(image, DrawFilterbank.apply(params, 11, 7, 4));
        assertArrayEquals(expected.toDoubleArray(), glimpses.get(0).toDoubleArray(), 1e-12);
        assertArrayEquals(expected.mul(2).toDoubleArray(), glimpses.get(1).toDoubleArray(), 1e-12);

        NDArray canvas = write.forward(store, new NDList(state), false).singletonOrThrow();
        var wp = write.getParameters();
        NDArray wParams = state.matMul(wp.get("filterWeight").getArray().transpose())
                .add(wp.get("filterBias").getArray());
        NDArray patch = state.matMul(wp.get("patchWeight").getArray().transpose())
                .add(wp.get("patchBias").getArray()).reshape(2, 4, 4);
        assertArrayEquals(DrawWrite.apply(patch, DrawFilterbank.apply(wParams, 11, 7, 4)).toDoubleArray(),
                canvas.toDoubleArray(), 1e-12);
        assertEquals(new Shape(2, 7, 11), write.getOutputShapes(new Shape[] {new Shape(2, 3)})[0]);
        assertEquals("DrawRead(7 × 11 → 4 × 4, state 3)", read.toString());
    }

    @Test
    void rejectsBadInputNamingTheArgument() {
        FilterbankParameters p = CASES[0];
        assertEquals("glimpses must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> DrawFilterbank.of(5, 5, 0, p)).getMessage());
        assertEquals("width must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> DrawFilterbank.of(0, 5, 2, p)).getMessage());
        assertEquals("logVariance must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> new FilterbankParameters(0, 0, Double.NaN, 0, 0)).getMessage());
        assertEquals("logIntensity must give a positive finite exp, got exp(1000.0) = Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> DrawFilterbank.of(5, 5, 2, new FilterbankParameters(0, 0, 0, 0, 1000))).getMessage());
        DrawFilterbank.Matrices f = DrawFilterbank.of(5, 4, 2, p);
        assertEquals("image must be 4 × 5 (height × width), got 4 × 6", assertThrows(IllegalArgumentException.class,
                () -> DrawRead.glimpse(new double[4][6], f)).getMessage());
        assertEquals("stateSize must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> DrawRead.of(5, 4, 2, 0)).getMessage());
        DrawRead read = DrawRead.of(5, 4, 2, 3);
        assertEquals("image 1 must have shape (2, 4, 5) (batch, height, width), got (2, 5, 4)",
                assertThrows(IllegalArgumentException.class, () -> read.getOutputShapes(
                        new Shape[] {new Shape(2, 3), new Shape(2, 5, 4)})).getMessage());
    }

    static double[] vector(FilterbankParameters p) {
        return new double[] {p.centerX(), p.centerY(), p.logVariance(), p.logStride(), p.logIntensity()};
    }

    static double[][] randomMatrix(Random random, int rows, int columns) {
        double[][] x = new double[rows][columns];
        for (double[] row : x) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    static double[] flatten(double[][] x) {
        double[] flat = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * x[0].length, x[0].length);
        }
        return flat;
    }

    private static double dot(double[][] a, double[][] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += a[i][j] * b[i][j];
            }
        }
        return s;
    }
}
