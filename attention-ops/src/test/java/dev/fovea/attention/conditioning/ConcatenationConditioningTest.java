package dev.fovea.attention.conditioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcatenationConditioningTest extends ConditioningContract {

    private static final int OUTPUT = 4;

    @Override
    ConditioningBlock block() {
        return ConcatenationConditioning.of(CHANNELS, CONDITION, OUTPUT);
    }

    @Override
    int outputChannels() {
        return OUTPUT;
    }

    @Override
    double[][] reference(double[][] features, double[] condition, List<double[]> p) {
        double[][] stacked = ConcatenationConditioning.concatenate(features, condition);
        double[][] y = new double[OUTPUT][POSITIONS];
        for (int o = 0; o < OUTPUT; o++) {
            for (int s = 0; s < POSITIONS; s++) {
                double[] column = new double[stacked.length];
                for (int c = 0; c < stacked.length; c++) {
                    column[c] = stacked[c][s];
                }
                y[o][s] = linear(p.get(0), p.get(1), column)[o];
            }
        }
        return y;
    }

    @Test
    void theConditionIsCopiedToEveryPosition() {
        NDManager m = managers.manager();
        var out = ConcatenationConditioning.concatenate(m.create(new double[] {1, 2, 3}, new Shape(1, 1, 3)),
                m.create(new double[] {7, 8}, new Shape(1, 2)));
        assertArrayEquals(new double[] {1, 2, 3, 7, 7, 7, 8, 8, 8}, out.toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {7, 7, 7}, ConcatenationConditioning.concatenate(
                new double[][] {{1, 2, 3}}, new double[] {7})[1], 0.0);
    }
}
