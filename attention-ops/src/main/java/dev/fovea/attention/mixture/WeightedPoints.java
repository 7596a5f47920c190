package dev.fovea.attention.mixture;

import java.util.Objects;

/**
 * The data of weighted EM after validation: points \( x_\ell = (x, y) \) with weights \( w_\ell \ge 0 \), stored as
 * three parallel arrays so that the E- and M-step loops read them without indirection.
 *
 * <p>Weights need not sum to 1 here (the finite-difference checks perturb them one at a time); their total
 * \( W = \sum_\ell w_\ell \) must be positive.
 */
final class WeightedPoints {

    final double[] x;
    final double[] y;
    final double[] w;
    /** \( W = \sum_\ell w_\ell \). */
    final double total;
    /** The number of points with \( w_\ell &gt; 0 \). */
    final int positive;

    private WeightedPoints(double[] x, double[] y, double[] w, double total, int positive) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.total = total;
        this.positive = positive;
    }

    /**
     * Copies and checks points and weights.
     *
     * @param points  \( [L][2] \), finite, \( L \ge 1 \)
     * @param weights length \( L \), finite and \( \ge 0 \), positive total
     * @throws IllegalArgumentException naming the field and the first offending index
     */
    static WeightedPoints of(double[][] points, double[] weights) {
        Objects.requireNonNull(points, "points must not be null");
        Objects.requireNonNull(weights, "weights must not be null");
        int n = points.length;
        if (n == 0) {
            throw new IllegalArgumentException("points must not be empty");
        }
        if (weights.length != n) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries, points has " + n);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        double total = 0.0;
        int positive = 0;
        for (int l = 0; l < n; l++) {
            double[] point = points[l];
            if (point == null) {
                throw new NullPointerException("points[" + l + "] must not be null");
            }
            if (point.length != 2) {
                throw new IllegalArgumentException("points[" + l + "] has " + point.length + " coordinates, expected 2");
            }
            if (!Double.isFinite(point[0]) || !Double.isFinite(point[1])) {
                throw new IllegalArgumentException("points must be finite, got [" + point[0] + ", " + point[1]
                        + "] at [" + l + "]");
            }
            if (!(weights[l] >= 0.0) || weights[l] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + weights[l] + " at [" + l + "]");
            }
            x[l] = point[0];
            y[l] = point[1];
            w[l] = weights[l];
            total += weights[l];
            positive += weights[l] > 0.0 ? 1 : 0;
        }
        if (!(total > 0.0) || !Double.isFinite(total)) {
            throw new IllegalArgumentException("weights must have a positive finite sum, got " + total);
        }
        return new WeightedPoints(x, y, w, total, positive);
    }

    int size() {
        return w.length;
    }
}
