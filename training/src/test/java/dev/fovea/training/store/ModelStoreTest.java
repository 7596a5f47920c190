package dev.fovea.training.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.shapes.ShapesDataset;
import dev.fovea.models.shapes.ShapesSample;
import dev.fovea.models.vqa.AttentionKind;
import dev.fovea.training.ShapesVqaTrainer;
import dev.fovea.training.TrainedModel;
import dev.fovea.training.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelStoreTest {

    private static final Map<AttentionKind, TrainedModel> TRAINED = new EnumMap<>(AttentionKind.class);
    private static final List<ShapesSample> PROBES = new ShapesDataset(ShapesConfig.DEFAULT).samples(77, 0, 4);

    @TempDir
    Path root;

    @BeforeAll
    static void train() {
        for (AttentionKind kind : AttentionKind.values()) {
            TRAINED.put(kind, ShapesVqaTrainer.train(TrainingConfig.defaults("store-" + kind.id(), kind, 1).withSteps(20)));
        }
    }

    @AfterAll
    static void close() {
        TRAINED.values().forEach(TrainedModel::close);
    }

    @ParameterizedTest
    @EnumSource(AttentionKind.class)
    void saveThenLoadPredictsExactlyAsTheModelInMemory(AttentionKind kind) {
        TrainedModel trained = TRAINED.get(kind);
        ModelStore store = new ModelStore(root);
        ModelMetadata saved = store.save(trained);
        assertEquals(1, saved.version());
        assertEquals(trained.metrics(), saved.metrics());
        assertTrue(Files.isRegularFile(root.resolve("store-" + kind.id()).resolve("1").resolve("parameters.bin")));
        VqaInference inMemoryInference = new VqaInference(trained.net(), trained.model().getNDManager());
        try (LoadedVqaModel loaded = store.load(saved.name(), 1)) {
            assertEquals(saved, loaded.metadata());
            for (ShapesSample probe : PROBES) {
                Prediction inMemory = inMemoryInference.predict(probe.rgb(), probe.question().text());
                assertEquals(inMemory, loaded.predict(probe.rgb(), probe.question().text()));
                assertEquals(64, inMemory.attention().length);
            }
        }
    }

    @Test
    void versionsCountUpPerNameAndListIsSorted() {
        ModelStore store = new ModelStore(root);
        TrainedModel discrete = TRAINED.get(AttentionKind.DISCRETE_SOFTMAX);
        TrainedModel continuous = TRAINED.get(AttentionKind.CONTINUOUS_SOFTMAX);
        assertEquals(1, store.save(discrete).version());
        assertEquals(1, store.save(continuous).version());
        assertEquals(2, store.save(discrete).version());
        assertEquals(3, store.save(discrete).version());
        List<String> listed = store.list().stream().map(m -> m.name() + "/" + m.version()).toList();
        assertEquals(List.of("store-continuous-softmax/1", "store-discrete-softmax/1", "store-discrete-softmax/2",
                "store-discrete-softmax/3"), listed);
        assertEquals(3, store.latest("store-discrete-softmax").orElseThrow().version());
        assertTrue(store.find("store-discrete-softmax", 4).isEmpty());
        assertTrue(store.latest("nothing-here").isEmpty());
        // A second store object on the same root sees the same versions.
        assertEquals(4, new ModelStore(root).save(discrete).version());
    }

    @Test
    void deleteRemovesAVersionAndFreesItsNumberWhenItWasTheLast() {
        ModelStore store = new ModelStore(root);
        TrainedModel trained = TRAINED.get(AttentionKind.DISCRETE_SOFTMAX);
        store.save(trained);
        store.save(trained);
        assertTrue(store.delete("store-discrete-softmax", 2));
        assertFalse(store.delete("store-discrete-softmax", 2));
        assertFalse(store.delete("store-discrete-softmax", 0));
        assertEquals(List.of(1), store.list().stream().map(ModelMetadata::version).toList());
        assertThrows(ModelNotFoundException.class, () -> store.load("store-discrete-softmax", 2));
        assertEquals(2, store.save(trained).version());
    }

    @Test
    void aCrashBeforeTheCommitLeavesNoVersionAndNoStagingFiles() throws IOException {
        ModelStore crashing = new ModelStore(root, staging -> {
            assertTrue(Files.isRegularFile(staging.resolve(ModelStore.PARAMETERS_FILE)));
            assertTrue(Files.isRegularFile(staging.resolve(ModelStore.METADATA_FILE)));
            throw new IllegalStateException("simulated crash");
        });
        TrainedModel trained = TRAINED.get(AttentionKind.DISCRETE_SOFTMAX);
        var e = assertThrows(IllegalStateException.class, () -> crashing.save(trained));
        assertEquals("simulated crash", e.getMessage());
        ModelStore store = new ModelStore(root);
        assertEquals(List.of(), store.list());
        try (Stream<Path> left = Files.list(root.resolve("store-discrete-softmax"))) {
            assertEquals(List.of(), left.toList());
        }
        assertEquals(1, store.save(trained).version(), "the failed save used no version number");
    }

    @Test
    void aStagingDirectoryLeftByAKilledProcessIsInvisible() throws IOException {
        Files.createDirectories(root.resolve("store-discrete-softmax").resolve(".staging-1-killed"));
        Files.writeString(root.resolve("store-discrete-softmax").resolve(".staging-1-killed").resolve("model.json"),
                "{ half written");
        ModelStore store = new ModelStore(root);
        assertEquals(List.of(), store.list());
        assertEquals(1, store.save(TRAINED.get(AttentionKind.DISCRETE_SOFTMAX)).version());
    }

    @Test
    void aFileInTheWayFailsTheSaveWithoutAVersion() throws IOException {
        Files.writeString(root.resolve("store-discrete-softmax"), "not a directory");
        ModelStore store = new ModelStore(root);
        var e = assertThrows(UncheckedIOException.class, () -> store.save(TRAINED.get(AttentionKind.DISCRETE_SOFTMAX)));
        assertTrue(e.getMessage().startsWith("cannot save model 'store-discrete-softmax' under " + root),
                e.getMessage());
        assertEquals(List.of(), store.list());
    }

    @Test
    void loadingAMissingVersionNamesItAndTheStoredOnes() {
        ModelStore store = new ModelStore(root);
        store.save(TRAINED.get(AttentionKind.CONTINUOUS_SOFTMAX));
        var missing = assertThrows(ModelNotFoundException.class, () -> store.load("store-continuous-softmax", 7));
        assertEquals("no model 'store-continuous-softmax' version 7 in " + root + " (stored versions: [1])",
                missing.getMessage());
        assertEquals(7, missing.version());
        var unknown = assertThrows(ModelNotFoundException.class, () -> store.load("unknown", 1));
        assertEquals("no model 'unknown' version 1 in " + root + " (stored versions: none)", unknown.getMessage());
        var traversal = assertThrows(IllegalArgumentException.class, () -> store.load("../etc", 1));
        assertEquals("name must match [a-z0-9][a-z0-9-]{0,62}, got '../etc'", traversal.getMessage());
    }

    @Test
    void aLoadedModelIsThreadSafeAndRefusesWorkWhenClosed() throws Exception {
        ModelStore store = new ModelStore(root);
        ModelMetadata saved = store.save(TRAINED.get(AttentionKind.CONTINUOUS_SOFTMAX));
        LoadedVqaModel loaded = store.load(saved.name(), saved.version());
        ShapesSample probe = PROBES.getFirst();
        Prediction expected = loaded.predict(probe.rgb(), probe.question().text());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Prediction>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> loaded.predict(probe.rgb(), probe.question().text())));
            }
            for (Future<Prediction> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals("question has the unknown word 'many?'; the vocabulary is how, many, red, green, blue, square, "
                + "squares, circle, circles, shape, shapes", assertThrows(IllegalArgumentException.class,
                () -> loaded.predict(probe.rgb(), "how many? shapes")).getMessage());
        loaded.close();
        loaded.close();
        var closed = assertThrows(IllegalStateException.class,
                () -> loaded.predict(probe.rgb(), probe.question().text()));
        assertEquals("model 'store-continuous-softmax' version 1 is closed", closed.getMessage());
        assertFalse(store.list().isEmpty());
    }
}
