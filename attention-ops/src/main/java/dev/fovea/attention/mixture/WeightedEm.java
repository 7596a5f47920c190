package dev.fovea.attention.mixture;

import java.util.Arrays;
import java.util.Objects;

/**
 * Expectation–maximisation for a {@link GaussianMixture2} fitted to weighted points: the double kernel of multimodal
 * continuous attention (Farinhas, Martins &amp; Aguiar 2021, §3.1, EM on the attention weights of the image regions).
 *
 * <h2>The iteration</h2>
 * With points \( x_\ell \in \mathbb{R}^2 \), weights \( w_\ell \ge 0 \) (\( W = \sum_\ell w_\ell &gt; 0 \)) and the
 * current parameters \( \theta = (\pi_k, \mu_k, \Sigma_k)_{k=1}^K \), one iteration is one E-step followed by one
 * M-step:
 * <ul>
 *   <li>E-step, in log space: \( a_{\ell k} = \log \pi_k + \log \mathcal{N}(x_\ell; \mu_k, \Sigma_k) \),
 *       \( \log p(x_\ell) = m_\ell + \log \sum_k e^{a_{\ell k} - m_\ell} \) with \( m_\ell = \max_k a_{\ell k} \)
 *       (log-sum-exp), responsibilities \( r_{\ell k} = e^{a_{\ell k} - \log p(x_\ell)} \). The Mahalanobis term
 *       goes through the Cholesky factor of \( \Sigma_k \), so it is a sum of squares.</li>
 *   <li>M-step, weighted: \( N_k = \sum_\ell w_\ell r_{\ell k} \), \( \pi_k = N_k / W \),
 *       \( \mu_k = \frac{1}{N_k} \sum_\ell w_\ell r_{\ell k} x_\ell \),
 *       \( \Sigma_k = \frac{1}{N_k} \sum_\ell w_\ell r_{\ell k} (x_\ell - \mu_k)(x_\ell - \mu_k)^\top + \varepsilon I \)
 *       (centred with the new mean, in a second pass, so no cancellation).</li>
 * </ul>
 * {@code iterations} counts these E+M pairs exactly: {@code run(…, n, …)} performs \( n \) of them (the authors'
 * loop {@code while i <= n_iter} performs \( n + 1 \)). Points of weight 0 are skipped: they do not change any sum.
 *
 * <h2>Monotonicity and the covariance floor</h2>
 * Write \( \ell(\theta) = \sum_\ell w_\ell \log p_\theta(x_\ell) \).
 * <ul>
 *   <li>With \( \varepsilon = 0 \) the M-step is the exact maximiser of
 *       \( Q(\theta' \mid \theta) = \sum_{\ell,k} w_\ell r_{\ell k} [\log \pi'_k + \log \mathcal{N}(x_\ell; \mu'_k,
 *       \Sigma'_k)] \), and \( \ell(\theta') - \ell(\theta) \ge Q(\theta' \mid \theta) - Q(\theta \mid \theta) \ge 0 \)
 *       (Dempster, Laird &amp; Rubin 1977; non-negative weights only scale each point's term): \( \ell \) never
 *       decreases, up to rounding.</li>
 *   <li>With \( \varepsilon &gt; 0 \) the weights and means are still exact maximisers but \( S_k + \varepsilon I \) is
 *       not (\( S_k \) = the unfloored covariance). It loses
 *       \[ \Delta = \sum_k \frac{N_k}{2} \sum_{i=1,2} \Big[\log\big(1 + \tfrac{\varepsilon}{s_{ki}}\big)
 *          - \tfrac{\varepsilon}{s_{ki} + \varepsilon}\Big] \;\le\; \sum_k \frac{N_k}{4} \sum_i
 *          \big(\tfrac{\varepsilon}{s_{ki}}\big)^2 \]
 *       of \( Q \) (\( s_{ki} \) = eigenvalues of \( S_k \)), so \( \ell(\theta') \ge \ell(\theta) - \Delta \). The floor
 *       can therefore lower \( \ell \) exactly when the unfloored step would gain less than \( \Delta \): near a fixed
 *       point of EM (one floored step from the unfloored optimum always lowers \( \ell \)), or when a component is so
 *       tight that \( s_{ki} \) is comparable to \( \varepsilon \). With the default \( \varepsilon = 10^{-6} \) and
 *       components a few cells wide on the unit square, \( \Delta \) is of order \( 10^{-7} \).</li>
 * </ul>
 * Without a floor a component can collapse onto collinear points or a single point, where \( S_k \) is singular and
 * \( \ell \) unbounded; the kernel then throws {@link ArithmeticException} rather than return a degenerate density
 * (numerically singular: eigenvalue ratio below about \( 10^{-12} \), see {@link #wellConditioned}).
 *
 * <h2>Empty components</h2>
 * A component whose total responsibility \( N_k \) underflows to exactly 0 (e.g. an initial mean far from every
 * weighted point) gets \( \pi_k = 0 \) and keeps its mean and covariance (any value maximises \( Q \) then); a
 * component of weight 0 stays empty. The NDArray form {@link MixtureEm} does the same.
 *
 * <p>Stateless and thread-safe.
 */
