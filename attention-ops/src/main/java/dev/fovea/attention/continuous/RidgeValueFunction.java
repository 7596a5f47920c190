package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.discrete.DiscreteAttention;
import dev.fovea.math.Finite;
import java.util.Objects;

/**
 * The value function \( V(t) = B \psi(t) \) of continuous attention, fitted by ridge regression to values given at
 * the cell centres of a grid, and the context \( c = \mathbb{E}_p[V(t)] = B r \) it yields (Martins et al. 2020,
 * §3.2, eq. 13).
 *
 * <p>With the design matrix \( F_{jl} = \psi_j(t_l) \) (\( [N, L] \), cell centres \( t_l \)) and values
 * \( V \in \mathbb{R}^{L \times D} \) at the cells, ridge regression gives
 * \( B^\top = (F F^\top + \lambda I)^{-1} F V \), hence
 * \[ c = B r = V^\top G r, \qquad G = F^\top (F F^\top + \lambda I)^{-1} \in \mathbb{R}^{L \times N}. \]
 * \( G \) depends only on the basis, the grid and \( \lambda \): it is computed once, in double precision, by a
 * Cholesky factorisation of the symmetric positive-definite \( F F^\top + \lambda I \), and reused for every batch.
 * The product \( G r \) is a set of (signed) weights over the cells, so the context is a weighted sum of the values.
 *
 * <p>Immutable and thread-safe.
 */
public final class RidgeValueFunction {

    private final GaussianBasis2 basis;
    private final UnitSquareGrid grid;
    private final double ridge;
    /** \( G \), row-major \( [L][N] \). */
    private final double[][] weights;

    private RidgeValueFunction(GaussianBasis2 basis, UnitSquareGrid grid, double ridge, double[][] weights) {
        this.basis = basis;
        this.grid = grid;
        this.ridge = ridge;
        this.weights = weights;
    }

    /**
     * Computes \( G = F^\top (F F^\top + \lambda I)^{-1} \) for the given basis and grid.
     *
     * @param basis \( \psi_1, \dots, \psi_N \)
     * @param grid  the grid whose cell centres carry the values
     * @param ridge \( \lambda > 0 \), finite
     * @throws IllegalArgumentException if {@code ridge} is not finite and positive
     */
    public static RidgeValueFunction fit(GaussianBasis2 basis, UnitSquareGrid grid, double ridge) {
        Objects.requireNonNull(basis, "basis must not be null");
        Objects.requireNonNull(grid, "grid must not be null");
        if (!(ridge > 0.0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and > 0, got " + ridge);
        }
        double[][] design = basis.evaluate(grid.centres());
        int n = design.length;
        int cells = grid.cellCount();
        double[][] gram = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0.0;
                for (int l = 0; l < cells; l++) {
                    sum += design[i][l] * design[j][l];
                }
                gram[i][j] = sum;
                gram[j][i] = sum;
            }
            gram[i][i] += ridge;
        }
        double[][] factor = choleskyLower(gram);
        double[][] weights = new double[cells][];
        double[] column = new double[n];
        for (int l = 0; l < cells; l++) {
            for (int j = 0; j < n; j++) {
                column[j] = design[j][l];
            }
            // Row l of G is ((F F^T + λI)^{-1} F e_l)^T, the Gram matrix being symmetric.
            weights[l] = choleskySolve(factor, column);
        }
        return new RidgeValueFunction(basis, grid, ridge, weights);
    }

    /** The basis. */
    public GaussianBasis2 basis() {
        return basis;
    }

    /** The grid. */
    public UnitSquareGrid grid() {
        return grid;
    }

    /** \( \lambda \). */
    public double ridge() {
        return ridge;
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
        int n = basis.size();
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
        if (expectation.length != basis.size()) {
            throw new IllegalArgumentException("expectation has " + expectation.length + " entries, the basis "
                    + basis.size() + " functions");
        }
        int d = values.length == 0 ? 0 : values[0].length;
        double[] context = new double[d];
        for (int l = 0; l < weights.length; l++) {
            if (values[l].length != d) {
                throw new IllegalArgumentException("values[" + l + "] has " + values[l].length + " entries, values[0] " + d);
            }
            double cellWeight = 0.0;
            for (int j = 0; j < expectation.length; j++) {
                cellWeight += weights[l][j] * expectation[j];
            }
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
        ArgumentShapes.requireShape("expectation", expectation, -1, basis.size());
        ArgumentShapes.requireShape("values", values, expectation.getShape().get(0), weights.length, -1);
        ArgumentShapes.requireSameType("expectation", expectation, "values", values);
        NDArray g = weights(expectation.getManager(), expectation.getDataType());
        return DiscreteAttention.weightedSum(expectation.matMul(g.transpose()), values);
    }

    /** The lower Cholesky factor of a symmetric positive-definite matrix (Cholesky–Banachiewicz, row by row). */
    private static double[][] choleskyLower(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0.0)) {
                        throw new ArithmeticException("the ridge Gram matrix is numerically not positive definite at "
                                + "pivot " + i + " (" + sum + "): increase the ridge");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    /** Solves \( L L^\top x = b \) by forward and back substitution. */
    private static double[] choleskySolve(double[][] l, double[] b) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
