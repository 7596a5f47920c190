package dev.fovea.alignment.gtw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimplexQuadraticProgramTest {

    /** \( B^\top B + \epsilon I \) with the columns of B nearly collinear in pairs, as the tanh bases are. */
    static double[][] positiveDefinite(SplittableRandom random, int n, double epsilon) {
        double[][] b = new double[n + 3][n];
        for (double[] row : b) {
            for (int c = 0; c < n; c++) {
                row[c] = random.nextGaussian();
            }
            for (int c = 1; c < n; c += 2) {
                row[c] = row[c - 1] + 0.05 * row[c];
            }
        }
        double[][] q = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                for (double[] row : b) {
                    q[r][c] += row[r] * row[c];
                }
            }
            q[r][r] += epsilon;
        }
        return q;
    }

    static double[] vertices(int blocks, int blockSize) {
        double[] start = new double[blocks * blockSize];
        for (int b = 0; b < blocks; b++) {
            start[b * blockSize] = 1;
        }
        return start;
    }

    static double value(double[][] q, double[] c, double[] x) {
        double sum = 0;
        for (int r = 0; r < x.length; r++) {
            sum += c[r] * x[r];
            for (int k = 0; k < x.length; k++) {
                sum += 0.5 * x[r] * q[r][k] * x[k];
            }
        }
        return sum;
    }

    /** Asserts the KKT conditions, each to 1e-9 relative to the size of the gradient. */
    static void assertKkt(double[][] q, double[] c, int blockSize, SimplexQuadraticProgram.Solution solution) {
        double[] x = solution.x();
        double[] nu = solution.blockMultipliers();
        double[] mu = solution.boundMultipliers();
        int n = x.length;
        double scale = 1;
        double[] gradient = new double[n];
        for (int r = 0; r < n; r++) {
            gradient[r] = c[r];
            for (int k = 0; k < n; k++) {
                gradient[r] += q[r][k] * x[k];
            }
            scale = Math.max(scale, Math.abs(gradient[r]));
        }
        for (int r = 0; r < n; r++) {
            assertTrue(x[r] >= 0, "primal feasibility at " + r);
            assertTrue(mu[r] >= 0, "dual feasibility at " + r);
            assertEquals(0.0, gradient[r] + nu[r / blockSize] - mu[r], 1e-9 * scale, "stationarity at " + r);
            assertEquals(0.0, mu[r] * x[r], 1e-9 * scale, "complementarity at " + r);
        }
        for (int b = 0; b < n / blockSize; b++) {
            double sum = 0;
            for (int k = b * blockSize; k < (b + 1) * blockSize; k++) {
                sum += x[k];
            }
            assertEquals(1.0, sum, 1e-12, "block " + b + " sums to 1");
        }
    }

    @Test
    void satisfiesTheKktConditionsOnIllConditionedProblemsOfGtwSize() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            int blocks = 1 + random.nextInt(3);
            int n = blocks * MonotoneBasis.SIZE;
            double[][] q = positiveDefinite(random, n, Math.pow(10, -random.nextInt(8)));
            double[] c = new double[n];
            for (int r = 0; r < n; r++) {
                c[r] = 10 * random.nextGaussian();
            }
            SimplexQuadraticProgram.Solution solution = SimplexQuadraticProgram.minimize(q, c, MonotoneBasis.SIZE,
                    vertices(blocks, MonotoneBasis.SIZE));
            assertKkt(q, c, MonotoneBasis.SIZE, solution);
        }
    }

    @Test
    void agreesWithEnumerationOfEverySupport() {
        // Independent route: the minimiser solves the equality-constrained problem on its support, so it is the
        // cheapest primal-feasible solution among all 15 x 15 choices of a non-empty support per block.
        SplittableRandom random = new SplittableRandom(5);
        int blockSize = 4;
        for (int trial = 0; trial < 30; trial++) {
            double[][] q = positiveDefinite(random, 2 * blockSize, 0.01);
            double[] c = new double[2 * blockSize];
            for (int r = 0; r < c.length; r++) {
                c[r] = 3 * random.nextGaussian();
            }
            double best = Double.POSITIVE_INFINITY;
            double[] argmin = null;
            for (int s0 = 1; s0 < 16; s0++) {
                for (int s1 = 1; s1 < 16; s1++) {
                    double[] x = supportSolution(q, c, blockSize, s0 | (s1 << blockSize));
                    if (x != null && value(q, c, x) < best) {
                        best = value(q, c, x);
                        argmin = x;
                    }
                }
            }
            SimplexQuadraticProgram.Solution solution = SimplexQuadraticProgram.minimize(q, c, blockSize,
                    vertices(2, blockSize));
            assertEquals(best, value(q, c, solution.x()), 1e-10 * Math.max(1, Math.abs(best)), "trial " + trial);
            for (int r = 0; r < c.length; r++) {
                assertEquals(argmin[r], solution.x()[r], 1e-8, "trial " + trial + " x[" + r + "]");
            }
            assertKkt(q, c, blockSize, solution);
        }
    }

    /** The minimiser over {x : x_j = 0 off the support, block sums 1} by Lagrange; null unless it is >= 0. */
    static double[] supportSolution(double[][] q, double[] c, int blockSize, int support) {
        int n = c.length;
        int[] free = new int[n];
        int count = 0;
        for (int r = 0; r < n; r++) {
            if ((support & (1 << r)) != 0) {
                free[count++] = r;
            }
        }
        int blocks = n / blockSize;
        int size = count + blocks;
        double[][] a = new double[size][size];
        double[] rhs = new double[size];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < count; j++) {
                a[i][j] = q[free[i]][free[j]];
            }
            a[i][count + free[i] / blockSize] = 1;
            a[count + free[i] / blockSize][i] = 1;
            rhs[i] = -c[free[i]];
        }
        for (int b = 0; b < blocks; b++) {
            rhs[count + b] = 1;
        }
        double[] solution = gaussJordan(a, rhs);
        double[] x = new double[n];
        for (int i = 0; i < count; i++) {
            if (solution[i] < -1e-12) {
                return null;
            }
            x[free[i]] = Math.max(0, solution[i]);
        }
        return x;
    }

    /** Gauss–Jordan elimination with full pivoting (a different elimination from the solver's). */
    static double[] gaussJordan(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int r = 0; r < n; r++) {
            m[r] = Arrays.copyOf(a[r], n + 1);
            m[r][n] = b[r];
        }
        int[] columnOf = new int[n];
        for (int r = 0; r < n; r++) {
            columnOf[r] = r;
        }
        for (int k = 0; k < n; k++) {
            int pr = k;
            int pc = k;
            for (int r = k; r < n; r++) {
                for (int c = k; c < n; c++) {
                    if (Math.abs(m[r][c]) > Math.abs(m[pr][pc])) {
                        pr = r;
                        pc = c;
                    }
                }
            }
            double[] swap = m[k];
            m[k] = m[pr];
            m[pr] = swap;
            for (double[] row : m) {
                double t = row[k];
                row[k] = row[pc];
                row[pc] = t;
            }
            int t = columnOf[k];
            columnOf[k] = columnOf[pc];
            columnOf[pc] = t;
            for (int r = 0; r < n; r++) {
                if (r != k) {
                    double f = m[r][k] / m[k][k];
                    for (int c = k; c <= n; c++) {
                        m[r][c] -= f * m[k][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[columnOf[k]] = m[k][n] / m[k][k];
        }
        return x;
    }

    @Test
    void neverWorseThanTheProjectedGradientItReplaced() {
        // The previous temporal step: 300 projected-gradient steps on the same quadratic. The exact minimiser's value
        // is never above it, and many more steps of projected gradient converge to it.
        SplittableRandom random = new SplittableRandom(8);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 * MonotoneBasis.SIZE;
            double[][] q = positiveDefinite(random, n, 0.1);
            double[] c = new double[n];
            for (int r = 0; r < n; r++) {
                c[r] = random.nextGaussian();
            }
            double[] start = vertices(2, MonotoneBasis.SIZE);
            double exact = value(q, c, SimplexQuadraticProgram.minimize(q, c, MonotoneBasis.SIZE, start).x());
            double projected300 = value(q, c, ProjectedGradient.minimize(q, c, MonotoneBasis.SIZE, start, 300));
            double projectedLong = value(q, c, ProjectedGradient.minimize(q, c, MonotoneBasis.SIZE, start, 200_000));
            assertTrue(exact <= projected300 + 1e-12 * Math.abs(exact), exact + " vs " + projected300);
            assertEquals(exact, projectedLong, 1e-8 * Math.max(1, Math.abs(exact)));
        }
    }

    @Test
    void rejectsBadInput() {
        double[][] q = {{1, 0}, {0, 1}};
        assertEquals("start block 0 sums to 0.5, not 1", assertThrows(IllegalArgumentException.class,
                () -> SimplexQuadraticProgram.minimize(q, new double[2], 2, new double[] {0.5, 0})).getMessage());
        assertEquals("start must be >= 0, got -0.5 at 1", assertThrows(IllegalArgumentException.class,
                () -> SimplexQuadraticProgram.minimize(q, new double[2], 2, new double[] {1.5, -0.5})).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SimplexQuadraticProgram.minimize(q, new double[2], 3, new double[2])).getMessage()
                .contains("multiple of blockSize"));
        // One block of one variable: the only feasible point.
        assertEquals(List.of(1.0), Arrays.stream(SimplexQuadraticProgram.minimize(new double[][] {{2}},
                new double[] {5}, 1, new double[] {1}).x()).boxed().toList());
    }
}
