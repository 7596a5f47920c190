package dev.fovea.alignment.cca;

/**
 * How many canonical components {@link CanonicalCorrelation} keeps.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface CcaDimension permits CcaDimension.Fixed, CcaDimension.Energy {

    /**
     * Exactly {@code components} components (fewer if the smallest set has fewer channels).
     *
     * @throws IllegalArgumentException if {@code components} &lt; 1
     */
    static CcaDimension fixed(int components) {
        return new Fixed(components);
    }

    /**
     * The fewest leading components whose positive canonical correlations sum to at least {@code fraction} of the
     * sum of all positive canonical correlations (the "energy" rule of Zhou &amp; De la Torre's CTW code).
     *
     * @throws IllegalArgumentException unless \( 0 &lt; \) {@code fraction} \( \le 1 \)
     */
    static CcaDimension energy(double fraction) {
        return new Energy(fraction);
    }

    /** @param components \( \ge 1 \) */
    record Fixed(int components) implements CcaDimension {
        public Fixed {
            if (components < 1) {
                throw new IllegalArgumentException("components must be >= 1, got " + components);
            }
        }
    }

    /** @param fraction in \( (0, 1] \) */
    record Energy(double fraction) implements CcaDimension {
        public Energy {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("energy must be in (0, 1], got " + fraction);
            }
        }
    }
}
