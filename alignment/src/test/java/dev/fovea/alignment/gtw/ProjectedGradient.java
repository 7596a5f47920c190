package dev.fovea.alignment.gtw;

import java.util.Arrays;

/**
 * The temporal step's former QP solver, kept as a test oracle: projected gradient on
 * \( \tfrac12 a^\top Q a + c^\top a \) over the product of simplices, step \( 1 / \|Q\|_\infty \), with the
 * Euclidean projection onto the simplex by sorting (Held, Wolfe &amp; Crowder 1974; Duchi et al. 2008).
 */
final class ProjectedGradient {

    private ProjectedGradient() {
    }

    static double[] minimize(double[][] q, double[] c, int blockSize, double[] start, int steps) {
        int n = c.length;
        double bound = 0;
        for (double[] row : q) {
            double sum = 0;
            for (double v : row) {
                sum += Math.abs(v);
            }
            bound = Math.max(bound, sum);
        }
        double step = 1 / bound;
        double[] a = start.clone();
        double[] gradient = new double[n];
        for (int iteration = 0; iteration < steps; iteration++) {
            for (int r = 0; r < n; r++) {
                double sum = c[r];
                for (int k = 0; k < n; k++) {
                    sum += q[r][k] * a[k];
                }
                gradient[r] = sum;
            }
            for (int r = 0; r < n; r++) {
                a[r] -= step * gradient[r];
            }
            for (int b = 0; b < n / blockSize; b++) {
                projectOntoSimplex(a, b * blockSize, blockSize);
            }
        }
        return a;
    }

    /** Euclidean projection of v[from, from + k) onto the probability simplex (threshold by sorting). */
    static void projectOntoSimplex(double[] v, int from, int k) {
        double[] sorted = Arrays.copyOfRange(v, from, from + k);
        Arrays.sort(sorted);
        double cumulative = 0;
        double threshold = 0;
        for (int r = k - 1; r >= 0; r--) {
            cumulative += sorted[r];
            double candidate = (cumulative - 1) / (k - r);
            if (r == 0 || sorted[r - 1] <= candidate) {
                threshold = candidate;
                break;
            }
        }
        for (int r = from; r < from + k; r++) {
            v[r] = Math.max(0, v[r] - threshold);
        }
    }
}
