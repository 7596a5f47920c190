package dev.fovea.training;

/**
 * Progress after one optimizer step.
 *
 * @param step  the step just finished, 1 to {@code steps}
 * @param steps the total number of steps
 * @param loss  the mean cross-entropy of that step's batch (nats)
 */
public record TrainingProgress(int step, int steps, double loss) {

    /** The finished fraction, in \( (0, 1] \). */
    public double fraction() {
        return (double) step / steps;
    }
}
