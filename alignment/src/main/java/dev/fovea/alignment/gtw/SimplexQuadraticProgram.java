package dev.fovea.alignment.gtw;

import dev.fovea.math.linalg.LuDecomposition;
import java.util.Objects;

/**
 * The exact minimiser of a strictly convex quadratic over a product of probability simplices, by a primal
 * active-set method (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithm 16.3):
 * \[ \min_a \tfrac12 a^\top Q a + c^\top a \quad \text{s.t.} \quad a \ge 0, \quad
 * \textstyle\sum_{k \in B_b} a_k = 1 \text{ for every block } B_b, \]
 * the blocks being consecutive runs of {@code blockSize} variables. In {@link GeneralizedTimeWarping} a block holds the
 * basis weights of one warp: non-negative weights keep the warp monotone and the sum 1 fixes its end point
 * \( w(l - 1) = n - 1 \) (the start \( w(0) = 0 \) holds for every weight since every basis function starts at 0).
 *
 * <p>The method keeps a feasible point and a working set of variables held at 0. Each iteration solves the
 * equality-constrained problem on the free variables \( F \) — the KKT system
 * \( Q_{FF} p_F + A_F^\top \nu = -(Q a + c)_F \), \( A_F p_F = 0 \), with \( A \) the block-membership matrix — by
 * {@link LuDecomposition} (Gaussian elimination with partial pivoting). A non-zero step is taken as far as
 * feasibility allows (the variable that reaches 0 first joins the working set); a zero step yields the multipliers of the held variables,
 * \( \mu_j = (Q a + c)_j + \nu_{b(j)} \), and the most negative one leaves the working set, or, when all are
 * \( \ge 0 \), the point satisfies the KKT conditions
 * \[ Q a + c + A^\top \nu - \mu = 0,\quad \mu \ge 0,\quad a \ge 0,\quad \mu_j a_j = 0,\quad A a = 1 \]
 * and, \( Q \) being positive definite, is the unique minimiser. Termination is finite in exact arithmetic; a cap of
 * \( 50 (n + 1) \) iterations guards against cycling under rounding.
 *
 * <p>Cost per iteration \( O(|F|^3) \): cheap when the solution is sparse, as basis weights are. Thread-safe: static.
 */
final class SimplexQuadraticProgram {

    private SimplexQuadraticProgram() {
    }

    /**
     * A solution and its multipliers.
     *
     * @param x                the minimiser
     * @param blockMultipliers \( \nu_b \), one per block
     * @param boundMultipliers \( \mu_j \ge 0 \) (0 for the free variables)
     */
    record Solution(double[] x, double[] blockMultipliers, double[] boundMultipliers) {
    }

