package dev.fovea.attention.continuous;

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
public final class RidgeValueFunction1 extends RidgeWeights {

    private final GaussianBasis1 basis;
    private final UnitIntervalGrid grid;

    private RidgeValueFunction1(
            GaussianBasis1 basis, UnitIntervalGrid grid, double ridge, int padCellsPerSide, double[][] weights) {
        super(ridge, padCellsPerSide, weights);
        this.basis = basis;
        this.grid = grid;
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
        double[][] padding = basis.evaluate(grid.paddingCentres(requirePadding(padCellsPerSide)));
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
}
