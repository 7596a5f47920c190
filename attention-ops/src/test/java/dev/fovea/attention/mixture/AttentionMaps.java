package dev.fovea.attention.mixture;

import dev.fovea.attention.continuous.Gaussian2;
import dev.fovea.attention.continuous.UnitSquareGrid;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.List;
import java.util.SplittableRandom;

/** Attention maps on a 14×14 grid with known structure, the test data of the mixture package. */
final class AttentionMaps {

    static final int SIDE = 14;
    static final double[][] POINTS = UnitSquareGrid.of(SIDE).centres();

    /** Two well-separated, anisotropic, correlated blobs with weights 0.6 and 0.4 (4.5 or more σ from every edge). */
    static final GaussianMixture2 BIMODAL = GaussianMixture2.of(List.of(
            MixtureComponent.of(0.6, Gaussian2.of(0.3, 0.3, SymmetricMatrix2.of(0.004, 0.001, 0.003))),
            MixtureComponent.of(0.4, Gaussian2.of(0.72, 0.68, SymmetricMatrix2.of(0.003, -0.0008, 0.005)))));

    /** One broad correlated blob. */
    static final GaussianMixture2 UNIMODAL = GaussianMixture2.of(List.of(
            MixtureComponent.of(1.0, Gaussian2.of(0.45, 0.55, SymmetricMatrix2.of(0.02, 0.005, 0.015)))));

    /** Isotropic blobs of standard deviation 0.05 at (0.25, 0.25) and (0.75, 0.75). */
    static final GaussianMixture2 CORNERS = GaussianMixture2.of(List.of(
            MixtureComponent.of(0.5, Gaussian2.of(0.25, 0.25, SymmetricMatrix2.diagonal(0.0025, 0.0025))),
            MixtureComponent.of(0.5, Gaussian2.of(0.75, 0.75, SymmetricMatrix2.diagonal(0.0025, 0.0025)))));

    /** Three blobs of different widths. */
    static final GaussianMixture2 TRIMODAL = GaussianMixture2.of(List.of(
            MixtureComponent.of(0.5, Gaussian2.of(0.25, 0.7, SymmetricMatrix2.of(0.006, 0.002, 0.004))),
            MixtureComponent.of(0.3, Gaussian2.of(0.7, 0.75, SymmetricMatrix2.diagonal(0.002, 0.003))),
            MixtureComponent.of(0.2, Gaussian2.of(0.6, 0.25, SymmetricMatrix2.of(0.01, -0.003, 0.004)))));

    private AttentionMaps() {
    }

    /** \( w_\ell \propto p(x_\ell) \) at the cell centres, normalised to sum 1. */
    static double[] weights(GaussianMixture2 mixture) {
        double[] w = new double[POINTS.length];
        double total = 0;
        for (int l = 0; l < w.length; l++) {
            w[l] = mixture.density(POINTS[l][0], POINTS[l][1]);
            total += w[l];
        }
        for (int l = 0; l < w.length; l++) {
            w[l] /= total;
        }
        return w;
    }

    /** A softmax of random scores: an attention map with no structure at all. */
    static double[] noise(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[POINTS.length];
        double total = 0;
        for (int l = 0; l < w.length; l++) {
            w[l] = Math.exp(3 * random.nextDouble());
            total += w[l];
        }
        for (int l = 0; l < w.length; l++) {
            w[l] /= total;
        }
        return w;
    }

    /** \( (\pi_k, \mu_{kx}, \mu_{ky}, \Sigma_{kxx}, \Sigma_{kxy}, \Sigma_{kyy}) \) of every component, flattened. */
    static double[] parameters(GaussianMixture2 mixture) {
        return parameters(mixture.components());
    }

    /** The same for a list of components. */
    static double[] parameters(List<MixtureComponent> components) {
        double[] flat = new double[6 * components.size()];
        for (int k = 0; k < components.size(); k++) {
            MixtureComponent c = components.get(k);
            SymmetricMatrix2 s = c.density().covariance();
            System.arraycopy(new double[] {c.weight(), c.density().meanX(), c.density().meanY(), s.xx(), s.xy(), s.yy()},
                    0, flat, 6 * k, 6);
        }
        return flat;
    }

    /** The structured maps followed by two noise maps. */
    static List<double[]> all() {
        return List.of(weights(BIMODAL), weights(UNIMODAL), weights(CORNERS), weights(TRIMODAL), noise(1), noise(2));
    }
}
