package dev.fovea.attention.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.fovea.attention.scoring.AdditiveScore;
import dev.fovea.attention.scoring.BilinearScore;
import dev.fovea.attention.scoring.DotProductScore;
import dev.fovea.attention.scoring.ScoreBlock;
import dev.fovea.attention.scoring.ShowAttendTellScore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One training step of each scoring block, forward and backward, at the size of "Show, Attend and Tell": a batch of
 * \( B = 64 \) images of \( L = 14 \times 14 = 196 \) locations, queries and keys of \( d = 512 \) features,
 * \( h = 256 \) hidden units, one query per image, float32 on the CPU engine. Gradients flow to the queries, the keys and every
 * parameter; the loss is \( \sum g \odot s \) for a fixed random \( g \). Run settings: those of
 * {@link NanosecondBenchmark}, reported in milliseconds.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS) // the shared settings, but a step takes milliseconds, not nanoseconds
public class ScoreBenchmark extends NanosecondBenchmark {

    private static final int BATCH = 64;
    private static final int POSITIONS = 196;
    private static final int FEATURES = 512;
    private static final int HIDDEN = 256;

    /** The block under test. */
    public enum Score {
        ADDITIVE(() -> AdditiveScore.builder().setQueryFeatures(FEATURES).setKeyFeatures(FEATURES)
                .setHiddenUnits(HIDDEN).optBias(true).build()),
        SHOW_ATTEND_TELL(() -> ShowAttendTellScore.builder().setQueryFeatures(FEATURES).setKeyFeatures(FEATURES)
                .setHiddenUnits(HIDDEN).build()),
        DOT_PRODUCT(() -> DotProductScore.of(FEATURES)),
        SCALED_DOT_PRODUCT(() -> DotProductScore.scaled(FEATURES)),
        BILINEAR(() -> BilinearScore.builder().setQueryFeatures(FEATURES).setKeyFeatures(FEATURES).build());

        private final Supplier<ScoreBlock> factory;

        Score(Supplier<ScoreBlock> factory) {
            this.factory = factory;
        }
    }

    @Param
    Score score;

    private NDManager manager;
    private ScoreBlock block;
    private ParameterStore store;
    private NDArray queries;
    private NDArray keys;
    private NDArray upstream;

    @Setup
    public void setUp() {
        manager = NDManager.newBaseManager();
        block = score.factory.get();
        Shape queryShape = new Shape(BATCH, FEATURES);
        Shape keyShape = new Shape(BATCH, POSITIONS, FEATURES);
        block.initialize(manager, DataType.FLOAT32, queryShape, keyShape);
        store = new ParameterStore(manager, false);
        queries = manager.randomNormal(queryShape);
        keys = manager.randomNormal(keyShape);
        upstream = manager.randomNormal(new Shape(BATCH, POSITIONS));
        queries.setRequiresGradient(true);
        keys.setRequiresGradient(true);
    }

    @TearDown
    public void tearDown() {
        manager.close();
    }

    /** Forward and backward through {@link BlockStep}. */
    @Benchmark
    public float forwardBackward() {
        return BlockStep.forwardBackward(block, store, new NDList(queries, keys), upstream);
    }
}
