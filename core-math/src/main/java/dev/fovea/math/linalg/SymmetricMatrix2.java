package dev.fovea.math.linalg;

import dev.fovea.math.Finite;
import java.util.Objects;

/**
 * A real symmetric 2×2 matrix \( M = \begin{pmatrix} xx &amp; xy \\ xy &amp; yy \end{pmatrix} \), stored by its three
 * distinct entries.
 *
 * <p>Typical use is the covariance \( \Sigma \) of a 2-D Gaussian. Construction rejects NaN and ±∞ entries; use
 * {@link #positiveDefinite(double, double, double)} when the matrix must also be positive definite, which by
 * Sylvester's criterion for 2×2 is \( xx &gt; 0 \) and \( \det M &gt; 0 \).
 *
 * <p>The determinant \( xx \cdot yy - xy^2 \) is computed with Kahan's fused-multiply-add algorithm for
 * \( ad - bc \) (Jeannerod, Louvet &amp; Muller, Math. Comp. 82 (2013), Alg. 1), accurate to within 2 ulps even when
 * the two products nearly cancel, i.e. for nearly singular matrices where the positive-definiteness verdict matters
 * most.
 *
 * <p>Immutable and thread-safe.
 *
 * @param xx the (0, 0) entry, finite
 * @param xy the (0, 1) = (1, 0) entry, finite
 * @param yy the (1, 1) entry, finite
 */
public record SymmetricMatrix2(double xx, double xy, double yy) {

    /** Tolerance of {@link #fromRows(double[][])} for \( |r_{01} - r_{10}| \), relative to the largest |entry|. */
    public static final double SYMMETRY_TOLERANCE = 1e-12;

    private static final SymmetricMatrix2 IDENTITY = new SymmetricMatrix2(1.0, 0.0, 1.0);

    /**
     * @throws IllegalArgumentException if an entry is NaN or ±∞ ({@code "xy must be finite, got NaN"})
     */
    public SymmetricMatrix2 {
        Finite.check("xx", xx);
        Finite.check("xy", xy);
        Finite.check("yy", yy);
    }

    /**
     * The symmetric matrix with the given entries; any finite entries are accepted.
     *
     * @throws IllegalArgumentException if an entry is NaN or ±∞
     */
    public static SymmetricMatrix2 of(double xx, double xy, double yy) {
        return new SymmetricMatrix2(xx, xy, yy);
    }

    /**
     * The symmetric matrix with the given entries, which must be positive definite.
     *
     * @throws IllegalArgumentException     if an entry is NaN or ±∞
     * @throws NotPositiveDefiniteException if \( xx \le 0 \) or \( \det \le 0 \); the message gives entries and determinant
     */
    public static SymmetricMatrix2 positiveDefinite(double xx, double xy, double yy) {
        SymmetricMatrix2 m = new SymmetricMatrix2(xx, xy, yy);
        m.requirePositiveDefinite();
        return m;
    }

    /**
     * The symmetric matrix read from a 2×2 row-major array, e.g. one parsed from JSON.
     *
     * <p>The two off-diagonal entries may differ by rounding: they are accepted when
     * \( |r_{01} - r_{10}| \le 10^{-12} \max_{k,l} |r_{kl}| \) and averaged. The scale is the largest entry rather than
     * the off-diagonal pair itself, so that off-diagonals that are rounding noise around 0 (say \( 10^{-17} \) and
     * \( -10^{-17} \) next to diagonal entries of order 1) are still accepted.
     *
     * @param rows a 2×2 array {@code {{xx, xy}, {yx, yy}}}
     * @throws NullPointerException     if {@code rows} or a row is null
     * @throws IllegalArgumentException if the shape is not 2×2, an entry is not finite, or the off-diagonals differ
     *                                  beyond the tolerance (the message gives both entries)
     */
    public static SymmetricMatrix2 fromRows(double[][] rows) {
        Objects.requireNonNull(rows, "rows must not be null");
        if (rows.length != 2) {
            throw new IllegalArgumentException("rows must be 2×2, got " + rows.length + " rows");
        }
        for (int i = 0; i < 2; i++) {
            Objects.requireNonNull(rows[i], "rows[" + i + "] must not be null");
            if (rows[i].length != 2) {
                throw new IllegalArgumentException(
                        "rows must be 2×2, got " + rows[i].length + " columns in rows[" + i + "]");
            }
        }
        Finite.check("rows", rows);
        double upper = rows[0][1];
        double lower = rows[1][0];
        double scale = Math.max(Math.max(Math.abs(rows[0][0]), Math.abs(rows[1][1])),
                Math.max(Math.abs(upper), Math.abs(lower)));
        double gap = Math.abs(upper - lower);
        if (gap > SYMMETRY_TOLERANCE * scale) {
            throw new IllegalArgumentException("rows must be symmetric, got rows[0][1] = " + upper
                    + " and rows[1][0] = " + lower + " (difference " + gap + " exceeds " + SYMMETRY_TOLERANCE
                    + " × largest |entry| " + scale + ")");
        }
        // Halve before adding so that two entries near Double.MAX_VALUE do not overflow.
        return new SymmetricMatrix2(rows[0][0], 0.5 * upper + 0.5 * lower, rows[1][1]);
    }

