package dev.fovea.attention.mixture;

import dev.fovea.math.Finite;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Starting points for {@link WeightedEm}.
 *
 * <ul>
 *   <li>{@link #kMeansPlusPlus}: weighted k-means++ seeding (Arthur &amp; Vassilvitskii 2007, "k-means++: The
 *       Advantages of Careful Seeding", with each point's probability multiplied by its weight). The first mean is
 *       the point \( x_\ell \) drawn with probability \( w_\ell / W \); every further mean is drawn with probability
 *       \( \propto w_\ell D(x_\ell)^2 \), \( D \) = the distance to the nearest mean drawn so far. If that total is
 *       0 (every weighted point coincides with a drawn mean, possible only with repeated points) the draw falls back
 *       to \( \propto w_\ell \). Weights \( \pi_k = 1/K \); every covariance is the <em>unweighted</em> covariance of
 *       all points plus \( \varepsilon I \), the spread of the whole domain, which does not depend on the weights:
 *       the starting mixture depends on \( w \) only through the discrete draws, so the gradient of the unrolled EM
 *       with the start held fixed is the gradient of the whole fit wherever the draws do not change.</li>
 *   <li>{@link #fromMeans}: given means, weights \( 1/K \), covariances \( 0.001\, I \) (the authors' starting
 *       covariance for the unit square; it is a constant in the coordinates of the points, so on other scales pass
 *       your own mixture to {@link WeightedEm#run}).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; the random source is the caller's.
 */
public final class MixtureInitialisation {

    /** The starting variance of {@link #fromMeans}: \( \Sigma_k = 0.001\, I \). */
    public static final double MEANS_VARIANCE = 0.001;

    private MixtureInitialisation() {
    }

    /**
     * Weighted k-means++ seeding; see the class comment.
     *
     * @param points          \( [L][2] \), finite
     * @param weights         length \( L \), finite, \( \ge 0 \), positive sum
     * @param components      \( K \), at least 1 and at most the number of points with positive weight
     * @param covarianceFloor \( \varepsilon \ge 0 \), added to the starting covariances
     * @param random          the random source; advanced by \( K \) draws
     * @return the starting mixture
     * @throws IllegalArgumentException if an argument is out of range
     *                                  ({@code "components 5 exceeds the 3 points with positive weight"})
     * @throws ArithmeticException      if the covariance of the points plus \( \varepsilon I \) is singular
     *                                  (collinear points and \( \varepsilon = 0 \))
     */
    public static GaussianMixture2 kMeansPlusPlus(double[][] points, double[] weights, int components,
            double covarianceFloor, SplittableRandom random) {
        WeightedPoints data = WeightedPoints.of(points, weights);
        WeightedEm.checkFloor(covarianceFloor);
        return kMeansPlusPlus(data, components, covarianceFloor, random).toMixture();
    }

    static ComponentArrays kMeansPlusPlus(WeightedPoints data, int components, double floor, SplittableRandom random) {
        Objects.requireNonNull(random, "random must not be null");
        if (components < 1) {
            throw new IllegalArgumentException("components must be >= 1, got " + components);
        }
        if (components > data.positive) {
            throw new IllegalArgumentException("components " + components + " exceeds the " + data.positive
                    + " points with positive weight");
        }
        int n = data.size();
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        ComponentArrays c = new ComponentArrays(components);
        double[] spread = pointCovariance(data, floor);
        for (int k = 0; k < components; k++) {
            double total = 0.0;
            for (int l = 0; l < n; l++) {
                total += k == 0 ? data.w[l] : data.w[l] * nearest[l];
            }
            boolean byDistance = k > 0 && total > 0.0;
            if (!byDistance) {
                total = data.total;
            }
            int chosen = draw(data, nearest, byDistance, total * random.nextDouble());
            double mx = data.x[chosen];
            double my = data.y[chosen];
            c.set(k, 1.0 / components, mx, my, spread[0], spread[1], spread[2]);
            for (int l = 0; l < n; l++) {
                double dx = data.x[l] - mx;
                double dy = data.y[l] - my;
                nearest[l] = Math.min(nearest[l], dx * dx + dy * dy);
            }
        }
        return c;
    }

    /** The first index whose cumulative mass exceeds {@code target}; the last index with mass if rounding runs out. */
    private static int draw(WeightedPoints data, double[] nearest, boolean byDistance, double target) {
        double cumulative = 0.0;
        int last = -1;
        for (int l = 0; l < data.size(); l++) {
            double mass = byDistance ? data.w[l] * nearest[l] : data.w[l];
            if (mass > 0.0) {
                cumulative += mass;
                last = l;
                if (cumulative > target) {
                    return l;
                }
            }
        }
        return last;
    }

    /** \( \frac1L \sum_\ell (x_\ell - \bar x)(x_\ell - \bar x)^\top + \varepsilon I \) as {@code {xx, xy, yy}}. */
    private static double[] pointCovariance(WeightedPoints data, double floor) {
        int n = data.size();
        double mx = 0.0;
        double my = 0.0;
        for (int l = 0; l < n; l++) {
            mx += data.x[l];
            my += data.y[l];
        }
        mx /= n;
        my /= n;
        double xx = 0.0;
        double xy = 0.0;
        double yy = 0.0;
        for (int l = 0; l < n; l++) {
            double dx = data.x[l] - mx;
            double dy = data.y[l] - my;
            xx += dx * dx;
            xy += dx * dy;
            yy += dy * dy;
        }
        xx = xx / n + floor;
        xy = xy / n;
        yy = yy / n + floor;
        if (!WeightedEm.wellConditioned(xx, xy, yy)) {
            throw new ArithmeticException("the points' covariance plus covarianceFloor " + floor + " is numerically "
                    + "singular: [["
                    + xx + ", " + xy + "], [" + xy + ", " + yy + "]] (collinear points): use a covarianceFloor > 0");
        }
        return new double[] {xx, xy, yy};
    }

    /**
     * The starting mixture with the given means, weights \( 1/K \) and covariances {@link #MEANS_VARIANCE}
     * \( \cdot I \).
     *
     * @param means \( [K][2] \), finite, \( K \ge 1 \)
     * @throws IllegalArgumentException if {@code means} is empty, a row does not have 2 entries or an entry is not
     *                                  finite ({@code "initialMeans must be finite, got NaN at [1, 0]"})
     */
    public static GaussianMixture2 fromMeans(double[][] means) {
        return fromMeansArrays(means).toMixture();
    }

    static ComponentArrays fromMeansArrays(double[][] means) {
        Objects.requireNonNull(means, "initialMeans must not be null");
        if (means.length == 0) {
            throw new IllegalArgumentException("initialMeans must have at least one row, got none");
        }
        for (int k = 0; k < means.length; k++) {
            Objects.requireNonNull(means[k], "initialMeans[" + k + "] must not be null");
            if (means[k].length != 2) {
                throw new IllegalArgumentException(
                        "initialMeans[" + k + "] has " + means[k].length + " coordinates, expected 2");
            }
        }
        Finite.check("initialMeans", means);
        ComponentArrays c = new ComponentArrays(means.length);
        for (int k = 0; k < means.length; k++) {
            c.set(k, 1.0 / means.length, means[k][0], means[k][1], MEANS_VARIANCE, 0.0, MEANS_VARIANCE);
        }
        return c;
    }
}
