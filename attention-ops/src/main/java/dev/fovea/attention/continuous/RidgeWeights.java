package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.discrete.DiscreteAttention;
import dev.fovea.math.Finite;
import dev.fovea.math.linalg.Cholesky;
import dev.fovea.math.linalg.NotPositiveDefiniteException;

/**
 * The ridge-regression weights \( G = F^\top (F F^\top + F_{\mathrm{pad}} F_{\mathrm{pad}}^\top + \lambda I)^{-1} \)
 * that the 1-D and 2-D value functions ({@link RidgeValueFunction1}, {@link RidgeValueFunction}) share, and the
 * contexts \( c = V^\top G r \) they give.
 *
 * <p>\( F \) (\( [N, L] \)) holds the basis functions at the \( L \) cells that carry values, \( F_{\mathrm{pad}} \)
 * (\( [N, P] \), possibly empty) at padding cells whose values are taken to be 0: fitting
 * \( \min_B \sum_l \lVert v_l - B\psi(t_l) \rVert^2 + \sum_{\mathrm{pad}} \lVert B\psi(t_p) \rVert^2 + \lambda \lVert B \rVert^2 \)
 * gives \( B^\top = (F F^\top + F_{\mathrm{pad}} F_{\mathrm{pad}}^\top + \lambda I)^{-1} F V \), so only the rows of
 * \( G \) for the real cells are kept. Subclasses are immutable and thread-safe.
 */
abstract class RidgeWeights {

    private final double ridge;
    private final int padCellsPerSide;
    /** \( G \), row-major \( [L][N] \). */
    private final double[][] weights;

    RidgeWeights(double ridge, int padCellsPerSide, double[][] weights) {
        this.ridge = ridge;
        this.padCellsPerSide = padCellsPerSide;
        this.weights = weights;
    }

    /**
     * Fits \( G \) by a Cholesky factorisation of the symmetric positive-definite Gram matrix.
     *
     * @param design        \( F \), \( [N][L] \)
     * @param paddingDesign \( F_{\mathrm{pad}} \), \( [N][P] \), \( P \ge 0 \)
     * @param ridge         \( \lambda &gt; 0 \), finite
     * @return \( G \), \( [L][N] \)
     * @throws IllegalArgumentException if {@code ridge} is not finite and positive
     * @throws ArithmeticException      if the Gram matrix is numerically not positive definite
     */
    static double[][] fit(double[][] design, double[][] paddingDesign, double ridge) {
        if (!(ridge > 0.0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and > 0, got " + ridge);
        }
        int n = design.length;
        int cells = design[0].length;
        double[][] gram = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                gram[i][j] = dot(design[i], design[j]) + dot(paddingDesign[i], paddingDesign[j]);
            }
            gram[i][i] += ridge;
        }
        Cholesky factor;
        try {
            factor = Cholesky.of(gram);
        } catch (NotPositiveDefiniteException e) {
            throw new ArithmeticException("the ridge Gram matrix is numerically not positive definite (" + e.getMessage()
                    + "): increase the ridge, now " + ridge);
        }
        double[][] weights = new double[cells][];
        double[] column = new double[n];
        for (int l = 0; l < cells; l++) {
            for (int j = 0; j < n; j++) {
                column[j] = design[j][l];
            }
            // Row l of G is ((F Fᵀ + …)⁻¹ F e_l)ᵀ, the Gram matrix being symmetric.
            weights[l] = factor.solve(column);
        }
        return weights;
    }

    /** Checks \( k \ge 0 \) padding cells per side. */
    static int requirePadding(int padCellsPerSide) {
        if (padCellsPerSide < 0) {
            throw new IllegalArgumentException("padCellsPerSide must be >= 0, got " + padCellsPerSide);
        }
        return padCellsPerSide;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int l = 0; l < a.length; l++) {
            sum += a[l] * b[l];
        }
        return sum;
    }

    private int basisSize() {
        return weights[0].length;
    }

    /** \( \lambda \). */
    public double ridge() {
        return ridge;
    }

    /** \( k \), the zero-valued padding cells beyond each side of the grid in the fit (0: none). */
    public int padCellsPerSide() {
        return padCellsPerSide;
    }

    /** \( G \) as a new \( [L][N] \) array. */
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int l = 0; l < weights.length; l++) {
            copy[l] = weights[l].clone();
        }
        return copy;
    }

    /** \( G \) as an \( [L, N] \) array of the given data type. */
    public NDArray weights(NDManager manager, DataType type) {
        int n = basisSize();
        double[] flat = new double[weights.length * n];
        for (int l = 0; l < weights.length; l++) {
            System.arraycopy(weights[l], 0, flat, l * n, n);
        }
        return manager.create(flat, new Shape(weights.length, n)).toType(type, false);
    }

    /**
     * The context \( c = V^\top G r \) for one example (double kernel).
     *
     * @param values      \( V \), \( [L][D] \), finite
     * @param expectation \( r \), length \( N \), finite
     * @return a new array of length \( D \)
     * @throws IllegalArgumentException if a length does not fit or a value is not finite
     */
    public double[] context(double[][] values, double[] expectation) {
        Finite.check("values", values);
        Finite.check("expectation", expectation);
        if (values.length != weights.length) {
            throw new IllegalArgumentException("values have " + values.length + " rows, the grid " + weights.length
                    + " cells");
        }
        if (expectation.length != basisSize()) {
            throw new IllegalArgumentException("expectation has " + expectation.length + " entries, the basis "
                    + basisSize() + " functions");
        }
        int d = values.length == 0 ? 0 : values[0].length;
        double[] context = new double[d];
        for (int l = 0; l < weights.length; l++) {
            if (values[l].length != d) {
                throw new IllegalArgumentException("values[" + l + "] has " + values[l].length + " entries, values[0] " + d);
            }
            double cellWeight = dot(weights[l], expectation);
            for (int k = 0; k < d; k++) {
                context[k] += cellWeight * values[l][k];
            }
        }
        return context;
    }

    /**
     * Batched, differentiable context \( c_b = V_b^\top G r_b \).
     *
     * @param values      \( [B, L, D] \)
     * @param expectation \( r \), \( [B, N] \), same data type
     * @return \( [B, D] \)
     * @throws IllegalArgumentException if a shape or data type does not fit
     */
    public NDArray context(NDArray values, NDArray expectation) {
        ArgumentShapes.requireShape("expectation", expectation, -1, basisSize());
        ArgumentShapes.requireShape("values", values, expectation.getShape().get(0), weights.length, -1);
        ArgumentShapes.requireSameType("expectation", expectation, "values", values);
        NDArray g = weights(expectation.getManager(), expectation.getDataType());
        return DiscreteAttention.weightedSum(expectation.matMul(g.transpose()), values);
    }
}
