package dev.fovea.attention.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.fovea.attention.conditioning.Film;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One training step of a FiLM block, forward and backward, at the size of a CLEVR FiLM layer (Perez et al. 2018):
 * a batch of \( B = 64 \) feature maps of \( C = 128 \) channels on \( 14 \times 14 \) positions conditioned on
 * \( d = 256 \)-vectors, float32 on the CPU engine. Gradients flow to the features, the condition and the four
 * parameters; the loss is \( \sum g \odot y \) for a fixed random \( g \). Run settings: those of
 * {@link NanosecondBenchmark}, reported in microseconds.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FilmBenchmark extends NanosecondBenchmark {

    private static final int BATCH = 64;
    private static final int CHANNELS = 128;
    private static final int SIDE = 14;
    private static final int CONDITION = 256;

    private NDManager manager;
    private Film film;
    private ParameterStore store;
    private NDArray features;
    private NDArray condition;
    private NDArray upstream;

    @Setup
    public void setUp() {
        manager = NDManager.newBaseManager();
        film = Film.of(CHANNELS, CONDITION);
        Shape featureShape = new Shape(BATCH, CHANNELS, SIDE, SIDE);
        film.initialize(manager, DataType.FLOAT32, featureShape, new Shape(BATCH, CONDITION));
        store = new ParameterStore(manager, false);
        features = manager.randomNormal(featureShape);
        condition = manager.randomNormal(new Shape(BATCH, CONDITION));
        upstream = manager.randomNormal(featureShape);
        features.setRequiresGradient(true);
        condition.setRequiresGradient(true);
    }

    @TearDown
    public void tearDown() {
        manager.close();
    }

    /** Forward and backward through {@link BlockStep}. */
    @Benchmark
    public float forwardBackward() {
        return BlockStep.forwardBackward(film, store, new NDList(features, condition), upstream);
    }
}
