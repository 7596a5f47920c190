package dev.fovea.training;

import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.vqa.AttentionKind;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to train: a named shapes-VQA model with one attention kind, trained with Adam on batches generated on the fly.
 *
 * <p>Training is a pure function of this record: the dataset seed also seeds the parameter initialisation.
 *
 * @param name          the model's name in the store: {@code [a-z0-9][a-z0-9-]{0,62}}
 * @param attentionKind the attention over grid cells
 * @param steps         optimizer steps, 1 to 100,000 (default {@value #DEFAULT_STEPS})
 * @param batchSize     examples per step, 1 to 1,024 (default {@value #DEFAULT_BATCH_SIZE})
 * @param learningRate  Adam's learning rate, in \( (0, 1] \) (default {@value #DEFAULT_LEARNING_RATE})
 * @param datasetSeed   seed of the generated dataset and of the initialisation
 * @param dataset       the dataset geometry
 */
public record TrainingConfig(String name, AttentionKind attentionKind, int steps, int batchSize, double learningRate,
        long datasetSeed, ShapesConfig dataset) {

    /** Default number of steps. */
    public static final int DEFAULT_STEPS = 300;
    /** Default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** Default Adam learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 3e-3;
    /** Valid model names: lower-case letters, digits and dashes, 1 to 63 characters, not starting with a dash. */
    public static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** Training examples have indices below this bound; held-out examples start at it. */
    static final int HELD_OUT_START = 1 << 30;

    /**
     * @throws IllegalArgumentException naming the field that is invalid, with its value
     */
    public TrainingConfig {
        requireValidName(name);
        Objects.requireNonNull(attentionKind, "attentionKind must not be null");
        Objects.requireNonNull(dataset, "dataset must not be null");
        if (steps < 1 || steps > 100_000) {
            throw new IllegalArgumentException("steps must be in 1..100000, got " + steps);
        }
        if (batchSize < 1 || batchSize > 1024) {
            throw new IllegalArgumentException("batchSize must be in 1..1024, got " + batchSize);
        }
        if (!(learningRate > 0.0 && learningRate <= 1.0)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], got " + learningRate);
        }
    }

    /**
     * The defaults ({@value #DEFAULT_STEPS} steps, batches of {@value #DEFAULT_BATCH_SIZE}, learning rate
     * {@value #DEFAULT_LEARNING_RATE}, {@link ShapesConfig#DEFAULT}) for everything but name, attention and seed.
     *
     * @throws IllegalArgumentException if the name is invalid
     */
    public static TrainingConfig defaults(String name, AttentionKind attentionKind, long datasetSeed) {
        return new TrainingConfig(name, attentionKind, DEFAULT_STEPS, DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE,
                datasetSeed, ShapesConfig.DEFAULT);
    }

    /** This config with another number of steps. */
    public TrainingConfig withSteps(int newSteps) {
        return new TrainingConfig(name, attentionKind, newSteps, batchSize, learningRate, datasetSeed, dataset);
    }

    /** This config with another dataset seed. */
    public TrainingConfig withDatasetSeed(long newSeed) {
        return new TrainingConfig(name, attentionKind, steps, batchSize, learningRate, newSeed, dataset);
    }

    /**
     * Checks a model name against {@link #NAME_PATTERN}.
     *
     * @throws IllegalArgumentException {@code "name must match [a-z0-9][a-z0-9-]{0,62}, got 'Bad Name'"}
     */
    public static String requireValidName(String name) {
        if (name == null || !NAME_PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("name must match " + NAME_PATTERN.pattern() + ", got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }
}
