package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import dev.fovea.attention.discrete.Softmax;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContinuousSparsemaxAttentionTest {

    private static final int GRID = 6;
    private static final int CELLS = GRID * GRID;
    private static final int D = 3;

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    /** Moments of the piecewise-constant density of the cells, computed in double independently of the block. */
    static double[] momentsOf(double[] p, UnitSquareGrid grid) {
        double[][] t = grid.centres();
        double mx = 0;
        double my = 0;
        for (int l = 0; l < t.length; l++) {
            mx += p[l] * t[l][0];
            my += p[l] * t[l][1];
        }
        double within = grid.cellSize() * grid.cellSize() / 12;
        double sxx = within;
        double sxy = 0;
        double syy = within;
        for (int l = 0; l < t.length; l++) {
            sxx += p[l] * (t[l][0] - mx) * (t[l][0] - mx);
            sxy += p[l] * (t[l][0] - mx) * (t[l][1] - my);
            syy += p[l] * (t[l][1] - my) * (t[l][1] - my);
        }
        return new double[] {mx, my, sxx, sxy, syy};
    }

    @Test
    void blockMatchesThePipelineComputedWithTheDoubleKernels() {
        SplittableRandom random = new SplittableRandom(18);
        int batch = 2;
        double[][] scores = new double[batch][CELLS];
        double[] flatValues = random.doubles(batch * CELLS * D, -0.5, 0.5).toArray();
        for (double[] row : scores) {
            for (int l = 0; l < CELLS; l++) {
                row[l] = 3 * random.nextDouble();
            }
        }
        GaussianBasis2 basis = GaussianBasis2.grid(4, 0.15);
        ContinuousSparsemaxAttention block = new ContinuousSparsemaxAttention(basis, 1e-3, 1, 64);
        NDList out = block.forward(new ParameterStore(managers.manager(), false), new NDList(
                managers.manager().create(scores), managers.manager().create(flatValues, new Shape(batch, CELLS, D))),
                false);
        assertEquals(new Shape(batch, D), out.get(0).getShape());
        double[] context = out.get(0).toDoubleArray();
        double[] map = out.get(1).toDoubleArray();
        UnitSquareGrid grid = UnitSquareGrid.of(GRID);
        double[][] t = grid.centres();
        for (int b = 0; b < batch; b++) {
            double[] m = momentsOf(Softmax.probabilities(scores[b]), grid);
            TruncatedParaboloid p = TruncatedParaboloid.fromCovariance(m[0], m[1], SymmetricMatrix2.of(m[2], m[3], m[4]));
            double[][] values = new double[CELLS][D];
            for (int l = 0; l < CELLS; l++) {
                System.arraycopy(flatValues, (b * CELLS + l) * D, values[l], 0, D);
            }
            // Same 64 angles: agreement to rounding; the adaptive kernel bounds the error of 64 angles here.
            double[] fixed = ContinuousSparsemax2.evaluate(p, basis, 64).expectation();
            double[] adaptive = ContinuousSparsemax2.expectation(p, basis);
            assertTrue(RelativeError.normwise(fixed, adaptive) <= 1e-9, "64 angles vs adaptive");
            double[] expected = block.valueFunction(CELLS).context(values, fixed);
            double error = RelativeError.normwise(Arrays.copyOfRange(context, b * D, (b + 1) * D), expected);
            assertTrue(error <= 1e-11, "context row " + b + ": " + error);
            double total = 0;
            for (int l = 0; l < CELLS; l++) {
                total += p.density(t[l][0], t[l][1]);
            }
            for (int l = 0; l < CELLS; l++) {
                assertEquals(p.density(t[l][0], t[l][1]) / total, map[b * CELLS + l], 1e-12, "map " + b + ", " + l);
            }
        }
        assertSame(block.valueFunction(CELLS), block.valueFunction(CELLS), "ridge weights are cached");
        assertEquals(1, block.valueFunction(CELLS).padCellsPerSide());
    }

    @Test
    void peakedScoresGiveASparseMapAndFiniteGradientsInFloat32() {
        double[] scores = new double[CELLS];
        int target = UnitSquareGrid.of(GRID).index(4, 1);
        scores[target] = 20;
        NDArray s = managers.manager().create(scores, new Shape(1, CELLS)).toType(DataType.FLOAT32, false);
        NDArray v = managers.manager().randomUniform(-1, 1, new Shape(1, CELLS, D), DataType.FLOAT32);
        s.setRequiresGradient(true);
        v.setRequiresGradient(true);
        ContinuousSparsemaxAttention block = new ContinuousSparsemaxAttention(GaussianBasis2.grid(4, 0.15), 1e-3);
        NDList out;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            out = block.forward(new ParameterStore(managers.manager(), false), new NDList(s, v), true);
            collector.backward(out.get(0).sum());
        }
        float[] map = out.get(1).toFloatArray();
        int zeros = 0;
        for (float w : map) {
            zeros += w == 0f ? 1 : 0;
        }
        assertTrue(map[target] > 0.9f, "mass on the peaked cell " + map[target]);
        assertTrue(zeros >= CELLS - 5, "a compact support: " + zeros + " of " + CELLS + " cells exactly 0");
        for (float g : s.getGradient().toFloatArray()) {
            assertTrue(Float.isFinite(g), "score gradient " + g);
        }
        for (float g : v.getGradient().toFloatArray()) {
            assertTrue(Float.isFinite(g), "value gradient " + g);
        }
    }
}
