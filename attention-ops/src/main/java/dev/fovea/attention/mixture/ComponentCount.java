package dev.fovea.attention.mixture;

/**
 * How many mixture components a fit may use: exactly \( K \), or the best \( K \le K_{\max} \) by the penalised
 * likelihood of {@link MixtureSelection}.
 */
public sealed interface ComponentCount {

    /**
     * Exactly \( K \) components.
     *
     * @throws IllegalArgumentException if \( K &lt; 1 \) ({@code "components must be >= 1, got 0"})
     */
    static ComponentCount exactly(int components) {
        return new Exactly(components);
    }

    /**
     * Every \( K = 1, \dots, K_{\max} \) is fitted and the one of least criterion kept.
     *
     * @throws IllegalArgumentException if \( K_{\max} &lt; 1 \) ({@code "maxComponents must be >= 1, got 0"})
     */
    static ComponentCount atMost(int maxComponents) {
        return new AtMost(maxComponents);
    }

    /** The largest \( K \) this count allows. */
    int largest();

    /**
     * Exactly \( K \) components.
     *
     * @param components \( K \ge 1 \)
     */
    record Exactly(int components) implements ComponentCount {

        /** @throws IllegalArgumentException if {@code components < 1} */
        public Exactly {
            if (components < 1) {
                throw new IllegalArgumentException("components must be >= 1, got " + components);
            }
        }

        @Override
        public int largest() {
            return components;
        }
    }

    /**
     * Model selection over \( K = 1, \dots, K_{\max} \).
     *
     * @param maxComponents \( K_{\max} \ge 1 \)
     */
    record AtMost(int maxComponents) implements ComponentCount {

        /** @throws IllegalArgumentException if {@code maxComponents < 1} */
        public AtMost {
            if (maxComponents < 1) {
                throw new IllegalArgumentException("maxComponents must be >= 1, got " + maxComponents);
            }
        }

        @Override
        public int largest() {
            return maxComponents;
        }
    }
}