    /**
     * Minimises \( \tfrac12 a^\top Q a + c^\top a \) over the product of simplices.
     *
     * @param q         \( n \times n \), symmetric positive definite, finite
     * @param c         \( n \), finite
     * @param blockSize the variables per block, \( n \) a multiple of it
     * @param start     a feasible point (non-negative, every block summing to 1 within \( 10^{-9} \)); not modified
     * @throws IllegalArgumentException if the shapes disagree or {@code start} is not feasible
     * @throws ArithmeticException      if a KKT system is singular or the iteration cap is reached (rounding)
     */
    static Solution minimize(double[][] q, double[] c, int blockSize, double[] start) {
        Objects.requireNonNull(q, "q must not be null");
        Objects.requireNonNull(c, "c must not be null");
        Objects.requireNonNull(start, "start must not be null");
        int n = c.length;
        if (blockSize < 1 || n % blockSize != 0 || q.length != n || start.length != n) {
            throw new IllegalArgumentException("q is " + q.length + " x n, c has " + n + " entries, start has "
                    + start.length + ", blockSize " + blockSize + ": n must be a positive multiple of blockSize");
        }
        int blocks = n / blockSize;
        double[] x = start.clone();
        boolean[] held = new boolean[n];
        for (int b = 0; b < blocks; b++) {
            double sum = 0;
            for (int k = b * blockSize; k < (b + 1) * blockSize; k++) {
                if (!(x[k] >= 0)) {
                    throw new IllegalArgumentException("start must be >= 0, got " + x[k] + " at " + k);
                }
                sum += x[k];
                held[k] = x[k] == 0;
            }
            if (!(Math.abs(sum - 1) <= 1e-9)) {
                throw new IllegalArgumentException("start block " + b + " sums to " + sum + ", not 1");
            }
        }
        double[] gradient = new double[n];
        int cap = 50 * (n + 1);
        for (int iteration = 1; iteration <= cap; iteration++) {
            gradient(q, c, x, gradient);
            double[] nu = new double[blocks];
            double[] p = equalityStep(q, gradient, held, blockSize, nu);
            double stepNorm = 0;
            double size = 1;
            for (int r = 0; r < n; r++) {
                stepNorm = Math.max(stepNorm, Math.abs(p[r]));
                size = Math.max(size, Math.abs(x[r]));
            }
            if (stepNorm > 1e-14 * size) {
                double alpha = 1;
                int blocking = -1;
                for (int r = 0; r < n; r++) {
                    if (!held[r] && p[r] < 0) {
                        double limit = -x[r] / p[r];
                        if (limit < alpha) {
                            alpha = limit;
                            blocking = r;
                        }
                    }
                }
                for (int r = 0; r < n; r++) {
                    if (!held[r]) {
                        x[r] = Math.max(0, x[r] + alpha * p[r]);
                    }
                }
                if (blocking >= 0) {
                    x[blocking] = 0;
                    held[blocking] = true;
                    continue;
                }
                // A full step lands on the minimiser of the current face, where nu is already the multiplier.
                gradient(q, c, x, gradient);
            }
            double[] mu = new double[n];
            int release = release(gradient, nu, held, blockSize, mu);
            if (release < 0) {
                return new Solution(x, nu, mu);
            }
            held[release] = false;
        }
        throw new ArithmeticException("the active-set iteration did not settle in " + cap + " iterations");
    }

    private static void gradient(double[][] q, double[] c, double[] x, double[] out) {
        for (int r = 0; r < x.length; r++) {
            double sum = c[r];
            for (int k = 0; k < x.length; k++) {
                sum += q[r][k] * x[k];
            }
            out[r] = sum;
        }
    }

    /**
     * Fills \( \mu_j = (Q a + c)_j + \nu_{b(j)} \) for the held variables (0 elsewhere) and returns the held
     * variable with the most negative multiplier, or -1 when none is below \( -10^{-13} \) times the gradient's size.
     */
    private static int release(double[] gradient, double[] nu, boolean[] held, int blockSize, double[] mu) {
        double scale = 1;
        for (double g : gradient) {
            scale = Math.max(scale, Math.abs(g));
        }
        int release = -1;
        double mostNegative = -1e-13 * scale;
        for (int r = 0; r < gradient.length; r++) {
            if (held[r]) {
                mu[r] = gradient[r] + nu[r / blockSize];
                if (mu[r] < mostNegative) {
                    mostNegative = mu[r];
                    release = r;
                }
            }
        }
        if (release < 0) {
            for (int r = 0; r < mu.length; r++) {
                mu[r] = Math.max(mu[r], 0);
            }
        }
        return release;
    }

    /**
     * The step \( p \) (zero on held variables) minimising the quadratic model on the free variables subject to
     * unchanged block sums; fills the block multipliers \( \nu \).
     */
    private static double[] equalityStep(double[][] q, double[] gradient, boolean[] held, int blockSize,
            double[] nu) {
        int n = gradient.length;
        int blocks = nu.length;
        int[] free = new int[n];
        int count = 0;
        for (int r = 0; r < n; r++) {
            if (!held[r]) {
                free[count++] = r;
            }
        }
        int size = count + blocks;
        double[][] kkt = new double[size][size];
        double[] right = new double[size];
        for (int a = 0; a < count; a++) {
            for (int b = 0; b < count; b++) {
                kkt[a][b] = q[free[a]][free[b]];
            }
            int block = free[a] / blockSize;
            kkt[a][count + block] = 1;
            kkt[count + block][a] = 1;
            right[a] = -gradient[free[a]];
        }
        double[] solution = LuDecomposition.of(kkt, 0.0).solve(right);
        double[] p = new double[n];
        for (int a = 0; a < count; a++) {
            p[free[a]] = solution[a];
        }
        System.arraycopy(solution, count, nu, 0, blocks);
        return p;
    }
}
