package dev.fovea.attention.conditioning;

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
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every conditioning block inherits: its output equals an independent double reference built from the kernels,
 * and DJL autograd's gradients with respect to the features, the condition and every parameter match central finite
 * differences of that reference in double (h = 1e-6, norm-wise relative error ≤ 1e-6).
 */
abstract class ConditioningContract {

    static final int BATCH = 2;
    static final int CHANNELS = 3;
    static final int CONDITION = 2;
    static final int HEIGHT = 2;
    static final int WIDTH = 3;
    static final int POSITIONS = HEIGHT * WIDTH;

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    /** The block under test, built for {@link #CHANNELS} channels and {@link #CONDITION}-vectors. */
    abstract ConditioningBlock block();

    /** The output channels. */
    int outputChannels() {
        return CHANNELS;
    }

    /**
     * The double reference for one sample: features \( C \times S \), condition, the parameters in the block's order
     * (each flattened row-major) → \( C' \times S \).
     */
    abstract double[][] reference(double[][] features, double[] condition, List<double[]> parameters);

    /** \( W z + b \) for a flattened \( (rows, d) \) weight. */
    static double[] linear(double[] weight, double[] bias, double[] z) {
        double[] y = bias.clone();
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < z.length; j++) {
                y[i] += weight[i * z.length + j] * z[j];
            }
        }
        return y;
    }

    @Test
    void forwardMatchesTheReferenceAndAutogradMatchesFiniteDifferences() {
        NDManager m = managers.manager();
        ConditioningBlock block = block();
        block.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
        block.setInitializer(new NormalInitializer(0.5f), Parameter.Type.BIAS);
        Shape xShape = new Shape(BATCH, CHANNELS, HEIGHT, WIDTH);
        block.initialize(m, DataType.FLOAT64, xShape, new Shape(BATCH, CONDITION));
        Random random = new Random(getClass().getName().hashCode());
        double[] x = gaussian(random, BATCH * CHANNELS * POSITIONS);
        double[] z = gaussian(random, BATCH * CONDITION);
        double[] r = gaussian(random, BATCH * outputChannels() * POSITIONS);
        List<double[]> parameters = new ArrayList<>();
        List<NDArray> parameterArrays = new ArrayList<>();
        for (var pair : block.getParameters()) {
            parameterArrays.add(pair.getValue().getArray());
            parameters.add(pair.getValue().getArray().toDoubleArray());
        }
        NDArray xs = m.create(x, xShape);
        NDArray zs = m.create(z, new Shape(BATCH, CONDITION));
        xs.setRequiresGradient(true);
        zs.setRequiresGradient(true);
        NDArray out;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            out = block.forward(new ParameterStore(m, false), new NDList(xs, zs), true).singletonOrThrow();
            collector.backward(out.mul(m.create(r, out.getShape())).sum());
        }
        assertEquals(block.getOutputShapes(new Shape[] {xShape, new Shape(BATCH, CONDITION)})[0], out.getShape());
        assertArrayEquals(referenceOutput(x, z, parameters), out.toDoubleArray(), 1e-12);

        List<double[]> all = new ArrayList<>();
        all.add(x);
        all.add(z);
        all.addAll(parameters);
        List<NDArray> arrays = new ArrayList<>();
        arrays.add(xs);
        arrays.add(zs);
        arrays.addAll(parameterArrays);
        double h = 1e-6;
        for (int a = 0; a < all.size(); a++) {
            double[] v = all.get(a);
            double[] numeric = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                double keep = v[i];
                v[i] = keep + h;
                double plus = loss(all, r);
                v[i] = keep - h;
                double minus = loss(all, r);
                v[i] = keep;
                numeric[i] = (plus - minus) / (2 * h);
            }
            double[] autograd = arrays.get(a).getGradient().toDoubleArray();
            int index = a;
            assertTrue(RelativeError.normwise(autograd, numeric) <= 1e-6,
                    () -> "argument " + index + ": " + java.util.Arrays.toString(autograd) + " vs "
                            + java.util.Arrays.toString(numeric));
        }
    }

    @Test
    void rejectsInputsOfTheWrongSize() {
        ConditioningBlock block = block();
        assertEquals("features have 4 channels, the block was built for 3", assertThrows(
                IllegalArgumentException.class, () -> block.getOutputShapes(new Shape[] {
                    new Shape(2, 4, 5), new Shape(2, CONDITION)})).getMessage());
        assertEquals("condition must have shape (B, 2), got (2, 3)", assertThrows(
                IllegalArgumentException.class, () -> block.getOutputShapes(new Shape[] {
                    new Shape(2, CHANNELS, 5), new Shape(2, 3)})).getMessage());
    }

    private double loss(List<double[]> all, double[] r) {
        double[] y = referenceOutput(all.get(0), all.get(1), all.subList(2, all.size()));
        double s = 0.0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * r[i];
        }
        return s;
    }

    private double[] referenceOutput(double[] x, double[] z, List<double[]> parameters) {
        double[] out = new double[BATCH * outputChannels() * POSITIONS];
        for (int b = 0; b < BATCH; b++) {
            double[][] features = new double[CHANNELS][POSITIONS];
            for (int c = 0; c < CHANNELS; c++) {
                System.arraycopy(x, (b * CHANNELS + c) * POSITIONS, features[c], 0, POSITIONS);
            }
            double[] condition = java.util.Arrays.copyOfRange(z, b * CONDITION, (b + 1) * CONDITION);
            double[][] y = reference(features, condition, parameters);
            for (int c = 0; c < outputChannels(); c++) {
                System.arraycopy(y[c], 0, out, (b * outputChannels() + c) * POSITIONS, POSITIONS);
            }
        }
        return out;
    }

    static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }
}
