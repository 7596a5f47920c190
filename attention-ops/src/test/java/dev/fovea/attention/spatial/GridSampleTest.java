package dev.fovea.attention.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link GridSample} and {@link AffineGrid}: hand-computed samples of a 2×2 image under every padding and corner
 * convention, the identity transform, the explicit backward against central differences and DJL autograd against
 * the explicit backward.
 */
class GridSampleTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    /** U = [[1, 2], [3, 4]]: row 0 is the top (y = −1), column 0 the left (x = −1). */
    static final double[][][][] SQUARE = {{{{1, 2}, {3, 4}}}};

    static double sample(double x, double y, SamplingMode mode, Padding padding, boolean alignCorners) {
        double[][][][] grid = {{{{x, y}}}};
        return GridSample.forward(SQUARE, grid, mode, padding, alignCorners)[0][0][0][0];
    }

    @Test
    void theCentreIsTheMeanOfTheFourPixelsUnderEveryConvention() {
        // Aligned: i = (0 + 1)/2 · (2 − 1) = 0.5; not aligned: i = ((0 + 1) · 2 − 1)/2 = 0.5. Both axes: the four
        // weights are 1/4, (1 + 2 + 3 + 4)/4 = 2.5, whatever the padding (nothing is outside).
        for (Padding padding : Padding.values()) {
            assertEquals(2.5, sample(0, 0, SamplingMode.BILINEAR, padding, true), 1e-15, padding.name());
            assertEquals(2.5, sample(0, 0, SamplingMode.BILINEAR, padding, false), 1e-15, padding.name());
            // Nearest: rint(0.5) = 0 (ties to even, C's nearbyint as PyTorch): the top-left pixel.
            assertEquals(1.0, sample(0, 0, SamplingMode.NEAREST, padding, true), padding.name());
        }
    }

    @Test
    void theCornersWithAlignedCornersAreThePixelCentres() {
        // Aligned: (−1, −1) ↦ i = (0, 0) and (1, 1) ↦ (1, 1), exactly on pixel centres, whatever the padding.
        for (Padding padding : Padding.values()) {
            assertEquals(1.0, sample(-1, -1, SamplingMode.BILINEAR, padding, true), padding.name());
            assertEquals(4.0, sample(1, 1, SamplingMode.BILINEAR, padding, true), padding.name());
            assertEquals(2.0, sample(1, -1, SamplingMode.BILINEAR, padding, true), padding.name());
            assertEquals(3.0, sample(-1, 1, SamplingMode.NEAREST, padding, true), padding.name());
        }
    }

    @Test
    void theCornersWithoutAlignedCornersAreTheOuterEdges() {
        // Not aligned: (−1, −1) ↦ i = ((−1 + 1) · 2 − 1)/2 = (−0.5, −0.5), halfway between pixel (0, 0) and the
        // outside on both axes.
        // zeros: only tap (0, 0) is inside, weight 0.5 · 0.5: 0.25 · 1 = 0.25.
        assertEquals(0.25, sample(-1, -1, SamplingMode.BILINEAR, Padding.ZEROS, false), 1e-15);
        // border: clamped to (0, 0): 1.
        assertEquals(1.0, sample(-1, -1, SamplingMode.BILINEAR, Padding.BORDER, false), 1e-15);
        // reflection about the edges [−0.5, 1.5]: −0.5 is on the edge and stays, then clip to 0: 1.
        assertEquals(1.0, sample(-1, -1, SamplingMode.BILINEAR, Padding.REFLECTION, false), 1e-15);
        // (1, 1) ↦ (1.5, 1.5). zeros: tap (1, 1) alone, weight 1/4: 4/4 = 1. border: 4. reflection: 1.5 stays
        // (distance 2 from −0.5 is one whole span, flips = 1: 2 − 0 − 0.5 = 1.5), clip to 1: 4.
        assertEquals(1.0, sample(1, 1, SamplingMode.BILINEAR, Padding.ZEROS, false), 1e-15);
        assertEquals(4.0, sample(1, 1, SamplingMode.BILINEAR, Padding.BORDER, false), 1e-15);
        assertEquals(4.0, sample(1, 1, SamplingMode.BILINEAR, Padding.REFLECTION, false), 1e-15);
    }

    @Test
    void pointsOutsideUnderEveryPaddingAndConvention() {
        // (x, y) = (2, −1), beyond the right edge on the top row.
        // Aligned: i_x = (2 + 1)/2 · 1 = 1.5, i_y = 0.
        //   zeros: taps x = 1 (weight 0.5, value 2) and x = 2 (outside): 1.0.
        //   border: i_x clamped to 1: 2.
        //   reflection about [0, 1]: 1.5 reflects to 0.5: (1 + 2)/2 = 1.5.
        assertEquals(1.0, sample(2, -1, SamplingMode.BILINEAR, Padding.ZEROS, true), 1e-15);
        assertEquals(2.0, sample(2, -1, SamplingMode.BILINEAR, Padding.BORDER, true), 1e-15);
        assertEquals(1.5, sample(2, -1, SamplingMode.BILINEAR, Padding.REFLECTION, true), 1e-15);
        // Not aligned: i_x = (3 · 2 − 1)/2 = 2.5, i_y = −0.5.
        //   zeros: x taps 2 and 3 are both outside: 0.
        //   border: (1, 0): 2.
        //   reflection about [−0.5, 1.5]: 2.5 reflects to 0.5 (distance 3 from −0.5, one flip, extra 1:
        //   2 − 1 − 0.5), −0.5 stays and is clipped to 0: (1 + 2)/2 = 1.5.
        assertEquals(0.0, sample(2, -1, SamplingMode.BILINEAR, Padding.ZEROS, false), 1e-15);
        assertEquals(2.0, sample(2, -1, SamplingMode.BILINEAR, Padding.BORDER, false), 1e-15);
        assertEquals(1.5, sample(2, -1, SamplingMode.BILINEAR, Padding.REFLECTION, false), 1e-15);
        // Reflection twice: aligned x = 4 ↦ i_x = 2.5, distance 2.5 from 0 with span 1: two flips, extra 0.5,
        // even: 0.5. Not aligned x = −4 ↦ i_x = −3.5, distance 3 from −0.5, flips 1, extra 1: 2 − 1 − 0.5 = 0.5.
        assertEquals(1.5, sample(4, -1, SamplingMode.BILINEAR, Padding.REFLECTION, true), 1e-15);
        assertEquals(1.5, sample(-4, -1, SamplingMode.BILINEAR, Padding.REFLECTION, false), 1e-15);
        // Nearest with zeros outside: aligned (2, −1) ↦ rint(1.5) = 2 (ties to even): outside, 0.
        assertEquals(0.0, sample(2, -1, SamplingMode.NEAREST, Padding.ZEROS, true));
    }

    @Test
    void theIdentityTransformReproducesTheInput() {
        double[][][][] input = Arrays4.random(new SplittableRandom(1), 2, 3, 5, 7, -1, 1);
        double[][][] identity = {{{1, 0, 0}, {0, 1, 0}}, {{1, 0, 0}, {0, 1, 0}}};
        for (boolean alignCorners : new boolean[] {true, false}) {
            double[][][][] grid = AffineGrid.generate(identity, 5, 7, alignCorners);
            for (SamplingMode mode : SamplingMode.values()) {
                for (Padding padding : Padding.values()) {
                    double[][][][] output = GridSample.forward(input, grid, mode, padding, alignCorners);
                    // Exact up to the rounding of x ↦ i: a weight of ~1e-16 on a neighbour.
                    assertArrayEquals(Arrays4.flat(input), Arrays4.flat(output), 1e-15,
                            mode + " " + padding + " alignCorners " + alignCorners);
                }
            }
        }
    }

    @Test
    void affineGridMatchesPyTorchsLinspace() {
        // alignCorners false, 4 pixels: centres at (2i + 1)/4 − 1 = −0.75, −0.25, 0.25, 0.75; true: −1, −1/3, 1/3, 1.
        assertEquals(-0.75, AffineGrid.targetCoordinate(0, 4, false), 1e-15);
        assertEquals(0.25, AffineGrid.targetCoordinate(2, 4, false), 1e-15);
        assertEquals(-1.0 / 3, AffineGrid.targetCoordinate(1, 4, true), 1e-15);
        assertEquals(0.0, AffineGrid.targetCoordinate(0, 1, true));
        // θ = [[2, 0, 0.5], [0, 3, −1]] at target (x, y) = (0.75, −0.25): (2 · 0.75 + 0.5, 3 · (−0.25) − 1).
        double[][][][] grid = AffineGrid.generate(new double[][][] {{{2, 0, 0.5}, {0, 3, -1}}}, 4, 4, false);
        assertArrayEquals(new double[] {2.0, -1.75}, grid[0][1][3], 1e-15);
        NDArray fromArray = AffineGrid.apply(managers.manager().create(new double[] {2, 0, 0.5, 0, 3, -1},
                new Shape(1, 2, 3)), new Shape(1, 1, 4, 4), false);
        assertArrayEquals(Arrays4.flat(grid), fromArray.toDoubleArray(), 1e-15);
    }

    @Test
    void theNDArrayFunctionAgreesWithTheKernel() {
        SplittableRandom random = new SplittableRandom(2);
        double[][][][] input = Arrays4.random(random, 2, 3, 4, 6, -1, 1);
        double[][][][] grid = Arrays4.random(random, 2, 5, 3, 2, -1.6, 1.6);
        for (boolean alignCorners : new boolean[] {true, false}) {
            for (SamplingMode mode : SamplingMode.values()) {
                for (Padding padding : Padding.values()) {
                    double[][][][] kernel = GridSample.forward(input, grid, mode, padding, alignCorners);
                    NDArray array = GridSample.apply(Arrays4.array(managers.manager(), input),
                            Arrays4.array(managers.manager(), grid), mode, padding, alignCorners);
                    assertEquals(new Shape(2, 3, 5, 3), array.getShape());
                    assertArrayEquals(Arrays4.flat(kernel), array.toDoubleArray(), 1e-14,
                            mode + " " + padding + " " + alignCorners);
                }
            }
        }
    }

    @Test
    void theExplicitBackwardMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(3);
        double[][][][] input = Arrays4.random(random, 2, 2, 3, 4, -1, 1);
        double[][][][] grid = Arrays4.random(random, 2, 3, 2, 2, -1.4, 1.4);
        double[][][][] upstream = Arrays4.random(random, 2, 2, 3, 2, -1, 1);
        double h = 1e-6;
        for (boolean alignCorners : new boolean[] {true, false}) {
            for (Padding padding : Padding.values()) {
                GridSample.Gradients explicit = GridSample.backward(input, grid, upstream, SamplingMode.BILINEAR,
                        padding, alignCorners);
                double[] flatGrid = Arrays4.flat(grid);
                double[] numericGrid = new double[flatGrid.length];
                for (int i = 0; i < flatGrid.length; i++) {
                    numericGrid[i] = centralDifference(input, flatGrid, i, h, upstream, padding, alignCorners, false);
                }
                double[] flatInput = Arrays4.flat(input);
                double[] numericInput = new double[flatInput.length];
                for (int i = 0; i < flatInput.length; i++) {
                    numericInput[i] = centralDifference(grid, flatInput, i, h, upstream, padding, alignCorners, true);
                }
                String what = padding + " alignCorners " + alignCorners;
                assertTrue(RelativeError.normwise(Arrays4.flat(explicit.grid()), numericGrid) <= 1e-7, what);
                assertTrue(RelativeError.normwise(Arrays4.flat(explicit.input()), numericInput) <= 1e-7, what);
            }
        }
    }

    /** ∂⟨upstream, output⟩/∂(entry i of the input or the grid), by central differences. */
    private static double centralDifference(double[][][][] other, double[] varied, int i, double h,
            double[][][][] upstream, Padding padding, boolean alignCorners, boolean variedIsInput) {
        double[] plus = varied.clone();
        double[] minus = varied.clone();
        plus[i] += h;
        minus[i] -= h;
        int[] shape = variedIsInput ? new int[] {2, 2, 3, 4} : new int[] {2, 3, 2, 2};
        double[][][][] p = Arrays4.nested(plus, shape[0], shape[1], shape[2], shape[3]);
        double[][][][] m = Arrays4.nested(minus, shape[0], shape[1], shape[2], shape[3]);
        double lossPlus = Arrays4.dot(upstream, variedIsInput
                ? GridSample.forward(p, other, SamplingMode.BILINEAR, padding, alignCorners)
                : GridSample.forward(other, p, SamplingMode.BILINEAR, padding, alignCorners));
        double lossMinus = Arrays4.dot(upstream, variedIsInput
                ? GridSample.forward(m, other, SamplingMode.BILINEAR, padding, alignCorners)
                : GridSample.forward(other, m, SamplingMode.BILINEAR, padding, alignCorners));
        return (lossPlus - lossMinus) / (2 * h);
    }

    @Test
    void autogradInFloat64MatchesTheExplicitBackward() {
        SplittableRandom random = new SplittableRandom(4);
        double[][][][] input = Arrays4.random(random, 2, 3, 5, 4, -1, 1);
        double[][][][] grid = Arrays4.random(random, 2, 4, 3, 2, -1.5, 1.5);
        double[][][][] upstream = Arrays4.random(random, 2, 3, 4, 3, -1, 1);
        for (boolean alignCorners : new boolean[] {true, false}) {
            for (SamplingMode mode : SamplingMode.values()) {
                for (Padding padding : Padding.values()) {
                    GridSample.Gradients explicit = GridSample.backward(input, grid, upstream, mode, padding,
                            alignCorners);
                    NDArray in = Arrays4.array(managers.manager(), input);
                    NDArray g = Arrays4.array(managers.manager(), grid);
                    in.setRequiresGradient(true);
                    g.setRequiresGradient(true);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray out = GridSample.apply(in, g, mode, padding, alignCorners);
                        collector.backward(out.mul(Arrays4.array(managers.manager(), upstream)).sum());
                    }
                    String what = mode + " " + padding + " alignCorners " + alignCorners;
                    assertTrue(RelativeError.normwise(in.getGradient().toDoubleArray(),
                            Arrays4.flat(explicit.input())) <= 1e-6, what);
                    // Nearest: no path reaches the grid, and DJL then returns a float32 zero gradient.
                    double[] gridGradient = g.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
                    if (mode == SamplingMode.NEAREST) {
                        assertArrayEquals(new double[gridGradient.length], gridGradient, what);
                    } else {
                        assertTrue(RelativeError.normwise(gridGradient, Arrays4.flat(explicit.grid())) <= 1e-6,
                                what);
                    }
                }
            }
        }
    }

    @Test
    void badInputIsRejectedWithTheFieldAndTheValue() {
        double[][][][] ragged = {{{{0.1, 0.2, 0.3}}}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridSample.forward(SQUARE, ragged, SamplingMode.BILINEAR, Padding.ZEROS, true));
        assertEquals("grid must have shape [N, Hout, Wout, 2], got 3 coordinates at [0, 0, 0]", e.getMessage());
        double[][][][] nan = {{{{0.1, Double.NaN}}}};
        e = assertThrows(IllegalArgumentException.class,
                () -> GridSample.forward(SQUARE, nan, SamplingMode.BILINEAR, Padding.ZEROS, true));
        assertEquals("grid must be finite, got (0.1, NaN) at [0, 0, 0]", e.getMessage());
        double[][][][] twoImages = {{{{0, 0}}}, {{{0, 0}}}};
        e = assertThrows(IllegalArgumentException.class,
                () -> GridSample.forward(SQUARE, twoImages, SamplingMode.BILINEAR, Padding.ZEROS, true));
        assertEquals("grid has 2 batch entries, input has 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AffineGrid.generate(
                new double[][][] {{{1, 0, 0}, {0, 1, Double.POSITIVE_INFINITY}}}, 2, 2, true));
        assertEquals("theta must be finite, got Infinity at [0, 1, 2]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SamplingMode.parse("bicubic"));
        assertEquals("mode must be bilinear or nearest, got bicubic", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GridSample.apply(
                managers.manager().zeros(new Shape(1, 1, 2, 2)), managers.manager().zeros(new Shape(1, 2, 2, 3)),
                SamplingMode.BILINEAR, Padding.ZEROS, false));
        assertEquals("grid must have shape [1, Hout, Wout, 2], got (1, 2, 2, 3)", e.getMessage());
    }
}
