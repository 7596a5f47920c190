package dev.fovea.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Xavier/Glorot uniform initialisation, \( W \sim U(-a, a) \) with \( a = \sqrt{6 / (n_\mathrm{in} + n_\mathrm{out})} \)
 * (Glorot &amp; Bengio 2010, eq. 16), drawn from a Java {@link SplittableRandom} instead of the engine's global RNG.
 *
 * <p>The engine's RNG is one per process and shared by every thread, so seeding it would not make two concurrent
 * trainings reproducible; this initializer is. For a weight of shape \( [o, i, k_1, \dots] \),
 * \( n_\mathrm{in} = i \prod k \) and \( n_\mathrm{out} = o \prod k \). Successive calls continue one stream, so the
 * values depend on the (deterministic) order in which the block initializes its parameters. Not thread-safe: one
 * instance per training.
 */
final class SeededXavierInitializer implements Initializer {

    private final SplittableRandom random;

    SeededXavierInitializer(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long size = shape.size();
        long receptive = shape.dimension() > 2 ? shape.slice(2).size() : 1;
        long fanOut = shape.get(0) * receptive;
        long fanIn = shape.dimension() > 1 ? shape.get(1) * receptive : shape.get(0);
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] values = new float[Math.toIntExact(size)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (limit * (2.0 * random.nextDouble() - 1.0));
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
