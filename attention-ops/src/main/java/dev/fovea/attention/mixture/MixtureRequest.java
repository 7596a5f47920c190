package dev.fovea.attention.mixture;

import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link MixtureSelection#fit(MixtureRequest)} fits: a Gaussian mixture to discrete attention weights \( w_\ell \)
 * over points \( x_\ell \), with its EM and model-selection settings. The record the JSON op
 * {@code attention/mixture} is read into.
 *
 * <p>Every field is validated on construction and the arrays are copied in and out (the record is immutable and
 * thread-safe). Messages name the field:
 * <ul>
 *   <li>{@code "weights has 195 entries, points has 196"}, {@code "points[3] has 3 coordinates, expected 2"},
 *       {@code "points must be finite, got [NaN, 0.5] at [3]"};</li>
 *   <li>{@code "weights must be finite and >= 0, got -0.1 at [4]"};</li>
 *   <li>{@code "weights must sum to 1 within 1.0E-9, got 0.98 (normalise them first)"}: weights are rejected, never
 *       silently renormalised, because a sum far from 1 usually means the wrong array was sent;</li>
 *   <li>{@code "components must be >= 1, got 0"}, {@code "components must be <= the number of points 196, got 200"},
 *       {@code "components 5 exceeds the 3 points with positive weight"} (only without {@code initialMeans});</li>
 *   <li>{@code "initialMeans has 3 rows, components is 2"}, {@code "initialMeans need an exact component count, got
 *       maxComponents 4"}, {@code "initialMeans fix the start, so restarts must be 1, got 3"};</li>
 *   <li>{@code "iterations must be >= 1, got 0"}, {@code "covarianceFloor must be finite and >= 0, got -1.0"},
 *       {@code "penalty must be finite and >= 0, got NaN"}, {@code "restarts must be >= 1, got 0"}.</li>
 * </ul>
 *
 * @param points          \( x_\ell \), \( [L][2] \), finite, \( L \ge 1 \)
 * @param weights         \( w_\ell \ge 0 \), length \( L \), \( |\sum_\ell w_\ell - 1| \le \) {@link #WEIGHT_SUM_TOLERANCE}
 * @param components      exactly \( K \), or at most \( K_{\max} \) with model selection; \( K \le L \). Under
 *                        {@link ComponentCount.AtMost} the candidates are \( K = 1, \dots, \min(K_{\max}, L_+) \),
 *                        \( L_+ \) = the number of points with positive weight (a mixture cannot have more
 *                        distinct seeds than that)
 * @param iterations      \( n \ge 1 \) full E+M steps per fit, exactly (not \( n + 1 \))
 * @param initialMeans    {@code null}, or \( [K][2] \) starting means for exactly \( K \) components: the start is
 *                        then \( \pi_k = 1/K \), \( \Sigma_k = 0.001 I \), and there are no restarts
 * @param covarianceFloor \( \varepsilon \ge 0 \) added to every covariance after each M-step (default
 *                        {@link #DEFAULT_COVARIANCE_FLOOR}); see {@link WeightedEm} for what it does to monotonicity
 * @param penalty         \( \lambda \ge 0 \) of the criterion \( C = -2 \sum_\ell w_\ell \log p(x_\ell) + \lambda K \);
 *                        on the scale of an average log-likelihood, see {@link MixtureSelection}
 * @param restarts        \( r \ge 1 \) weighted k-means++ starts per \( K \) (one for \( K = 1 \), where every start
 *                        gives the same fit)
 * @param seed            the seed of the starts; equal requests give bit-identical fits
 */
public record MixtureRequest(double[][] points, double[] weights, ComponentCount components, int iterations,
        double[][] initialMeans, double covarianceFloor, double penalty, int restarts, long seed) {

    /** The largest accepted \( |\sum_\ell w_\ell - 1| \). */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-9;
    /** Default \( n \): 10 E+M steps (the authors evaluate with {@code n_iter=10}, which runs 11). */
    public static final int DEFAULT_ITERATIONS = 10;
    /** Default \( \varepsilon = 10^{-6} \), the authors' floor. */
    public static final double DEFAULT_COVARIANCE_FLOOR = 1e-6;
    /** Default \( \lambda \); see {@link MixtureSelection} for how it compares with the authors' 5. */
    public static final double DEFAULT_PENALTY = 1.0;
    /** Default \( r = 3 \) starts per \( K \), the authors' number. */
    public static final int DEFAULT_RESTARTS = 3;
    /** Default seed. */
    public static final long DEFAULT_SEED = 0L;

    /**
     * @throws IllegalArgumentException if a field is out of range; see the class comment for the messages
     * @throws NullPointerException     if {@code points}, {@code weights}, a point or {@code components} is null
     */
    public MixtureRequest {
        WeightedPoints data = WeightedPoints.of(points, weights);
        double sum = data.total;
        if (!(Math.abs(sum - 1.0) <= WEIGHT_SUM_TOLERANCE)) {
            throw new IllegalArgumentException("weights must sum to 1 within " + WEIGHT_SUM_TOLERANCE + ", got " + sum
                    + " (normalise them first)");
        }
        Objects.requireNonNull(components, "components must not be null");
        String name = components instanceof ComponentCount.Exactly ? "components" : "maxComponents";
        if (components.largest() > points.length) {
            throw new IllegalArgumentException(name + " must be <= the number of points " + points.length + ", got "
                    + components.largest());
        }
        checkSettings(iterations, covarianceFloor, penalty, restarts);
        if (initialMeans != null) {
            if (!(components instanceof ComponentCount.Exactly exactly)) {
                throw new IllegalArgumentException("initialMeans need an exact component count, got maxComponents "
                        + components.largest());
            }
            MixtureInitialisation.fromMeansArrays(initialMeans);
            if (initialMeans.length != exactly.components()) {
                throw new IllegalArgumentException("initialMeans has " + initialMeans.length + " rows, components is "
                        + exactly.components());
            }
            if (restarts != 1) {
                throw new IllegalArgumentException("initialMeans fix the start, so restarts must be 1, got " + restarts);
            }
        } else if (components instanceof ComponentCount.Exactly exactly && exactly.components() > data.positive) {
            throw new IllegalArgumentException("components " + exactly.components() + " exceeds the " + data.positive
                    + " points with positive weight");
        }
        points = deepCopy(points);
        weights = weights.clone();
        initialMeans = initialMeans == null ? null : deepCopy(initialMeans);
    }

    /**
     * A request with the defaults: {@link #DEFAULT_ITERATIONS}, no initial means, {@link #DEFAULT_COVARIANCE_FLOOR},
     * {@link #DEFAULT_PENALTY}, {@link #DEFAULT_RESTARTS}, {@link #DEFAULT_SEED}.
     *
     * @throws IllegalArgumentException as the constructor
     */
    public static MixtureRequest of(double[][] points, double[] weights, ComponentCount components) {
        return new MixtureRequest(points, weights, components, DEFAULT_ITERATIONS, null, DEFAULT_COVARIANCE_FLOOR,
                DEFAULT_PENALTY, DEFAULT_RESTARTS, DEFAULT_SEED);
    }

    /** This request with \( n \) iterations. */
    public MixtureRequest withIterations(int iterations) {
        return new MixtureRequest(points, weights, components, iterations, initialMeans, covarianceFloor, penalty,
                restarts, seed);
    }

    /** This request with initial means (and therefore one start). */
    public MixtureRequest withInitialMeans(double[][] initialMeans) {
        return new MixtureRequest(points, weights, components, iterations, initialMeans, covarianceFloor, penalty,
                1, seed);
    }

    /** This request with floor \( \varepsilon \). */
    public MixtureRequest withCovarianceFloor(double covarianceFloor) {
        return new MixtureRequest(points, weights, components, iterations, initialMeans, covarianceFloor, penalty,
                restarts, seed);
    }

    /** This request with penalty \( \lambda \). */
    public MixtureRequest withPenalty(double penalty) {
        return new MixtureRequest(points, weights, components, iterations, initialMeans, covarianceFloor, penalty,
                restarts, seed);
    }

    /** This request with \( r \) starts per \( K \). */
    public MixtureRequest withRestarts(int restarts) {
        return new MixtureRequest(points, weights, components, iterations, initialMeans, covarianceFloor, penalty,
                restarts, seed);
    }

    /** This request with another seed. */
    public MixtureRequest withSeed(long seed) {
        return new MixtureRequest(points, weights, components, iterations, initialMeans, covarianceFloor, penalty,
                restarts, seed);
    }

    /** \( x_\ell \) as a new \( [L][2] \) array. */
    @Override
    public double[][] points() {
        return deepCopy(points);
    }

    /** \( w_\ell \) as a new array. */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The initial means as a new \( [K][2] \) array, or {@code null}. */
    @Override
    public double[][] initialMeans() {
        return initialMeans == null ? null : deepCopy(initialMeans);
    }

    /** The checks of the numeric settings, shared with {@link MixtureAttention.Settings}. */
    static void checkSettings(int iterations, double covarianceFloor, double penalty, int restarts) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        WeightedEm.checkFloor(covarianceFloor);
        if (!(penalty >= 0.0) || penalty == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("penalty must be finite and >= 0, got " + penalty);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        }
    }

    /** The validated data without copying, for {@link MixtureSelection}. */
    WeightedPoints data() {
        return WeightedPoints.of(points, weights);
    }

    /** The initial means without copying, for {@link MixtureSelection}. */
    double[][] initialMeansView() {
        return initialMeans;
    }

    /** Equal when every field is equal, arrays compared by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MixtureRequest r && Arrays.deepEquals(points, r.points)
                && Arrays.equals(weights, r.weights) && components.equals(r.components) && iterations == r.iterations
                && Arrays.deepEquals(initialMeans, r.initialMeans)
                && Double.compare(covarianceFloor, r.covarianceFloor) == 0 && Double.compare(penalty, r.penalty) == 0
                && restarts == r.restarts && seed == r.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(points), Arrays.hashCode(weights), components, iterations,
                Arrays.deepHashCode(initialMeans), covarianceFloor, penalty, restarts, seed);
    }

    /** The settings and the number of points; the arrays themselves are left out. */
    @Override
    public String toString() {
        return "MixtureRequest[" + points.length + " points, " + components + ", iterations=" + iterations
                + (initialMeans == null ? "" : ", " + initialMeans.length + " initialMeans") + ", covarianceFloor="
                + covarianceFloor + ", penalty=" + penalty + ", restarts=" + restarts + ", seed=" + seed + "]";
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
