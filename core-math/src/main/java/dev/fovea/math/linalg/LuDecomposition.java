package dev.fovea.math.linalg;

import java.util.Objects;

/**
 * The LU factorisation with partial pivoting \( P A = L U \) of a dense \( n \times n \) matrix, for the small
 * indefinite systems where {@link Cholesky} does not apply (KKT systems, thin-plate-spline interpolation).
 *
 * <p>Algorithm: Gaussian elimination, column by column; the pivot of column \( c \) is the entry of largest magnitude
 * on or below the diagonal (rows swapped), the multipliers \( l_{rc} = u_{rc}/u_{cc} \) are stored below the diagonal,
 * \( 2n^3/3 \) flops. Backward stable in practice (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>,
 * §9.3: growth factor \( \le 2^{n-1} \), small for all but contrived matrices). A pivot whose magnitude is at most
 * {@code relativeTolerance} times the largest magnitude of \( A \) makes the matrix singular for this class.
 *
 * <p>Immutable and thread-safe.
 */
public final class LuDecomposition {

    /** \( L \) (unit diagonal, not stored) below the diagonal and \( U \) on and above it, rows in pivot order. */
    private final double[][] lu;
    /** {@code pivot[i]}: the row of \( A \) that is row \( i \) of \( P A \). */
    private final int[] pivot;

    private LuDecomposition(double[][] lu, int[] pivot) {
        this.lu = lu;
        this.pivot = pivot;
    }

    /**
     * Factors a square matrix.
     *
     * @param a                 \( n \times n \), \( n \ge 1 \); not modified
     * @param relativeTolerance \( \ge 0 \); 0 refuses only exactly zero pivots
     * @throws IllegalArgumentException if {@code a} is empty or not square, or the tolerance is negative or NaN
     * @throws ArithmeticException      if a pivot is at most the tolerance; the message gives its column and value
     */
    public static LuDecomposition of(double[][] a, double relativeTolerance) {
        Objects.requireNonNull(a, "a must not be null");
        int n = a.length;
        if (n == 0) {
            throw new IllegalArgumentException("a must have at least one row, got none");
        }
        if (!(relativeTolerance >= 0)) {
            throw new IllegalArgumentException("relativeTolerance must be >= 0, got " + relativeTolerance);
        }
        double[][] lu = new double[n][];
        double scale = 0.0;
        for (int i = 0; i < n; i++) {
            Objects.requireNonNull(a[i], "a[" + i + "] must not be null");
            if (a[i].length != n) {
                throw new IllegalArgumentException("a[" + i + "] has " + a[i].length + " columns, a has " + n + " rows");
            }
            lu[i] = a[i].clone();
            for (double v : a[i]) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        int[] pivot = new int[n];
        for (int i = 0; i < n; i++) {
            pivot[i] = i;
        }
        for (int col = 0; col < n; col++) {
            int best = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(lu[r][col]) > Math.abs(lu[best][col])) {
                    best = r;
                }
            }
            if (!(Math.abs(lu[best][col]) > relativeTolerance * scale)) {
                throw new ArithmeticException("singular matrix: the pivot of column " + col + " of " + n + " is "
                        + lu[best][col] + " (largest entry " + scale + ", relative tolerance " + relativeTolerance + ")");
            }
            double[] swap = lu[best];
            lu[best] = lu[col];
            lu[col] = swap;
            int swapIndex = pivot[best];
            pivot[best] = pivot[col];
            pivot[col] = swapIndex;
            for (int r = col + 1; r < n; r++) {
                double factor = lu[r][col] / lu[col][col];
                lu[r][col] = factor;
                if (factor != 0) {
                    for (int k = col + 1; k < n; k++) {
                        lu[r][k] -= factor * lu[col][k];
                    }
                }
            }
        }
        return new LuDecomposition(lu, pivot);
    }

    /** \( n \). */
    public int size() {
        return lu.length;
    }

    /**
     * \( x = A^{-1} b \) by forward and back substitution.
     *
     * @param b length \( n \); not modified
     * @throws IllegalArgumentException if the length differs from \( n \)
     */
    public double[] solve(double[] b) {
        int n = lu.length;
        if (b.length != n) {
            throw new IllegalArgumentException("b has length " + b.length + ", the matrix is " + n + " x " + n);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[pivot[i]];
            for (int k = 0; k < i; k++) {
                sum -= lu[i][k] * x[k];
            }
            x[i] = sum;
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = x[i];
            for (int k = i + 1; k < n; k++) {
                sum -= lu[i][k] * x[k];
            }
            x[i] = sum / lu[i][i];
        }
        return x;
    }

    /** \( A^{-1} \), column by column from {@link #solve(double[])}; a new row-major array. */
    public double[][] inverse() {
        int n = lu.length;
        double[][] inverse = new double[n][n];
        double[] unit = new double[n];
        for (int j = 0; j < n; j++) {
            unit[j] = 1.0;
            double[] column = solve(unit);
            unit[j] = 0.0;
            for (int i = 0; i < n; i++) {
                inverse[i][j] = column[i];
            }
        }
        return inverse;
    }
}