    /** The identity matrix \( I \). */
    public static SymmetricMatrix2 identity() {
        return IDENTITY;
    }

    /**
     * The diagonal matrix \( \operatorname{diag}(a, b) \).
     *
     * @throws IllegalArgumentException if {@code a} or {@code b} is not finite
     */
    public static SymmetricMatrix2 diagonal(double a, double b) {
        return new SymmetricMatrix2(a, 0.0, b);
    }

    /**
     * \( \det M = xx \cdot yy - xy^2 \), by Kahan's FMA algorithm (see the class comment); may overflow to ±∞ for
     * entries beyond about \( 10^{154} \).
     */
    public double determinant() {
        double w = xy * xy;
        double roundingOfW = Math.fma(-xy, xy, w);
        return Math.fma(xx, yy, -w) + roundingOfW;
    }

    /** \( \operatorname{tr} M = xx + yy \). */
    public double trace() {
        return xx + yy;
    }

    /** Whether \( xx &gt; 0 \) and \( \det M &gt; 0 \) (Sylvester's criterion), with the determinant as computed. */
    public boolean isPositiveDefinite() {
        return xx > 0.0 && determinant() > 0.0;
    }

    /**
     * \( M^{-1} = \frac{1}{\det M} \begin{pmatrix} yy &amp; -xy \\ -xy &amp; xx \end{pmatrix} \).
     *
     * <p>No conditioning check beyond singularity: for a nearly singular \( M \) the result is exact to within the
     * rounding of the determinant, which is as good as the closed form gets.
     *
     * @throws ArithmeticException if \( \det M = 0 \) or the inverse overflows; the message gives entries and determinant
     */
    public SymmetricMatrix2 inverse() {
        double det = determinant();
        double ixx = yy / det;
        double ixy = -xy / det;
        double iyy = xx / det;
        if (det == 0.0 || !Double.isFinite(ixx) || !Double.isFinite(ixy) || !Double.isFinite(iyy)) {
            throw new ArithmeticException(this + " has no finite inverse: determinant = " + det);
        }
        return new SymmetricMatrix2(ixx, ixy, iyy);
    }

    /**
     * The Cholesky factor \( L \) with \( M = L L^\top \):
     * \( l_{11} = \sqrt{xx},\; l_{21} = xy / l_{11},\; l_{22} = \sqrt{\det M / xx} \).
     *
     * <p>\( l_{22} \) comes from the determinant rather than from \( \sqrt{yy - l_{21}^2} \), so it inherits the
     * accurate FMA determinant instead of cancelling two nearly equal numbers.
     *
     * @throws NotPositiveDefiniteException if \( M \) is not positive definite (message with entries and determinant)
     */
    public Cholesky2 cholesky() {
        double det = requirePositiveDefinite();
        double l11 = Math.sqrt(xx);
        double l22 = Math.sqrt(det / xx);
        if (!(l22 > 0.0) || !Double.isFinite(l22)) {
            throw new NotPositiveDefiniteException(this + " is numerically not positive definite: determinant = "
                    + det + " gives l22 = " + l22);
        }
        return new Cholesky2(l11, xy / l11, l22);
    }

    /**
     * The entry-wise sum \( M + N \).
     *
     * @throws IllegalArgumentException if an entry of the sum overflows
     */
    public SymmetricMatrix2 plus(SymmetricMatrix2 other) {
        Objects.requireNonNull(other, "other must not be null");
        return new SymmetricMatrix2(xx + other.xx, xy + other.xy, yy + other.yy);
    }

    /**
     * The product \( c M \).
     *
     * @throws IllegalArgumentException if {@code factor} is not finite or an entry of the product overflows
     */
    public SymmetricMatrix2 scaled(double factor) {
        Finite.check("factor", factor);
        return new SymmetricMatrix2(factor * xx, factor * xy, factor * yy);
    }

    /**
     * The quadratic form \( v^\top M v = xx\,x^2 + 2\,xy\,x\,y + yy\,y^2 \) for \( v = (x, y) \); NaN in, NaN out.
     */
    public double quadraticForm(double x, double y) {
        return xx * x * x + 2.0 * xy * x * y + yy * y * y;
    }

    /**
     * The matrix-vector product \( M v \) for \( v = (x, y) \), as a new array of length 2; NaN in, NaN out.
     */
    public double[] times(double x, double y) {
        return new double[] {xx * x + xy * y, xy * x + yy * y};
    }

    /** The matrix as a new row-major 2×2 array {@code {{xx, xy}, {xy, yy}}}. */
    public double[][] toRows() {
        return new double[][] {{xx, xy}, {xy, yy}};
    }

    /** Throws unless positive definite; returns the determinant so that callers need not compute it twice. */
    private double requirePositiveDefinite() {
        double det = determinant();
        if (!(xx > 0.0 && det > 0.0)) {
            throw new NotPositiveDefiniteException("matrix [[" + xx + ", " + xy + "], [" + xy + ", " + yy
                    + "]] must be positive definite, but " + (xx > 0.0 ? "" : "xx = " + xx + " <= 0 and ")
                    + "determinant = " + det + (det > 0.0 ? "" : " <= 0"));
        }
        return det;
    }
}
