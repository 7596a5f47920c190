package dev.fovea.alignment.gtw;

/**
 * The settings of {@link GeneralizedTimeWarping}.
 *
 * @param maxIterations    outer iterations, \( \ge 1 \); each runs the spatial step (if {@code canonical}) and then
 *                         {@code gaussNewtonSteps} temporal steps
 * @param gaussNewtonSteps damped Gauss–Newton steps on the warps per outer iteration, \( \ge 1 \)
 * @param canonical        true for GCTW (a multi-set CCA projection of each sequence, sequences may differ in
 *                         channels); false for GTW (the sequences are compared as they are and must share channels)
 * @param energy           the kept fraction of canonical-correlation energy at the first iteration, \( (0, 1] \)
 * @param regularization   CCA's relative ridge, \( \ge 0 \)
 */
public record GtwOptions(int maxIterations, int gaussNewtonSteps, boolean canonical, double energy,
        double regularization) {

    /** @throws IllegalArgumentException naming the first out-of-range setting and its value */
    public GtwOptions {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (gaussNewtonSteps < 1) {
            throw new IllegalArgumentException("gaussNewtonSteps must be >= 1, got " + gaussNewtonSteps);
        }
        if (!(energy > 0 && energy <= 1)) {
            throw new IllegalArgumentException("energy must be in (0, 1], got " + energy);
        }
        if (!(regularization >= 0) || regularization == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("regularization must be finite and >= 0, got " + regularization);
        }
    }

    /** GCTW: 10 outer iterations of 10 Gauss–Newton steps, energy 0.95, ridge \( 10^{-6} \). */
    public static GtwOptions canonicalDefaults() {
        return new GtwOptions(10, 10, true, 0.95, 1e-6);
    }

    /** GTW in the input space: 1 outer iteration of 50 Gauss–Newton steps. */
    public static GtwOptions temporalDefaults() {
        return new GtwOptions(1, 50, false, 0.95, 1e-6);
    }
}
