package dev.fovea.math.linalg;

/**
 * The Cholesky factor of a 2×2 symmetric positive-definite matrix: the lower-triangular
 * \( L = \begin{pmatrix} l_{11} &amp; 0 \\ l_{21} &amp; l_{22} \end{pmatrix} \) with \( M = L L^\top \) and
 * \( l_{11}, l_{22} &gt; 0 \).
 *
 * <p>Obtain one from {@link SymmetricMatrix2#cholesky()}. It answers the questions a 2-D Gaussian
 * \( \mathcal{N}(\mu, M) \) asks: \( M^{-1} v \) ({@link #solve}), the Mahalanobis term \( v^\top M^{-1} v \)
 * ({@link #inverseQuadraticForm}), \( \log \det M \) ({@link #logDeterminant}) and \( \mu + L z \) for standard normal
 * \( z \) ({@link #lowerTimes}), each by forward/back substitution without forming \( M^{-1} \).
 *
 * <p>Vector arguments are not checked: NaN in, NaN out, because these methods sit in sampling and density loops.
 * Immutable and thread-safe.
 *
 * @param l11 \( l_{11} = \sqrt{m_{11}} \), finite and \( &gt; 0 \)
 * @param l21 \( l_{21} = m_{21} / l_{11} \), finite
 * @param l22 \( l_{22} = \sqrt{m_{22} - l_{21}^2} \), finite and \( &gt; 0 \)
 */
public record Cholesky2(double l11, double l21, double l22) {

    /**
     * @throws IllegalArgumentException if an entry is not finite or a diagonal entry is not \( &gt; 0 \)
     */
    public Cholesky2 {
        if (!(l11 > 0.0) || !(l22 > 0.0) || !Double.isFinite(l11) || !Double.isFinite(l21) || !Double.isFinite(l22)) {
            throw new IllegalArgumentException("Cholesky factor must have finite entries and a positive diagonal, got l11 = "
                    + l11 + ", l21 = " + l21 + ", l22 = " + l22);
        }
    }

    /**
     * \( M^{-1} v \) for \( v = (x, y) \): forward substitution \( L z = v \), then back substitution
     * \( L^\top w = z \).
     *
     * @return a new array {@code {w1, w2}}
     */
    public double[] solve(double x, double y) {
        double z1 = x / l11;
        double z2 = (y - l21 * z1) / l22;
        double w2 = z2 / l22;
        double w1 = (z1 - l21 * w2) / l11;
        return new double[] {w1, w2};
    }

    /**
     * \( v^\top M^{-1} v = \lVert L^{-1} v \rVert^2 \) for \( v = (x, y) \), by one forward substitution; the
     * result is \( \ge 0 \) by construction (a sum of squares), unlike \( v \cdot M^{-1} v \) formed directly.
     */
    public double inverseQuadraticForm(double x, double y) {
        double z1 = x / l11;
        double z2 = (y - l21 * z1) / l22;
        return z1 * z1 + z2 * z2;
    }

    /** \( \log \det M = 2 (\log l_{11} + \log l_{22}) \), free of the overflow that \( \log(\det M) \) could hit. */
    public double logDeterminant() {
        return 2.0 * (Math.log(l11) + Math.log(l22));
    }

    /**
     * \( L v \) for \( v = (x, y) \): with \( v \sim \mathcal{N}(0, I) \), \( L v \sim \mathcal{N}(0, M) \).
     *
     * @return a new array {@code {l11 x, l21 x + l22 y}}
     */
    public double[] lowerTimes(double x, double y) {
        return new double[] {l11 * x, l21 * x + l22 * y};
    }

    /**
     * The factored matrix \( M = L L^\top \): \( xx = l_{11}^2,\; xy = l_{11} l_{21},\; yy = l_{21}^2 + l_{22}^2 \).
     *
     * @throws IllegalArgumentException if an entry of \( M \) overflows
     */
    public SymmetricMatrix2 matrix() {
        return new SymmetricMatrix2(l11 * l11, l11 * l21, l21 * l21 + l22 * l22);
    }
}
