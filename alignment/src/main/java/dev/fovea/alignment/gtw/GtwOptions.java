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
 * @param smoothness       \( \lambda \ge 0 \), the weight of the temporal regulariser
 *                         \( \lambda (l - 1)^4 \sum_i \sum_s (\Delta^2 u_i(s))^2 \) on the normalised warps (see
 *                         {@link GeneralizedTimeWarping}); 0 switches it off
 */
public record GtwOptions(int maxIterations, int gaussNewtonSteps, boolean canonical, double energy,
        double regularization, double smoothness) {

    /**
     * The default \( \lambda = 3 \cdot 10^{-3} \) of {@link #canonicalDefaults()} and {@link #temporalDefaults()}:
     * Fovea's choice, the best of \( \{0, 10^{-4}, 10^{-3}, 3 \cdot 10^{-3}, 10^{-2}, 3 \cdot 10^{-2}, 10^{-1}\} \)
     * for GCTW on spiral seeds 100–199 ({@link dev.fovea.alignment.synthetic.SpiralSequences}; the documented
     * benchmark uses seeds 0–99); not a value from the paper.
     */
    public static final double DEFAULT_SMOOTHNESS = 3e-3;

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
        if (!(smoothness >= 0) || smoothness == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("smoothness must be finite and >= 0, got " + smoothness);
        }
    }

    /** These options with another smoothness weight \( \lambda \). */
    public GtwOptions withSmoothness(double lambda) {
        return new GtwOptions(maxIterations, gaussNewtonSteps, canonical, energy, regularization, lambda);
    }

    /**
     * GCTW: 10 outer iterations of 10 Gauss–Newton steps, energy 0.95, ridge \( 10^{-6} \), smoothness
     * {@link #DEFAULT_SMOOTHNESS}.
     */
    public static GtwOptions canonicalDefaults() {
        return new GtwOptions(10, 10, true, 0.95, 1e-6, DEFAULT_SMOOTHNESS);
    }

    /** GTW in the input space: 1 outer iteration of 50 Gauss–Newton steps, smoothness {@link #DEFAULT_SMOOTHNESS}. */
    public static GtwOptions temporalDefaults() {
        return new GtwOptions(1, 50, false, 0.95, 1e-6, DEFAULT_SMOOTHNESS);
    }
}
