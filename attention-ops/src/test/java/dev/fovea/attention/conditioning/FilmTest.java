package dev.fovea.attention.conditioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilmTest extends ConditioningContract {

    @Override
    ConditioningBlock block() {
        return Film.of(CHANNELS, CONDITION);
    }

    @Override
    double[][] reference(double[][] features, double[] condition, List<double[]> p) {
        return Film.apply(features, linear(p.get(0), p.get(1), condition), linear(p.get(2), p.get(3), condition));
    }

    @Test
    void knownAnswerByHand() {
        // Channel 0: 2·x + 1 on (1, -1) = (3, -1); channel 1: -1·x + 0.5 on (0, 2) = (0.5, -1.5).
        double[][] y = Film.apply(new double[][] {{1, -1}, {0, 2}}, new double[] {2, -1}, new double[] {1, 0.5});
        assertArrayEquals(new double[] {3, -1}, y[0], 0.0);
        assertArrayEquals(new double[] {0.5, -1.5}, y[1], 0.0);
        NDManager m = managers.manager();
        var out = Film.apply(m.create(new double[] {1, -1, 0, 2}, new Shape(1, 2, 2)),
                m.create(new double[] {2, -1}, new Shape(1, 2)), m.create(new double[] {1, 0.5}, new Shape(1, 2)));
        assertArrayEquals(new double[] {3, -1, 0.5, -1.5}, out.toDoubleArray(), 0.0);
    }

    @Test
    void aFreshBlockWithZeroWeightsIsTheIdentity() {
        NDManager m = managers.manager();
        Film film = Film.of(2, 3);
        film.setInitializer(ai.djl.training.initializer.Initializer.ZEROS, ai.djl.nn.Parameter.Type.WEIGHT);
        film.initialize(m, DataType.FLOAT64, new Shape(1, 2, 4), new Shape(1, 3));
        var x = m.randomNormal(new Shape(1, 2, 4)).toType(DataType.FLOAT64, false);
        var y = film.forward(new ai.djl.training.ParameterStore(m, false),
                new ai.djl.ndarray.NDList(x, m.ones(new Shape(1, 3), DataType.FLOAT64)), false).singletonOrThrow();
        assertArrayEquals(x.toDoubleArray(), y.toDoubleArray(), 0.0);
        assertEquals("gamma must have shape (1, 2) (batch, channels), got (1, 3)", assertThrows(
                IllegalArgumentException.class, () -> Film.apply(x, m.ones(new Shape(1, 3), DataType.FLOAT64),
                        m.ones(new Shape(1, 2), DataType.FLOAT64))).getMessage());
        assertEquals("features have 2 channels, gamma 3", assertThrows(IllegalArgumentException.class,
                () -> Film.apply(new double[2][2], new double[3], new double[2])).getMessage());
        assertEquals("channels must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> Film.of(0, 2)).getMessage());
    }
}
