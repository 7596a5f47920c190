package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.fovea.attention.ManagerExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DiscreteAttentionTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    static Stream<SimplexMapping> mappings() {
        return Stream.of(SimplexMapping.softmax(), SimplexMapping.sparsemax(), SimplexMapping.entmax15(),
                SimplexMapping.entmax(1.3));
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void contextIsTheProbabilityWeightedSumOfValues(SimplexMapping mapping) {
        double[][] scores = {{0.0, 1.0, -1.0}, {2.0, 2.0, 0.0}};
        double[][][] values = {{{1, 0}, {0, 1}, {2, 2}}, {{1, 1}, {3, -1}, {0, 5}}};
        DiscreteAttention block = new DiscreteAttention(mapping);
        block.initialize(managers.manager(), DataType.FLOAT64, new Shape(2, 3), new Shape(2, 3, 2));
        NDList out = block.forward(new ParameterStore(managers.manager(), false),
                new NDList(managers.manager().create(scores), managers.manager().create(flatten(values), new Shape(2, 3, 2))), false);
        assertEquals(new Shape(2, 2), out.get(0).getShape());
        assertEquals(new Shape(2, 3), out.get(1).getShape());
        double[] context = out.get(0).toDoubleArray();
        for (int b = 0; b < 2; b++) {
            double[] p = mapping.probabilities(scores[b]);
            assertArrayEquals(p, java.util.Arrays.copyOfRange(out.get(1).toDoubleArray(), 3 * b, 3 * b + 3), 1e-14);
            for (int d = 0; d < 2; d++) {
                double expected = 0.0;
                for (int l = 0; l < 3; l++) {
                    expected += p[l] * values[b][l][d];
                }
                assertEquals(expected, context[2 * b + d], 1e-14);
            }
        }
        assertArrayEquals(new Shape[] {new Shape(2, 2), new Shape(2, 3)},
                block.getOutputShapes(new Shape[] {new Shape(2, 3), new Shape(2, 3, 2)}));
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void aMaskInputMasksAndAFullyMaskedRowGivesAZeroContext(SimplexMapping mapping) {
        DiscreteAttention block = new DiscreteAttention(mapping);
        NDArray scores = managers.manager().create(new double[][] {{0.0, 9.0}, {1.0, 2.0}});
        NDArray values = managers.manager().create(new double[] {1, 100, 3, 4}, new Shape(2, 2, 1));
        NDArray mask = managers.manager().create(new boolean[][] {{true, false}, {false, false}});
        NDList out = block.forward(new ParameterStore(managers.manager(), false), new NDList(scores, values, mask), false);
        assertArrayEquals(new double[] {1.0, 0.0}, out.get(0).toDoubleArray(), 0.0);
    }

    @Test
    void weightedSumRejectsMismatchedShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> DiscreteAttention.weightedSum(
                managers.manager().zeros(new Shape(2, 4)), managers.manager().zeros(new Shape(2, 5, 3))));
        assertEquals("values must have shape (B, L, D) and weights (B, L): values have shape (2, 5, 3), weights (2, 4)",
                e.getMessage());
    }

    @Test
    void describesItsMapping() {
        assertEquals("DiscreteAttention(sparsemax)", new DiscreteAttention(SimplexMapping.sparsemax()).toString());
        assertEquals("DiscreteAttention(entmax(alpha=1.3))", new DiscreteAttention(SimplexMapping.entmax(1.3)).toString());
    }

    private static double[] flatten(double[][][] values) {
        return java.util.Arrays.stream(values).flatMap(java.util.Arrays::stream)
                .flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
