package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import dev.fovea.attention.discrete.Softmax;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContinuousSequenceAttentionTest {

    private static final int LENGTH = 15;
    private static final int D = 4;

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    @Test
    void bothMappingsMatchThePipelineComputedWithTheDoubleKernels() {
        SplittableRandom random = new SplittableRandom(31);
        int batch = 3;
        double[][] scores = new double[batch][LENGTH];
        for (double[] row : scores) {
            for (int l = 0; l < LENGTH; l++) {
                row[l] = 4 * random.nextDouble();
            }
        }
        double[] flatValues = random.doubles(batch * LENGTH * D, -1, 1).toArray();
        GaussianBasis1 basis = GaussianBasis1.grid(8, 0.08);
        double[] t = UnitIntervalGrid.of(LENGTH).centres();
        for (ContinuousMapping mapping : ContinuousMapping.values()) {
            ContinuousSequenceAttention block = new ContinuousSequenceAttention(mapping, basis, 1e-3, 3);
            NDList out = block.forward(new ParameterStore(managers.manager(), false), new NDList(
                    managers.manager().create(scores), managers.manager().create(flatValues,
                            new Shape(batch, LENGTH, D))), false);
            double[] context = out.get(0).toDoubleArray();
            double[] map = out.get(1).toDoubleArray();
            for (int b = 0; b < batch; b++) {
                double[] p = Softmax.probabilities(scores[b]);
                double mean = 0;
                for (int l = 0; l < LENGTH; l++) {
                    mean += p[l] * t[l];
                }
                double variance = 1.0 / (12 * LENGTH * LENGTH);
                for (int l = 0; l < LENGTH; l++) {
                    variance += p[l] * (t[l] - mean) * (t[l] - mean);
                }
                ContinuousEvaluation e = mapping == ContinuousMapping.SOFTMAX
                        ? ContinuousSoftmax1.evaluate(Gaussian1.of(mean, variance), basis, false)
                        : ContinuousSparsemax1.evaluate(TruncatedParabola.fromVariance(mean, variance), basis, false);
                double[][] values = new double[LENGTH][D];
                for (int l = 0; l < LENGTH; l++) {
                    System.arraycopy(flatValues, (b * LENGTH + l) * D, values[l], 0, D);
                }
                double[] expected = block.valueFunction(LENGTH).context(values, e.expectation());
                double error = RelativeError.normwise(Arrays.copyOfRange(context, b * D, (b + 1) * D), expected);
                assertTrue(error <= 1e-12, mapping + " context row " + b + ": " + error);
                double[] shown = new double[LENGTH];
                double total = 0;
                for (int l = 0; l < LENGTH; l++) {
                    shown[l] = mapping == ContinuousMapping.SOFTMAX ? Gaussian1.of(mean, variance).density(t[l])
                            : TruncatedParabola.fromVariance(mean, variance).density(t[l]);
                    total += shown[l];
                }
                for (int l = 0; l < LENGTH; l++) {
                    assertEquals(shown[l] / total, map[b * LENGTH + l], 1e-12, mapping + " map " + b + ", " + l);
                    if (mapping == ContinuousMapping.SPARSEMAX && !e.support().contains(t[l])) {
                        assertEquals(0.0, map[b * LENGTH + l], 0.0, "outside the support");
                    }
                }
            }
            assertSame(block.valueFunction(LENGTH), block.valueFunction(LENGTH), "ridge weights are cached");
        }
    }

    @Test
    void rejectsBadArguments() {
        GaussianBasis1 basis = GaussianBasis1.grid(4, 0.1);
        assertEquals("ridge must be finite and > 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> new ContinuousSequenceAttention(ContinuousMapping.SOFTMAX, basis, Double.NaN, 0)).getMessage());
        assertEquals("padCellsPerSide must be >= 0, got -3", assertThrows(IllegalArgumentException.class,
                () -> new ContinuousSequenceAttention(ContinuousMapping.SPARSEMAX, basis, 1e-3, -3)).getMessage());
        ContinuousSequenceAttention block = new ContinuousSequenceAttention(ContinuousMapping.SPARSEMAX, basis, 1e-3, 0);
        assertEquals("values must have shape (2, 5, *), got (2, 6, 3)", assertThrows(IllegalArgumentException.class,
                () -> block.forward(new ParameterStore(managers.manager(), false), new NDList(
                        managers.manager().zeros(new Shape(2, 5)), managers.manager().zeros(new Shape(2, 6, 3))),
                        false)).getMessage());
    }
}
