package dev.fovea.math.linalg;

import dev.fovea.math.Finite;
import java.util.Objects;

/**
 * The Cholesky factorisation \( A = L L^\top \) of a dense \( n \times n \) symmetric positive-definite matrix, with
 * \( L \) lower triangular and a positive diagonal; the general-size companion of {@link Cholesky2}.
 *
 * <p>Algorithm: Cholesky–Banachiewicz, row by row, \( l_{ij} = (a_{ij} - \sum_{k &lt; j} l_{ik} l_{jk}) / l_{jj} \),
 * \( l_{ii} = \sqrt{a_{ii} - \sum_{k &lt; i} l_{ik}^2} \), \( n^3/3 \) multiply-adds. It is backward stable for
 * symmetric positive-definite input (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, Thm. 10.3): the
 * computed factor is exact for some \( A + \Delta A \) with \( |\Delta A| \le \gamma_{n+1} |L||L^\top| \).
 * Only the lower triangle and the diagonal of the argument are read (LAPACK's {@code uplo = 'L'}); the upper triangle
 * is ignored, so a caller that fills both halves pays no symmetry check.
 *
 * <p>Use it for the small dense systems of Fovea (ridge-regression Gram matrices of a few hundred basis functions);
 * it neither pivots nor blocks. Immutable and thread-safe.
 */
public final class Cholesky {

    /** \( L \), row-major, only the lower triangle stored ({@code lower[i].length == i + 1}). */
    private final double[][] lower;

    private Cholesky(double[][] lower) {
        this.lower = lower;
    }

    /**
     * Factors a symmetric positive-definite matrix.
     *
     * @param a an \( n \times n \) matrix, \( n \ge 1 \), finite; only \( a_{ij} \) with \( j \le i \) are read
     * @return the factor
     * @throws NullPointerException         if {@code a} or a row is null
     * @throws IllegalArgumentException     if {@code a} is empty, not square ({@code "a[2] has 4 columns, a has 3 rows"})
     *                                      or has a non-finite entry in its lower triangle
     * @throws NotPositiveDefiniteException if a pivot \( a_{ii} - \sum_k l_{ik}^2 \) is not positive; the message
     *                                      gives its index and value
     */
    public static Cholesky of(double[][] a) {
        Objects.requireNonNull(a, "a must not be null");
        int n = a.length;
        if (n == 0) {
            throw new IllegalArgumentException("a must have at least one row, got none");
        }
        for (int i = 0; i < n; i++) {
            int row = i;
            Objects.requireNonNull(a[i], () -> "a[" + row + "] must not be null");
            if (a[i].length != n) {
                throw new IllegalArgumentException("a[" + i + "] has " + a[i].length + " columns, a has " + n + " rows");
            }
            for (int j = 0; j <= i; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("a must be finite, got " + a[i][j] + " at [" + i + ", " + j + "]");
                }
            }
        }
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double[] other = j == i ? row : l[j];
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= row[k] * other[k];
                }
                if (j < i) {
                    row[j] = sum / other[j];
                } else if (sum > 0.0) {
                    row[i] = Math.sqrt(sum);
                } else {
                    throw new NotPositiveDefiniteException("matrix of size " + n + " must be positive definite, but pivot "
                            + i + " is " + sum + " (diagonal entry " + a[i][i] + ")");
                }
            }
            l[i] = row;
        }
        return new Cholesky(l);
    }

    /** \( n \). */
    public int size() {
        return lower.length;
    }

    /** \( l_{ij} \) for \( j \le i \), 0 above the diagonal. */
    public double entry(int i, int j) {
        Objects.checkIndex(i, lower.length);
        Objects.checkIndex(j, lower.length);
        return j <= i ? lower[i][j] : 0.0;
    }

    /**
     * \( x = A^{-1} b \) by forward substitution \( L z = b \) and back substitution \( L^\top x = z \).
     *
     * @param b the right-hand side, length \( n \), finite
     * @return a new array \( x \)
     * @throws IllegalArgumentException if the length is not \( n \) or an entry is not finite
     */
    public double[] solve(double[] b) {
        Finite.check("b", b);
        int n = lower.length;
        if (b.length != n) {
            throw new IllegalArgumentException("b has " + b.length + " entries, the matrix " + n + " rows");
        }
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            double sum = x[i];
            double[] row = lower[i];
            for (int k = 0; k < i; k++) {
                sum -= row[k] * x[k];
            }
            x[i] = sum / row[i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = x[i];
            for (int k = i + 1; k < n; k++) {
                sum -= lower[k][i] * x[k];
            }
            x[i] = sum / lower[i][i];
        }
        return x;
    }

    /** \( \log \det A = 2 \sum_i \log l_{ii} \), free of the overflow that \( \det A \) itself could hit. */
    public double logDeterminant() {
        double sum = 0.0;
        for (int i = 0; i < lower.length; i++) {
            sum += Math.log(lower[i][i]);
        }
        return 2.0 * sum;
    }
}
