package dev.fovea.serving.models;

import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.shapes.ShapesDataset;
import dev.fovea.models.shapes.ShapesSample;
import dev.fovea.serving.catalog.ModelCatalog;
import dev.fovea.serving.catalog.ModelSummary;
import dev.fovea.serving.catalog.NoSuchModelException;
import dev.fovea.training.ShapesVqaTrainer;
import dev.fovea.training.TrainedModel;
import dev.fovea.training.TrainingConfig;
import dev.fovea.training.store.LoadedVqaModel;
import dev.fovea.training.store.ModelMetadata;
import dev.fovea.training.store.ModelStore;
import dev.fovea.training.store.Prediction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Trains, records, loads and queries models: the one service the REST resources and the views call.
 *
 * <p>Training runs on a single thread, one job at a time, because DJL allows one active gradient collector per JVM.
 * A trained model is first written completely to the model store, then recorded in the catalog; if recording fails
 * the written version is removed, so no half-registered model is ever visible. Loaded models are cached per version
 * and are thread-safe.
 */
@ApplicationScoped
public class ModelService {

    private static final Logger LOG = Logger.getLogger(ModelService.class);

    static {
        // Fovea never downloads anything at run time; DJL's engine comes from the jars on the class path.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final ModelCatalog catalog;
    private final ModelStore store;
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "fovea-training");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, LoadedVqaModel> loaded = new ConcurrentHashMap<>();

    @Inject
    ModelService(ModelCatalog catalog, @ConfigProperty(name = "fovea.data-dir") Path dataDir) {
        this.catalog = catalog;
        this.store = new ModelStore(dataDir.resolve("models"));
    }

    /** Every model version, newest first. */
    public List<ModelSummary> list() {
        return catalog.list();
    }

    /** Whether the catalog holds no model yet. */
    public boolean isEmpty() {
        return catalog.count() == 0;
    }

    /** A model version, or its latest version when {@code version} is empty. */
    public ModelSummary resolve(String name, Optional<Integer> version) {
        return version.map(v -> catalog.find(name, v)
                        .orElseThrow(() -> new NoSuchModelException("no model '" + name + "' version " + v)))
                .orElseGet(() -> catalog.latest(name)
                        .orElseThrow(() -> new NoSuchModelException("no model named '" + name + "'")));
    }

    /** Trains a model, stores it and records it; blocks until done (training jobs run one at a time). */
    public ModelSummary train(TrainingConfig config) {
        Future<ModelSummary> job = trainer.submit(() -> trainAndRecord(config));
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training " + config.name(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("training " + config.name() + " failed", e.getCause());
        }
    }

    private ModelSummary trainAndRecord(TrainingConfig config) {
        long start = System.nanoTime();
        ModelMetadata metadata;
        try (TrainedModel trained = ShapesVqaTrainer.train(config, progress -> { })) {
            metadata = store.save(trained);
        }
        try {
            ModelSummary summary = catalog.register(metadata.name(), metadata.version(), metadata.attentionKind().id(),
                    metadata.datasetSeed(), metadata.steps(), metadata.createdAt(), metadata.metrics());
            LOG.infof("trained %s (%s) in %.1f s: %s", summary.label(), summary.attentionKind(),
                    (System.nanoTime() - start) / 1e9, summary.metrics());
            return summary;
        } catch (RuntimeException e) {
            store.delete(metadata.name(), metadata.version());
            throw e;
        }
    }

    /** Answers a question about an image with a model version. */
    public Prediction predict(ModelSummary model, float[] rgb, String question) {
        return load(model).predict(rgb, question);
    }

    /** The dataset configuration a model version was trained on (image size, grid, answers). */
    public ShapesConfig datasetConfig(ModelSummary model) {
        return load(model).metadata().dataset();
    }

    /** A generated sample of the dataset a model version was trained on. */
    public ShapesSample sample(ModelSummary model, long seed, int index) {
        return new ShapesDataset(datasetConfig(model)).sample(seed, index);
    }

    private LoadedVqaModel load(ModelSummary model) {
        return loaded.computeIfAbsent(model.label(), label -> store.load(model.name(), model.version()));
    }

    @PreDestroy
    void close() {
        trainer.shutdownNow();
        loaded.values().forEach(LoadedVqaModel::close);
        loaded.clear();
    }
}
