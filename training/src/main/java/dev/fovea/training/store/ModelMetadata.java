package dev.fovea.training.store;

import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.vqa.AttentionKind;
import dev.fovea.training.TrainingConfig;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the store knows about one saved model version; written next to the parameters as {@code model.json}.
 *
 * @param name          the model name, {@link TrainingConfig#NAME_PATTERN}
 * @param version       the version, \( \ge 1 \), assigned by {@link ModelStore#save}
 * @param attentionKind the attention the network uses
 * @param metrics       metrics in a fixed order (see {@code ShapesVqaTrainer}); finite values; copied, unmodifiable
 * @param datasetSeed   the seed of the training data and initialisation
 * @param steps         the optimizer steps trained, \( \ge 1 \)
 * @param dataset       the dataset geometry, which also fixes the network's input and output sizes
 * @param createdAt     when training finished
 */
public record ModelMetadata(String name, int version, AttentionKind attentionKind, Map<String, Double> metrics,
        long datasetSeed, int steps, ShapesConfig dataset, Instant createdAt) {

    /**
     * @throws IllegalArgumentException naming the field that is invalid, with its value
     */
    public ModelMetadata {
        TrainingConfig.requireValidName(name);
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
        Objects.requireNonNull(attentionKind, "attentionKind must not be null");
        Objects.requireNonNull(metrics, "metrics must not be null");
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            if (metric.getKey() == null || metric.getValue() == null || !Double.isFinite(metric.getValue())) {
                throw new IllegalArgumentException("metrics must have names and finite values, got "
                        + metric.getKey() + " = " + metric.getValue());
            }
        }
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        Objects.requireNonNull(dataset, "dataset must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
    }
}