public final class WeightedEm {

    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    private WeightedEm() {
    }

    /**
     * One E-step and one M-step.
     *
     * @param points          \( x_\ell \), \( [L][2] \), finite
     * @param weights         \( w_\ell \), length \( L \), finite, \( \ge 0 \), positive sum (need not be 1)
     * @param mixture         the current parameters
     * @param covarianceFloor \( \varepsilon \ge 0 \), finite
     * @return the parameters after the step
     * @throws IllegalArgumentException if an argument is out of range; the message names it
     * @throws ArithmeticException      if a covariance is not positive definite after the step (only possible with
     *                                  \( \varepsilon = 0 \) or a floor below rounding)
     */
    public static GaussianMixture2 step(double[][] points, double[] weights, GaussianMixture2 mixture,
            double covarianceFloor) {
        return run(points, weights, mixture, 1, covarianceFloor);
    }

    /**
     * {@code iterations} E+M steps from {@code initial}.
     *
     * @param points          \( x_\ell \), \( [L][2] \), finite
     * @param weights         \( w_\ell \), length \( L \), finite, \( \ge 0 \), positive sum (need not be 1)
     * @param initial         the starting parameters
     * @param iterations      \( n \ge 0 \); 0 returns {@code initial}
     * @param covarianceFloor \( \varepsilon \ge 0 \), finite
     * @return the parameters after exactly \( n \) steps
     * @throws IllegalArgumentException if an argument is out of range; the message names it
     * @throws ArithmeticException      if a covariance stops being positive definite (see the class comment)
     */
    public static GaussianMixture2 run(double[][] points, double[] weights, GaussianMixture2 initial, int iterations,
            double covarianceFloor) {
        WeightedPoints data = WeightedPoints.of(points, weights);
        Objects.requireNonNull(initial, "initial must not be null");
        checkIterations(iterations);
        checkFloor(covarianceFloor);
        ComponentArrays c = ComponentArrays.of(initial);
        new Workspace(data.size(), c.size()).iterate(data, c, iterations, covarianceFloor);
        return c.toMixture();
    }

    /**
     * Batched form: map \( b \) of {@code weights} is fitted from {@code initial[b]}; the maps share the points.
     *
     * @param points          \( [L][2] \), finite
     * @param weights         \( [B][L] \), each row finite, \( \ge 0 \), positive sum
     * @param initial         \( B \) starting mixtures, any number of components each
     * @param iterations      \( n \ge 0 \)
     * @param covarianceFloor \( \varepsilon \ge 0 \), finite
     * @return \( B \) fitted mixtures
     * @throws IllegalArgumentException if the batch sizes differ or an argument is out of range (the message names
     *                                  the row: {@code "weights[2] must be finite and >= 0, got NaN at [7]"})
     */
    public static GaussianMixture2[] run(double[][] points, double[][] weights, GaussianMixture2[] initial,
            int iterations, double covarianceFloor) {
        Objects.requireNonNull(weights, "weights must not be null");
        Objects.requireNonNull(initial, "initial must not be null");
        if (weights.length != initial.length) {
            throw new IllegalArgumentException("weights has " + weights.length + " rows, initial " + initial.length);
        }
        GaussianMixture2[] fitted = new GaussianMixture2[weights.length];
        for (int b = 0; b < weights.length; b++) {
            try {
                fitted[b] = run(points, weights[b], initial[b], iterations, covarianceFloor);
            } catch (IllegalArgumentException | ArithmeticException | NullPointerException e) {
                throw rowError(b, e);
            }
        }
        return fitted;
    }

