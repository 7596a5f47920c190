package dev.fovea.training;

/**
 * Training produced a non-finite loss: the model is discarded rather than saved with NaN parameters or metrics.
 */
public final class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient TrainingConfig config;
    private final int step;

    TrainingDivergedException(TrainingConfig config, int step, double loss) {
        super("training " + config.name() + " (" + config.attentionKind().id() + ", dataset seed "
                + config.datasetSeed() + ") diverged at step " + (step + 1) + " of " + config.steps() + ": loss "
                + loss + "; try a lower learning rate than " + config.learningRate() + " or another seed");
        this.config = config;
        this.step = step;
    }

    /** The configuration that diverged. */
    public TrainingConfig config() {
        return config;
    }

    /** The 0-based step whose loss was not finite. */
    public int step() {
        return step;
    }
}
