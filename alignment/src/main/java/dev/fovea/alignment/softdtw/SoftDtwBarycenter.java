package dev.fovea.alignment.softdtw;

import dev.fovea.alignment.frames.Frames;
import java.util.List;
import java.util.Objects;

/**
 * A soft-DTW barycenter (Cuturi &amp; Blondel 2017, §4, eq. 4): a local minimiser of
 * \( F(z) = \sum_k w_k \operatorname{sdtw}_\gamma(z, y^{(k)}) \) over \( z \in \mathbb{R}^{p \times d} \), with
 * the length \( p \) and the starting point fixed by the initial guess.
 *
 * <p>Algorithm: steepest descent with Armijo backtracking (accept a step \( t \) when
 * \( F(z - t \nabla F) \le F(z) - 10^{-4} t \| \nabla F \|^2 \), halving \( t \) from the previous accepted step
 * times 2), stopping after {@code maxIterations} accepted steps, or when \( \| \nabla F \|_F \le 10^{-9}(1 + |F|) \),
 * or when no step of length \( \ge 10^{-20} \) decreases \( F \). The paper uses L-BFGS; plain descent converges more
 * slowly but to the same kind of stationary point. \( F \) is non-convex, so the result depends on the start.
 *
 * <p>Immutable and thread-safe.
 */
public final class SoftDtwBarycenter {

    private final SoftDtw softDtw;
    private final int maxIterations;

    private SoftDtwBarycenter(SoftDtw softDtw, int maxIterations) {
        this.softDtw = softDtw;
        this.maxIterations = maxIterations;
    }

    /**
     * @param softDtw       the soft-DTW (smoothing and window) to average under
     * @param maxIterations the number of descent steps, \( \ge 1 \)
     * @throws IllegalArgumentException if {@code maxIterations} &lt; 1
     */
    public static SoftDtwBarycenter of(SoftDtw softDtw, int maxIterations) {
        Objects.requireNonNull(softDtw, "softDtw must not be null");
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        return new SoftDtwBarycenter(softDtw, maxIterations);
    }

    /**
     * The barycenter reached from {@code initial}.
     *
     * @param series  the sequences \( y^{(k)} \), each \( m_k \times d \), finite, at least one
     * @param weights \( w_k \ge 0 \), one per series, finite
     * @param initial \( z_0 \), \( p \times d \), not modified
     * @return the final \( z \) and \( F(z) \)
     * @throws IllegalArgumentException if the lists are empty or differ in length, a weight is negative or not finite,
     *                                  or a sequence is invalid (as for {@link SoftDtw#value})
     */
    public Result compute(List<double[][]> series, double[] weights, double[][] initial) {
        Objects.requireNonNull(series, "series must not be null");
        Objects.requireNonNull(weights, "weights must not be null");
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series must hold at least one sequence, got 0");
        }
        if (weights.length != series.size()) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries, series has "
                    + series.size());
        }
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0) || weights[k] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + weights[k] + " at ["
                        + k + "]");
            }
        }
        double[][] z = copy(initial);
        SoftDtw.Gradient current = objective(series, weights, z);
        double step = 1.0;
        int iterations = 0;
        while (iterations < maxIterations) {
            double[][] g = current.dx();
            double squaredNorm = squaredNorm(g);
            if (Math.sqrt(squaredNorm) <= 1e-9 * (1 + Math.abs(current.value()))) {
                break;
            }
            step *= 2.0;
            SoftDtw.Gradient next = null;
            double[][] candidate = null;
            while (step >= 1e-20) {
                candidate = axpy(z, -step, g);
                next = objective(series, weights, candidate);
                if (next.value() <= current.value() - 1e-4 * step * squaredNorm) {
                    break;
                }
                step *= 0.5;
                next = null;
            }
            if (next == null) {
                break;
            }
            z = candidate;
            current = next;
            iterations++;
        }
        return new Result(z, current.value(), iterations);
    }

    /**
     * A barycenter and its objective.
     *
     * @param barycenter \( z \), \( p \times d \)
     * @param objective  \( F(z) \)
     * @param iterations accepted descent steps
     */
    public record Result(double[][] barycenter, double objective, int iterations) {
    }

    private SoftDtw.Gradient objective(List<double[][]> series, double[] weights, double[][] z) {
        double value = 0.0;
        double[][] g = new double[z.length][z[0].length];
        for (int k = 0; k < series.size(); k++) {
            if (weights[k] == 0.0) {
                continue;
            }
            SoftDtw.Gradient part = softDtw.gradient(z, series.get(k));
            value += weights[k] * part.value();
            double[][] dz = part.dx();
            for (int i = 0; i < z.length; i++) {
                for (int c = 0; c < z[i].length; c++) {
                    g[i][c] += weights[k] * dz[i][c];
                }
            }
        }
        return new SoftDtw.Gradient(value, g);
    }

    private static double squaredNorm(double[][] g) {
        double s = 0.0;
        for (double[] row : g) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }

    private static double[][] axpy(double[][] z, double a, double[][] g) {
        double[][] out = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            out[i] = new double[z[i].length];
            for (int c = 0; c < z[i].length; c++) {
                out[i][c] = z[i][c] + a * g[i][c];
            }
        }
        return out;
    }

    private static double[][] copy(double[][] initial) {
        Frames.require("initial", initial);
        double[][] out = new double[initial.length][];
        for (int i = 0; i < initial.length; i++) {
            out[i] = initial[i].clone();
        }
        return out;
    }
}
