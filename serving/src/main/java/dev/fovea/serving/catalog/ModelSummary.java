package dev.fovea.serving.catalog;

import java.time.Instant;
import java.util.Map;

/**
 * What the platform knows about one trained model version, as read from the catalog.
 *
 * @param name          model name, {@code [a-z0-9][a-z0-9-]*}
 * @param version       version number, from 1
 * @param attentionKind attention kind id, e.g. {@code discrete-softmax}
 * @param datasetSeed   seed of the synthetic dataset it was trained on
 * @param steps         optimisation steps it was trained for
 * @param createdAt     when training finished
 * @param metrics       evaluation metrics by name (loss, accuracy, attentionOnRelevant), sorted by name
 */
public record ModelSummary(String name, int version, String attentionKind, long datasetSeed, int steps,
        Instant createdAt, Map<String, Double> metrics) {

    public ModelSummary {
        metrics = Map.copyOf(metrics);
    }

    /** {@code name:version}, how the UI and logs show a model. */
    public String label() {
        return name + ":" + version;
    }

    static ModelSummary of(ModelRecord r) {
        return new ModelSummary(r.name(), r.version(), r.attentionKind(), r.datasetSeed(), r.steps(), r.createdAt(),
                r.metrics());
    }
}
