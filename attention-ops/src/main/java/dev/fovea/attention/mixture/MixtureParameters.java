package dev.fovea.attention.mixture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.continuous.Gaussian2;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A batch of \( B \) Gaussian mixtures with \( K \) components each, as NDArrays: the state of the differentiable EM
 * {@link MixtureEm}.
 *
 * <p>A mixture with fewer than \( K \) components is padded with components of weight exactly 0 (see
 * {@link #of(NDManager, DataType, List, int)}); EM keeps them empty, so one batched run serves maps that selected
 * different \( K \). Only shapes and data types are checked here (values stay on the device).
 *
 * @param mixingWeights \( \pi \), \( [B, K] \), rows \( \ge 0 \) summing to 1
 * @param means         \( \mu \), \( [B, K, 2] \)
 * @param covariances   \( \Sigma \), \( [B, K, 2, 2] \), symmetric positive definite
 */
public record MixtureParameters(NDArray mixingWeights, NDArray means, NDArray covariances) {

    /**
     * @throws IllegalArgumentException if the shapes or data types do not fit together
     *                                  ({@code "means must have shape (2, 3, 2), got (2, 4, 2)"})
     */
    public MixtureParameters {
        Objects.requireNonNull(mixingWeights, "mixingWeights must not be null");
        Objects.requireNonNull(means, "means must not be null");
        Objects.requireNonNull(covariances, "covariances must not be null");
        Shape w = mixingWeights.getShape();
        if (w.dimension() != 2) {
            throw new IllegalArgumentException("mixingWeights must have shape (B, K), got " + w);
        }
        Shape expectedMeans = new Shape(w.get(0), w.get(1), 2);
        if (!means.getShape().equals(expectedMeans)) {
            throw new IllegalArgumentException("means must have shape " + expectedMeans + ", got " + means.getShape());
        }
        Shape expectedCovariances = new Shape(w.get(0), w.get(1), 2, 2);
        if (!covariances.getShape().equals(expectedCovariances)) {
            throw new IllegalArgumentException(
                    "covariances must have shape " + expectedCovariances + ", got " + covariances.getShape());
        }
        if (!mixingWeights.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "mixingWeights must have a floating-point data type, got " + mixingWeights.getDataType());
        }
        if (means.getDataType() != mixingWeights.getDataType()
                || covariances.getDataType() != mixingWeights.getDataType()) {
            throw new IllegalArgumentException("mixingWeights, means and covariances must share a data type, got "
                    + mixingWeights.getDataType() + ", " + means.getDataType() + ", " + covariances.getDataType());
        }
    }

    /** \( B \). */
    public long batchSize() {
        return mixingWeights.getShape().get(0);
    }

    /** \( K \). */
    public long componentCount() {
        return mixingWeights.getShape().get(1);
    }

    /**
     * The batch of the given mixtures, each padded to {@code components} with components of weight 0, mean
     * \( (0, 0) \) and covariance \( I \) (finite values that stay unused).
     *
     * @param mixtures   \( B \ge 1 \) mixtures of at most {@code components} components
     * @param components \( K \)
     * @throws IllegalArgumentException if a mixture has more than {@code components} components or the list is empty
     */
    public static MixtureParameters of(NDManager manager, DataType type, List<GaussianMixture2> mixtures,
            int components) {
        Objects.requireNonNull(mixtures, "mixtures must not be null");
        if (mixtures.isEmpty()) {
            throw new IllegalArgumentException("mixtures must not be empty");
        }
        int b = mixtures.size();
        double[] pi = new double[b * components];
        double[] mu = new double[b * components * 2];
        double[] sigma = new double[b * components * 4];
        for (int i = 0; i < b; i++) {
            GaussianMixture2 mixture = mixtures.get(i);
            if (mixture.size() > components) {
                throw new IllegalArgumentException("mixtures[" + i + "] has " + mixture.size() + " components, more than "
                        + components);
            }
            for (int k = 0; k < components; k++) {
                int at = i * components + k;
                if (k < mixture.size()) {
                    MixtureComponent c = mixture.component(k);
                    SymmetricMatrix2 s = c.density().covariance();
                    pi[at] = c.weight();
                    mu[2 * at] = c.density().meanX();
                    mu[2 * at + 1] = c.density().meanY();
                    sigma[4 * at] = s.xx();
                    sigma[4 * at + 1] = s.xy();
                    sigma[4 * at + 2] = s.xy();
                    sigma[4 * at + 3] = s.yy();
                } else {
                    sigma[4 * at] = 1.0;
                    sigma[4 * at + 3] = 1.0;
                }
            }
        }
        return new MixtureParameters(
                manager.create(pi, new Shape(b, components)).toType(type, false),
                manager.create(mu, new Shape(b, components, 2)).toType(type, false),
                manager.create(sigma, new Shape(b, components, 2, 2)).toType(type, false));
    }

    /**
     * Row \( b \) copied to the host as a {@link GaussianMixture2} (all \( K \) components, padding included; the
     * weights divided by their sum, which float32 rounds away from 1 by more than
     * {@link GaussianMixture2#WEIGHT_SUM_TOLERANCE}; the off-diagonal is the mean of the two stored entries).
     *
     * @throws IllegalArgumentException if the row is not a valid mixture (weights off the simplex, covariance not
     *                                  positive definite)
     */
    public GaussianMixture2 mixture(int b) {
        int k = Math.toIntExact(componentCount());
        double[] pi = mixingWeights.get(b).toType(DataType.FLOAT64, false).toDoubleArray();
        double[] mu = means.get(b).toType(DataType.FLOAT64, false).toDoubleArray();
        double[] sigma = covariances.get(b).toType(DataType.FLOAT64, false).toDoubleArray();
        double sum = 0.0;
        for (double v : pi) {
            sum += v;
        }
        List<MixtureComponent> components = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            components.add(MixtureComponent.of(Math.min(1.0, pi[j] / sum), Gaussian2.of(mu[2 * j], mu[2 * j + 1],
                    SymmetricMatrix2.of(sigma[4 * j], 0.5 * (sigma[4 * j + 1] + sigma[4 * j + 2]), sigma[4 * j + 3]))));
        }
        return GaussianMixture2.of(components);
    }
}
