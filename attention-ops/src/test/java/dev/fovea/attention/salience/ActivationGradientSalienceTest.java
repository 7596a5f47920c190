package dev.fovea.attention.salience;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import dev.fovea.attention.ManagerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ActivationGradientSalienceTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    // Activation 2 × 3; readout y = Σ_cs w_c a_cs with w = (1, -1), so g_cs = w_c and
    // m = (3 - 1, 1 - 0, 2 - 1) = (2, 1, 1) → (0.5, 0.25, 0.25).
    private static final double[][] ACTIVATION = {{3, 1, 2}, {1, 0, 1}};
    private static final double[] EXPECTED = {0.5, 0.25, 0.25};

    @Test
    void kernelKnownAnswer() {
        double[][] gradient = {{1, 1, 1}, {-1, -1, -1}};
        assertArrayEquals(EXPECTED, ActivationGradientSalience.map(ACTIVATION, gradient), 1e-15);
        // Negative contributions are cut: m = (2, 0, 0); no positive contribution anywhere: uniform.
        assertArrayEquals(new double[] {1, 0, 0}, ActivationGradientSalience.map(ACTIVATION,
                new double[][] {{1, -1, 0}, {-1, 0, 0}}), 1e-15);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, ActivationGradientSalience.map(ACTIVATION,
                new double[][] {{-1, -1, -1}, {0, 0, 0}}), 1e-15);
        assertEquals("gradient must be 2 × 3, got 2 × 4", assertThrows(IllegalArgumentException.class,
                () -> ActivationGradientSalience.map(ACTIVATION, new double[2][4])).getMessage());
    }

    @Test
    void autogradRouteOfALinearReadoutGivesTheKnownMap() {
        NDManager m = managers.manager();
        NDArray activation = m.create(new double[] {3, 1, 2, 1, 0, 1}, new Shape(1, 2, 3));
        NDArray w = m.create(new double[] {1, -1}).reshape(1, 2, 1);
        NDArray map = ActivationGradientSalience.of(activation, a -> a.mul(w).sum(new int[] {1, 2}));
        assertEquals(new Shape(1, 3), map.getShape());
        assertArrayEquals(EXPECTED, map.toDoubleArray(), 1e-15);
    }

    @Test
    void namedLayerOfASequentialModel() {
        // Layer 1 doubles its input, layer 2 squares it, layer 3 is the readout Σ_cs w_c h_cs. At layer 1 the
        // activation is a = 2x and y = Σ w_c a_cs², so g = 2 w a and a ⊙ g = 2 w a²: with x = ACTIVATION / 2,
        // a = ACTIVATION, m ∝ (9 - 1, 1 - 0, 4 - 1) = (8, 1, 3) → (2/3, 1/12, 1/4).
        NDManager m = managers.manager();
        NDArray w = m.create(new double[] {1, -1}).reshape(1, 2, 1);
        SequentialBlock model = new SequentialBlock()
                .add(x -> new NDList(x.singletonOrThrow().mul(2)))
                .add(x -> new NDList(x.singletonOrThrow().square()))
                .add(x -> new NDList(x.singletonOrThrow().mul(w).sum(new int[] {1, 2})));
        model.initialize(m, DataType.FLOAT64, new Shape(2, 2, 3));
        NDArray x = m.create(new double[] {1.5, 0.5, 1, 0.5, 0, 0.5, 1.5, 0.5, 1, 0.5, 0, 0.5}, new Shape(2, 2, 3));
        String first = model.getChildren().get(0).getKey();
        NDArray map = ActivationGradientSalience.of(model, first, new NDList(x), out -> out.singletonOrThrow());
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 12, 0.25, 2.0 / 3, 1.0 / 12, 0.25}, map.toDoubleArray(), 1e-15);
        var e = assertThrows(IllegalArgumentException.class, () -> ActivationGradientSalience.of(model, "nope",
                new NDList(x), out -> out.singletonOrThrow()));
        assertEquals("model has no layer named \"nope\"; its layers are " + model.getChildren().keys(),
                e.getMessage());
    }

    @Test
    void ndArrayMapsAreNonNegativeAndSumToOnePerSample() {
        NDManager m = managers.manager();
        NDArray a = m.randomNormal(new Shape(3, 4, 2, 5)).toType(DataType.FLOAT64, false);
        NDArray g = m.randomNormal(new Shape(3, 4, 2, 5)).toType(DataType.FLOAT64, false);
        NDArray map = ActivationGradientSalience.map(a, g);
        assertEquals(new Shape(3, 2, 5), map.getShape());
        double[] values = map.toDoubleArray();
        for (int b = 0; b < 3; b++) {
            double sum = 0.0;
            for (int s = 0; s < 10; s++) {
                sum += values[10 * b + s];
                assertEquals(true, values[10 * b + s] >= 0.0);
            }
            assertEquals(1.0, sum, 1e-14);
        }
        NDArray zero = ActivationGradientSalience.map(a, g.zerosLike());
        assertArrayEquals(java.util.stream.DoubleStream.generate(() -> 0.1).limit(30).toArray(),
                zero.toDoubleArray(), 1e-15);
    }
}
