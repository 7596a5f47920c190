package dev.fovea.training;

import ai.djl.Model;
import dev.fovea.models.vqa.ShapesVqaNet;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A freshly trained shapes-VQA model in memory: the DJL {@link Model} holding the {@link ShapesVqaNet} and its
 * parameters, the config it was trained with and its metrics. Save it with
 * {@code dev.fovea.training.store.ModelStore#save}, then load it from the store for inference.
 *
 * <p>Close the model to free its native memory.
 */
public final class TrainedModel implements AutoCloseable {

    private final TrainingConfig config;
    private final Model model;
    private final ShapesVqaNet net;
    private final Map<String, Double> metrics;
    private final Instant createdAt;

    TrainedModel(TrainingConfig config, Model model, ShapesVqaNet net, Map<String, Double> metrics, Instant createdAt) {
        this.config = Objects.requireNonNull(config);
        this.model = Objects.requireNonNull(model);
        this.net = Objects.requireNonNull(net);
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** The config it was trained with. */
    public TrainingConfig config() {
        return config;
    }

    /** The DJL model; its block is {@link #net()}. */
    public Model model() {
        return model;
    }

    /** The network with trained parameters. */
    public ShapesVqaNet net() {
        return net;
    }

    /** The metrics in a fixed order: see {@link ShapesVqaTrainer} for their definitions. */
    public Map<String, Double> metrics() {
        return metrics;
    }

    /** When training finished. */
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public void close() {
        model.close();
    }
}
