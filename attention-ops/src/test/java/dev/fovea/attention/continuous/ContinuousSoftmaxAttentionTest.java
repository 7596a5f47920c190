package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import dev.fovea.attention.discrete.Softmax;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContinuousSoftmaxAttentionTest {

    private static final int GRID = 6;
    private static final int CELLS = GRID * GRID;
    private static final int D = 3;

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    @Test
    void blockMatchesThePipelineComputedWithTheDoubleKernels() {
        SplittableRandom random = new SplittableRandom(8);
        int batch = 2;
        double[][] scores = new double[batch][CELLS];
        double[][][] values = new double[batch][CELLS][D];
        double[] flatValues = new double[batch * CELLS * D];
        int k = 0;
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < CELLS; l++) {
                scores[b][l] = 3 * random.nextDouble();
                for (int e = 0; e < D; e++) {
                    values[b][l][e] = random.nextDouble() - 0.5;
                    flatValues[k++] = values[b][l][e];
                }
            }
        }
        GaussianBasis2 basis = GaussianBasis2.grid(4, 0.15);
        ContinuousSoftmaxAttention block = new ContinuousSoftmaxAttention(basis, 1e-3);
        block.initialize(managers.manager(), DataType.FLOAT64, new Shape(batch, CELLS), new Shape(batch, CELLS, D));
        NDList out = block.forward(new ParameterStore(managers.manager(), false),
                new NDList(managers.manager().create(scores), managers.manager().create(flatValues, new Shape(batch, CELLS, D))), false);
        assertEquals(new Shape(batch, D), out.get(0).getShape());
        assertEquals(new Shape(batch, CELLS), out.get(1).getShape());
        double[] context = out.get(0).toDoubleArray();
        double[] map = out.get(1).toDoubleArray();
        UnitSquareGrid grid = UnitSquareGrid.of(GRID);
        double[][] t = grid.centres();
        for (int b = 0; b < batch; b++) {
            Gaussian2 density = matchMoments(Softmax.probabilities(scores[b]), grid);
            double[] r = ContinuousSoftmax2.expectation(density, basis);
            double[] expected = block.valueFunction(CELLS).context(values[b], r);
            double error = RelativeError.normwise(java.util.Arrays.copyOfRange(context, b * D, (b + 1) * D), expected);
            assertTrue(error <= 1e-12, "context row " + b + ": " + error);
            double[] shown = new double[CELLS];
            double total = 0;
            for (int l = 0; l < CELLS; l++) {
                shown[l] = density.density(t[l][0], t[l][1]);
                total += shown[l];
            }
            double sum = 0;
            for (int l = 0; l < CELLS; l++) {
                assertEquals(shown[l] / total, map[b * CELLS + l], 1e-12, "map row " + b + " cell " + l);
                sum += map[b * CELLS + l];
            }
            assertEquals(1.0, sum, 1e-12);
        }
        assertSame(block.valueFunction(CELLS), block.valueFunction(CELLS), "ridge weights are cached");
    }

    /** Moments of the piecewise-constant density, computed independently of {@link MomentMatching}. */
    private static Gaussian2 matchMoments(double[] p, UnitSquareGrid grid) {
        double[] m = ContinuousSparsemaxAttentionTest.momentsOf(p, grid);
        return Gaussian2.of(m[0], m[1], SymmetricMatrix2.of(m[2], m[3], m[4]));
    }

    @Test
    void peakedScoresPutTheMapOnThatCellInFloat32() {
        double[] scores = new double[CELLS];
        int target = UnitSquareGrid.of(GRID).index(4, 1);
        scores[target] = 20f;
        ContinuousSoftmaxAttention block = new ContinuousSoftmaxAttention(GaussianBasis2.grid(4, 0.15), 1e-3);
        NDList out = block.forward(new ParameterStore(managers.manager(), false), new NDList(
                managers.manager().create(scores, new Shape(1, CELLS)).toType(DataType.FLOAT32, false),
                managers.manager().ones(new Shape(1, CELLS, D))), false);
        float[] map = out.get(1).toFloatArray();
        int argmax = 0;
        for (int l = 1; l < CELLS; l++) {
            argmax = map[l] > map[argmax] ? l : argmax;
        }
        assertEquals(target, argmax);
        assertTrue(map[target] > 0.9f, "mass on the peaked cell " + map[target]);
        for (float v : out.get(0).toFloatArray()) {
            assertTrue(Float.isFinite(v), "context " + v);
        }
    }
}