    private static RuntimeException rowError(int b, RuntimeException e) {
        String message = e.getMessage().startsWith("weights ")
                ? "weights[" + b + "]" + e.getMessage().substring("weights".length())
                : "map " + b + ": " + e.getMessage();
        RuntimeException wrapped = e instanceof ArithmeticException ? new ArithmeticException(message)
                : e instanceof NullPointerException ? new NullPointerException(message)
                : new IllegalArgumentException(message);
        wrapped.initCause(e);
        return wrapped;
    }

    /**
     * Whether a covariance is positive definite with \( \det &gt; 10^{-12} \operatorname{tr}^2 \), i.e. an eigenvalue
     * ratio \( \lambda_{\min} / \lambda_{\max} \) above about \( 10^{-12} \). Below that the smaller eigenvalue is
     * rounding noise of a singular matrix (points that are collinear up to rounding), and treating it as a variance
     * would make the log-likelihood arbitrarily large.
     */
    static boolean wellConditioned(double xx, double xy, double yy) {
        double trace = xx + yy;
        return xx > 0.0 && Workspace.determinant(xx, xy, yy) > 1e-12 * trace * trace;
    }

    static void checkIterations(int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
    }

    static void checkFloor(double covarianceFloor) {
        if (!(covarianceFloor >= 0.0) || covarianceFloor == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("covarianceFloor must be finite and >= 0, got " + covarianceFloor);
        }
    }

    /**
     * The buffers of one EM run (responsibilities times weights, per-component constants), allocated once and reused
     * by every iteration; not thread-safe, one per run.
     */
    static final class Workspace {

        private final int components;
        /** \( w_\ell r_{\ell k} \), row-major \( [L][K] \). */
        private final double[] weighted;
        private final double[] exponent;
        private final double[] logConstant;
        private final double[] inverseL11;
        private final double[] l21;
        private final double[] inverseL22;
        private final double[] mass;
        private final double[] sumX;
        private final double[] sumY;
        private final double[] momentXX;
        private final double[] momentXY;
        private final double[] momentYY;

        Workspace(int points, int components) {
            this.components = components;
            weighted = new double[points * components];
            exponent = new double[components];
            logConstant = new double[components];
            inverseL11 = new double[components];
            l21 = new double[components];
            inverseL22 = new double[components];
            mass = new double[components];
            sumX = new double[components];
            sumY = new double[components];
            momentXX = new double[components];
            momentXY = new double[components];
            momentYY = new double[components];
        }

        /** Runs {@code iterations} E+M steps on {@code c} in place. */
        void iterate(WeightedPoints data, ComponentArrays c, int iterations, double floor) {
            for (int t = 1; t <= iterations; t++) {
                expectation(data, c, true);
                maximisation(data, c, floor, t);
            }
        }

        /** \( \ell(\theta) = \sum_\ell w_\ell \log p_\theta(x_\ell) \) for the parameters in {@code c}. */
        double logLikelihood(WeightedPoints data, ComponentArrays c) {
            return expectation(data, c, false);
        }

