package dev.fovea.math.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The eigen-decomposition \( A = V \Lambda V^\top \) of a dense \( n \times n \) real symmetric matrix, with
 * \( V \) orthogonal and the eigenvalues \( \lambda_0 \ge \lambda_1 \ge \dots \ge \lambda_{n-1} \) in descending order.
 *
 * <p>Algorithm: the cyclic Jacobi method (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., Alg. 8.5.3):
 * sweeps of plane rotations, each chosen to annihilate one off-diagonal entry \( a_{pq} \) with the stable choice
 * \( t = \operatorname{sign}(\theta) / (|\theta| + \sqrt{1 + \theta^2}) \), \( \theta = (a_{qq} - a_{pp}) / (2 a_{pq}) \).
 * Sweeps stop when the off-diagonal Frobenius norm is at most \( 10^{-15} \| A \|_F \) or after 100 sweeps.
 * Jacobi is slower than QR (\( \approx 10 n^3 \) flops per sweep, typically 6–10 sweeps) but computes small
 * eigenvalues to high relative accuracy and is short enough to check by eye; it is meant for the matrices of a few
 * dozen rows that canonical correlation analysis builds.
 *
 * <p>Only the lower triangle and the diagonal of the argument are read. Immutable and thread-safe.
 */
public final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    private final double[] values;
    /** Column k of {@code vectors} is the unit eigenvector of {@code values[k]}. */
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes a symmetric matrix.
     *
     * @param a an \( n \times n \) matrix, \( n \ge 1 \), finite; only \( a_{ij} \) with \( j \le i \) are read
     * @return the decomposition, eigenvalues in descending order
     * @throws NullPointerException     if {@code a} or a row is null
     * @throws IllegalArgumentException if {@code a} is empty, not square or has a non-finite entry in its lower
     *                                  triangle
     * @throws ArithmeticException      if 100 sweeps do not converge (never observed for finite input)
     */
    public static SymmetricEigen of(double[][] a) {
        int n = requireSymmetricShape("a", a);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                s[i][j] = a[i][j];
                s[j][i] = a[i][j];
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1.0;
        }
        double scale = frobenius(s);
        int sweep = 0;
        while (offDiagonal(s) > 1e-15 * scale) {
            if (++sweep > MAX_SWEEPS) {
                throw new ArithmeticException("Jacobi eigen-decomposition of a " + n + "×" + n
                        + " matrix did not converge in " + MAX_SWEEPS + " sweeps");
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(s, v, p, q);
                }
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> s[k][k]).reversed());
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = s[order[k]][order[k]];
            for (int i = 0; i < n; i++) {
                vectors[i][k] = v[i][order[k]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** Zeroes s[p][q] by a rotation J in the (p, q) plane: s ← Jᵀ s J, v ← v J. */
    private static void rotate(double[][] s, double[][] v, int p, int q) {
        double apq = s[p][q];
        if (apq == 0.0) {
            return;
        }
        double theta = (s[q][q] - s[p][p]) / (2.0 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(1.0 + theta * theta));
        if (theta == 0.0) {
            t = 1.0;
        }
        double c = 1.0 / Math.sqrt(1.0 + t * t);
        double sn = t * c;
        int n = s.length;
        for (int k = 0; k < n; k++) {
            double skp = s[k][p];
            double skq = s[k][q];
            s[k][p] = c * skp - sn * skq;
            s[k][q] = sn * skp + c * skq;
        }
        for (int k = 0; k < n; k++) {
            double spk = s[p][k];
            double sqk = s[q][k];
            s[p][k] = c * spk - sn * sqk;
            s[q][k] = sn * spk + c * sqk;
        }
        s[p][q] = 0.0;
        s[q][p] = 0.0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - sn * vkq;
            v[k][q] = sn * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] s) {
        double sum = 0.0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (i != j) {
                    sum += s[i][j] * s[i][j];
                }
            }
        }
        return Math.sqrt(sum);
    }

    private static double frobenius(double[][] s) {
        double sum = 0.0;
        for (double[] row : s) {
            for (double e : row) {
                sum += e * e;
            }
        }
        return Math.sqrt(sum);
    }

    static int requireSymmetricShape(String name, double[][] a) {
        Objects.requireNonNull(a, name + " must not be null");
        int n = a.length;
        if (n == 0) {
            throw new IllegalArgumentException(name + " must have at least one row, got none");
        }
        for (int i = 0; i < n; i++) {
            int row = i;
            Objects.requireNonNull(a[i], () -> name + "[" + row + "] must not be null");
            if (a[i].length != n) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + a[i].length + " columns, " + name
                        + " has " + n + " rows");
            }
            for (int j = 0; j <= i; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException(name + " must be finite, got " + a[i][j] + " at [" + i + ", "
                            + j + "]");
                }
            }
        }
        return n;
    }

    /** \( n \). */
    public int size() {
        return values.length;
    }

    /** A copy of \( \lambda_0 \ge \dots \ge \lambda_{n-1} \). */
    public double[] values() {
        return values.clone();
    }

    /** \( \lambda_k \). */
    public double value(int k) {
        return values[k];
    }

    /** A copy of \( V \): column {@code k} is the unit eigenvector of \( \lambda_k \) ({@code [n][n]}). */
    public double[][] vectors() {
        double[][] copy = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            copy[i] = vectors[i].clone();
        }
        return copy;
    }
}
