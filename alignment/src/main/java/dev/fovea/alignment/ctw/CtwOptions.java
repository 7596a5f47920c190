package dev.fovea.alignment.ctw;

/**
 * The settings of {@link CanonicalTimeWarping}.
 *
 * @param maxIterations  the most alternations of CCA and DTW, \( \ge 1 \)
 * @param energy         the fraction \( (0, 1] \) of canonical-correlation energy that fixes the dimension at the first
 *                       iteration (see {@link dev.fovea.alignment.cca.CcaDimension#energy})
 * @param regularization \( r \ge 0 \), CCA's ridge relative to each set's mean variance; 0 keeps exact invariance to
 *                       affine maps but needs full-rank warped sequences
 * @param pathTolerance  stop when the path moves by at most this many frames ({@link PathDeviation#between}),
 *                       \( \ge 0 \); 0 stops only when the path is unchanged
 */
public record CtwOptions(int maxIterations, double energy, double regularization, double pathTolerance) {

    /** @throws IllegalArgumentException naming the first out-of-range setting and its value */
    public CtwOptions {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(energy > 0 && energy <= 1)) {
            throw new IllegalArgumentException("energy must be in (0, 1], got " + energy);
        }
        if (!(regularization >= 0) || regularization == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("regularization must be finite and >= 0, got " + regularization);
        }
        if (!(pathTolerance >= 0) || pathTolerance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("pathTolerance must be finite and >= 0, got " + pathTolerance);
        }
    }

    /** Zhou &amp; De la Torre's defaults as Fovea reads them: 20 iterations, energy 0.95, \( r = 10^{-6} \), tolerance 0. */
    public static CtwOptions defaults() {
        return new CtwOptions(20, 0.95, 1e-6, 0.0);
    }
}