        /** Per-component constants: \( \log \pi_k - \log 2\pi - \tfrac12 \log\det\Sigma_k \) and the Cholesky factor. */
        private void prepare(ComponentArrays c) {
            for (int k = 0; k < components; k++) {
                if (c.weight[k] == 0.0) {
                    logConstant[k] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                double sxx = c.xx[k];
                double sxy = c.xy[k];
                double det = determinant(sxx, sxy, c.yy[k]);
                double a = Math.sqrt(sxx);
                double d = Math.sqrt(det / sxx);
                inverseL11[k] = 1.0 / a;
                l21[k] = sxy / a;
                inverseL22[k] = 1.0 / d;
                logConstant[k] = Math.log(c.weight[k]) - LOG_TWO_PI - Math.log(a) - Math.log(d);
            }
        }

        /**
         * The E-step; with {@code accumulate} it also stores \( w_\ell r_{\ell k} \) and the sums \( N_k \),
         * \( \sum w r x \), \( \sum w r y \) of the M-step.
         *
         * @return \( \ell(\theta) \) of the parameters the E-step used
         */
        private double expectation(WeightedPoints data, ComponentArrays c, boolean accumulate) {
            prepare(c);
            int kk = components;
            if (accumulate) {
                Arrays.fill(mass, 0.0);
                Arrays.fill(sumX, 0.0);
                Arrays.fill(sumY, 0.0);
            }
            double logLikelihood = 0.0;
            double[] x = data.x;
            double[] y = data.y;
            double[] w = data.w;
            for (int l = 0; l < w.length; l++) {
                double wl = w[l];
                if (wl == 0.0) {
                    continue;
                }
                double xl = x[l];
                double yl = y[l];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < kk; k++) {
                    double lc = logConstant[k];
                    if (lc == Double.NEGATIVE_INFINITY) {
                        exponent[k] = lc;
                        continue;
                    }
                    double z1 = (xl - c.meanX[k]) * inverseL11[k];
                    double z2 = (yl - c.meanY[k] - l21[k] * z1) * inverseL22[k];
                    double a = lc - 0.5 * (z1 * z1 + z2 * z2);
                    exponent[k] = a;
                    max = Math.max(max, a);
                }
                double sum = 0.0;
                for (int k = 0; k < kk; k++) {
                    double e = Math.exp(exponent[k] - max);
                    exponent[k] = e;
                    sum += e;
                }
                logLikelihood += wl * (max + Math.log(sum));
                if (accumulate) {
                    double scale = wl / sum;
                    int row = l * kk;
                    for (int k = 0; k < kk; k++) {
                        double wr = scale * exponent[k];
                        weighted[row + k] = wr;
                        mass[k] += wr;
                        sumX[k] += wr * xl;
                        sumY[k] += wr * yl;
                    }
                }
            }
            return logLikelihood;
        }

        /** The M-step from the sums of the last accumulating E-step; {@code t} only labels errors. */
        private void maximisation(WeightedPoints data, ComponentArrays c, double floor, int t) {
            int kk = components;
            for (int k = 0; k < kk; k++) {
                if (mass[k] > 0.0) {
                    c.meanX[k] = sumX[k] / mass[k];
                    c.meanY[k] = sumY[k] / mass[k];
                }
                momentXX[k] = 0.0;
                momentXY[k] = 0.0;
                momentYY[k] = 0.0;
            }
            double[] x = data.x;
            double[] y = data.y;
            double[] w = data.w;
            for (int l = 0; l < w.length; l++) {
                if (w[l] == 0.0) {
                    continue;
                }
                int row = l * kk;
                for (int k = 0; k < kk; k++) {
                    double wr = weighted[row + k];
                    double dx = x[l] - c.meanX[k];
                    double dy = y[l] - c.meanY[k];
                    momentXX[k] += wr * dx * dx;
                    momentXY[k] += wr * dx * dy;
                    momentYY[k] += wr * dy * dy;
                }
            }
            for (int k = 0; k < kk; k++) {
                if (!(mass[k] > 0.0)) {
                    c.weight[k] = 0.0;
                    continue;
                }
                double sxx = momentXX[k] / mass[k] + floor;
                double sxy = momentXY[k] / mass[k];
                double syy = momentYY[k] / mass[k] + floor;
                if (!wellConditioned(sxx, sxy, syy)) {
                    throw new ArithmeticException("covariance of component " + k + " is numerically singular after "
                            + "EM iteration " + t + ": [[" + sxx + ", " + sxy + "], [" + sxy + ", " + syy + "]] with "
                            + "covarianceFloor " + floor + "; the weighted points it covers are collinear or a single "
                            + "point: use a covarianceFloor > 0");
                }
                c.weight[k] = mass[k] / data.total;
                c.xx[k] = sxx;
                c.xy[k] = sxy;
                c.yy[k] = syy;
            }
        }

        /** \( xx \cdot yy - xy^2 \) by Kahan's FMA algorithm, as {@code SymmetricMatrix2#determinant}. */
        static double determinant(double xx, double xy, double yy) {
            double p = xy * xy;
            return Math.fma(xx, yy, -p) + Math.fma(-xy, xy, p);
        }
    }
}
