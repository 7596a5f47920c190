package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Objects;

/**
 * The value function \( V(t) = B \psi(t) \) of 1-D continuous attention over a sequence, fitted by ridge regression
 * to the values at the cell centres of a {@link UnitIntervalGrid}, and the context \( c = \mathbb{E}_p[V(t)] = B r \)
 * (Martins et al. 2020, §3.2, eq. 13, and §5.1).
 *
 * <p>As in 2-D ({@link RidgeValueFunction}): \( c = V^\top G r \) with
 * \( G = F^\top (F F^\top + F_{\mathrm{pad}} F_{\mathrm{pad}}^\top + \lambda I)^{-1} \in \mathbb{R}^{L \times N} \),
 * \( F_{jl} = \psi_j(t_l) \), computed once in double precision and cached by the caller per sequence length.
 *
 * <p>Padding ({@code padCellsPerSide} \( = k \)): \( k \) zero-valued cells of the same lattice beyond each end,
 * \( t = (l + \tfrac12)/L \) for \( l = -k, \dots, -1 \) and \( L, \dots, L + k - 1 \). A density whose support
 * passes an end of the sequence then integrates a value function that decays to 0 there instead of an unconstrained
 * extrapolation. The reference implementation pads by half the length (\( k = \lceil L/2 \rceil \)); any \( k \) is
 * allowed here and {@link #halfLengthPadding(int)} gives that choice.
 *
 * <p>Immutable and thread-safe.
 */
public final class RidgeValueFunction1 {

    private final GaussianBasis1 basis;
    private final UnitIntervalGrid grid;
    private final double ridge;
    private final int padCellsPerSide;
    private final RidgeWeights weights;

    private RidgeValueFunction1(
            GaussianBasis1 basis, UnitIntervalGrid grid, double ridge, int padCellsPerSide, RidgeWeights weights) {
        this.basis = basis;
        this.grid = grid;
        this.ridge = ridge;
        this.padCellsPerSide = padCellsPerSide;
        this.weights = weights;
    }

    /**
     * Fits \( G \) for the given basis and grid.
     *
     * @param basis           \( \psi_1, \dots, \psi_N \)
     * @param grid            the grid whose \( L \) cell centres carry the values
     * @param ridge           \( \lambda &gt; 0 \), finite
     * @param padCellsPerSide \( k \ge 0 \) zero-valued cells beyond each end (0: no padding)
     * @throws IllegalArgumentException if {@code ridge} is not finite and positive or {@code padCellsPerSide < 0}
     * @throws ArithmeticException      if the Gram matrix is numerically not positive definite (increase the ridge)
     */
    public static RidgeValueFunction1 fit(GaussianBasis1 basis, UnitIntervalGrid grid, double ridge, int padCellsPerSide) {
        Objects.requireNonNull(basis, "basis must not be null");
        Objects.requireNonNull(grid, "grid must not be null");
        double[][] padding = basis.evaluate(grid.paddingCentres(padCellsPerSide));
        return new RidgeValueFunction1(basis, grid, ridge, padCellsPerSide,
                RidgeWeights.fit(basis.evaluate(grid.centres()), padding, ridge));
    }

    /**
     * \( k = \lceil L/2 \rceil \): padding by half the sequence length on each side, the margin of the reference
     * implementation (there 0.5 in unit-interval coordinates), on this grid's lattice.
     *
     * @param cells \( L \ge 1 \)
     * @throws IllegalArgumentException if {@code cells < 1}
     */
    public static int halfLengthPadding(int cells) {
        return (UnitIntervalGrid.of(cells).cells() + 1) / 2;
    }

    /** The basis. */
    public GaussianBasis1 basis() {
        return basis;
    }

    /** The grid. */
    public UnitIntervalGrid grid() {
        return grid;
    }

    /** \( \lambda \). */
    public double ridge() {
        return ridge;
    }

    /** \( k \), the padding cells beyond each end (0: none). */
    public int padCellsPerSide() {
        return padCellsPerSide;
    }

    /** \( G \) as a new \( [L][N] \) array. */
    public double[][] weights() {
        return weights.copy();
    }

    /** \( G \) as an \( [L, N] \) array of the given data type. */
    public NDArray weights(NDManager manager, DataType type) {
        return weights.toNDArray(manager, type);
    }

    /**
     * The context \( c = V^\top G r \) for one sequence (double kernel).
     *
     * @param values      \( V \), \( [L][D] \), finite
     * @param expectation \( r \), length \( N \), finite
     * @return a new array of length \( D \)
     * @throws IllegalArgumentException if a length does not fit or a value is not finite
     */
    public double[] context(double[][] values, double[] expectation) {
        return weights.context(values, expectation);
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
        return weights.context(values, expectation);
    }
}
