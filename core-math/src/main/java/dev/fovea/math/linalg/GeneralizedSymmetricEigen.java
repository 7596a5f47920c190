package dev.fovea.math.linalg;

/**
 * The symmetric-definite generalized eigenproblem \( A v = \lambda B v \), \( A \) symmetric, \( B \) symmetric
 * positive definite: eigenvalues \( \lambda_0 \ge \dots \ge \lambda_{n-1} \) and \( B \)-orthonormal eigenvectors,
 * \( V^\top B V = I \), \( V^\top A V = \Lambda \).
 *
 * <p>Algorithm: reduction to a standard problem through the Cholesky factor \( B = L L^\top \)
 * (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., §8.7.2): \( C = L^{-1} A L^{-\top} \),
 * \( C = U \Lambda U^\top \) by {@link SymmetricEigen}, \( V = L^{-\top} U \). Accuracy degrades with the condition
 * number of \( B \); callers regularise \( B \) (as canonical correlation analysis does) when it may be near singular.
 *
 * <p>Only the lower triangles and diagonals of the arguments are read. Immutable and thread-safe.
 */
public final class GeneralizedSymmetricEigen {

    private final double[] values;
    private final double[][] vectors;

    private GeneralizedSymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Solves \( A v = \lambda B v \).
     *
     * @param a \( n \times n \), finite, symmetric (lower triangle read)
     * @param b \( n \times n \), finite, symmetric positive definite (lower triangle read)
     * @throws IllegalArgumentException     if a matrix is empty, not square, not finite, or the sizes differ
     * @throws NotPositiveDefiniteException if \( B \) is not positive definite
     */
    public static GeneralizedSymmetricEigen of(double[][] a, double[][] b) {
        int n = SymmetricEigen.requireSymmetricShape("a", a);
        int nb = SymmetricEigen.requireSymmetricShape("b", b);
        if (n != nb) {
            throw new IllegalArgumentException("a has " + n + " rows, b has " + nb);
        }
        Cholesky factor = Cholesky.of(b);
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                l[i][j] = factor.entry(i, j);
            }
        }
        double[][] full = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                full[i][j] = a[i][j];
                full[j][i] = a[i][j];
            }
        }
        // W = L⁻¹ A (forward substitution on each column), then C = L⁻¹ Wᵀ = L⁻¹ A L⁻ᵀ since A is symmetric.
        double[][] w = forwardSolveColumns(l, full);
        double[][] c = forwardSolveColumns(l, transpose(w));
        SymmetricEigen eigen = SymmetricEigen.of(c);
        double[][] u = eigen.vectors();
        // V = L⁻ᵀ U by back substitution on each column.
        double[][] v = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int i = n - 1; i >= 0; i--) {
                double sum = u[i][k];
                for (int r = i + 1; r < n; r++) {
                    sum -= l[r][i] * v[r][k];
                }
                v[i][k] = sum / l[i][i];
            }
        }
        return new GeneralizedSymmetricEigen(eigen.values(), v);
    }

    private static double[][] forwardSolveColumns(double[][] l, double[][] rhs) {
        int n = l.length;
        double[][] out = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double sum = rhs[i][k];
                for (int r = 0; r < i; r++) {
                    sum -= l[i][r] * out[r][k];
                }
                out[i][k] = sum / l[i][i];
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    /** \( n \). */
    public int size() {
        return values.length;
    }

    /** A copy of \( \lambda_0 \ge \dots \ge \lambda_{n-1} \). */
    public double[] values() {
        return values.clone();
    }

    /** A copy of \( V \) ({@code [n][n]}): column {@code k} solves \( A v = \lambda_k B v \), \( v^\top B v = 1 \). */
    public double[][] vectors() {
        double[][] copy = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            copy[i] = vectors[i].clone();
        }
        return copy;
    }
}
