package dev.fovea.attention.mixture;

import dev.fovea.attention.continuous.Gaussian2;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a mixture as parallel arrays, mutated in place by the EM loop of {@link WeightedEm}: weights
 * \( \pi_k \), means \( (\mu_{kx}, \mu_{ky}) \) and covariance entries \( (\Sigma_{kxx}, \Sigma_{kxy}, \Sigma_{kyy}) \).
 * Converted to and from the immutable {@link GaussianMixture2} at the edges only.
 */
final class ComponentArrays {

    final double[] weight;
    final double[] meanX;
    final double[] meanY;
    final double[] xx;
    final double[] xy;
    final double[] yy;

    ComponentArrays(int k) {
        weight = new double[k];
        meanX = new double[k];
        meanY = new double[k];
        xx = new double[k];
        xy = new double[k];
        yy = new double[k];
    }

    static ComponentArrays of(GaussianMixture2 mixture) {
        ComponentArrays arrays = new ComponentArrays(mixture.size());
        for (int k = 0; k < mixture.size(); k++) {
            MixtureComponent c = mixture.component(k);
            SymmetricMatrix2 s = c.density().covariance();
            arrays.set(k, c.weight(), c.density().meanX(), c.density().meanY(), s.xx(), s.xy(), s.yy());
        }
        return arrays;
    }

    int size() {
        return weight.length;
    }

    void set(int k, double w, double mx, double my, double sxx, double sxy, double syy) {
        weight[k] = w;
        meanX[k] = mx;
        meanY[k] = my;
        xx[k] = sxx;
        xy[k] = sxy;
        yy[k] = syy;
    }

    ComponentArrays copy() {
        ComponentArrays c = new ComponentArrays(size());
        for (int k = 0; k < size(); k++) {
            c.set(k, weight[k], meanX[k], meanY[k], xx[k], xy[k], yy[k]);
        }
        return c;
    }

    /** The immutable mixture (validates the weights and that every covariance is positive definite). */
    GaussianMixture2 toMixture() {
        List<MixtureComponent> components = new ArrayList<>(size());
        for (int k = 0; k < size(); k++) {
            components.add(MixtureComponent.of(Math.min(1.0, weight[k]),
                    Gaussian2.of(meanX[k], meanY[k], SymmetricMatrix2.of(xx[k], xy[k], yy[k]))));
        }
        return GaussianMixture2.of(components);
    }
}
