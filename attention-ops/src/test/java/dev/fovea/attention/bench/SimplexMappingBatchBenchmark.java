package dev.fovea.attention.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.fovea.attention.discrete.SimplexMapping;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The differentiable NDArray form of every simplex mapping on a float32 batch of 256 rows of 196 scores (a 14×14
 * grid per image) on the PyTorch engine (CPU): forward alone, and forward plus autograd backward of
 * \( \sum p \odot g \). Each call works in a sub-manager that it closes, so no native memory piles up.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SimplexMappingBatchBenchmark extends NanosecondBenchmark {

    private static final Shape SHAPE = new Shape(256, 196);

    @Param({"softmax", "sparsemax", "entmax15", "entmax:1.5"})
    String mapping;

    private SimplexMapping simplexMapping;
    private NDManager manager;
    private float[] scores;
    private float[] upstream;

    @Setup
    public void setUp() {
        simplexMapping = SimplexMappingBenchmark.parse(mapping);
        manager = NDManager.newBaseManager();
        SplittableRandom random = new SplittableRandom(42);
        scores = new float[(int) SHAPE.size()];
        upstream = new float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) (3 * random.nextGaussian());
            upstream[i] = (float) random.nextGaussian();
        }
    }

    @TearDown
    public void tearDown() {
        manager.close();
    }

    @Benchmark
    public float forward() {
        try (NDManager call = manager.newSubManager()) {
            return simplexMapping.apply(call.create(scores, SHAPE), -1).getFloat(0, 0);
        }
    }

    @Benchmark
    public float forwardBackward() {
        try (NDManager call = manager.newSubManager()) {
            NDArray s = call.create(scores, SHAPE);
            s.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray p = simplexMapping.apply(s, -1);
                collector.backward(p.mul(call.create(upstream, SHAPE)).sum());
            }
            return s.getGradient().getFloat(0, 0);
        }
    }
}
