package dev.fovea.attention.continuous;

import java.util.Objects;

/**
 * The value function \( V(t) = B \psi(t) \) of 2-D continuous attention, fitted by ridge regression to values given
 * at the cell centres of a grid, and the context \( c = \mathbb{E}_p[V(t)] = B r \) it yields (Martins et al. 2020,
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
 * <p>Padding (optional, {@link #fit(GaussianBasis2, UnitSquareGrid, double, int)}): a ring of \( k \) cells of the
 * same lattice around the unit square enters the fit with value 0, i.e. \( F F^\top \) gains
 * \( F_{\mathrm{pad}} F_{\mathrm{pad}}^\top \). Without it, nothing constrains \( V(t) \) outside the square, and a
 * density whose support reaches past the border integrates an extrapolation there; with it, \( V \) decays to 0
 * outside, which is what "no value beyond the image" means.
 *
 * <p>Immutable and thread-safe.
 */
public final class RidgeValueFunction extends RidgeWeights {

    private final GaussianBasis2 basis;
    private final UnitSquareGrid grid;

    private RidgeValueFunction(
            GaussianBasis2 basis, UnitSquareGrid grid, double ridge, int padCellsPerSide, double[][] weights) {
        super(ridge, padCellsPerSide, weights);
        this.basis = basis;
        this.grid = grid;
    }

    /**
     * Computes \( G = F^\top (F F^\top + \lambda I)^{-1} \) for the given basis and grid, without padding.
     *
     * @param basis \( \psi_1, \dots, \psi_N \)
     * @param grid  the grid whose cell centres carry the values
     * @param ridge \( \lambda &gt; 0 \), finite
     * @throws IllegalArgumentException if {@code ridge} is not finite and positive
     */
    public static RidgeValueFunction fit(GaussianBasis2 basis, UnitSquareGrid grid, double ridge) {
        return fit(basis, grid, ridge, 0);
    }

    /**
     * Computes \( G = F^\top (F F^\top + F_{\mathrm{pad}} F_{\mathrm{pad}}^\top + \lambda I)^{-1} \) with a ring of
     * {@code padCellsPerSide} zero-valued cells around the square (see the class comment).
     *
     * @param basis           \( \psi_1, \dots, \psi_N \)
     * @param grid            the grid whose cell centres carry the values
     * @param ridge           \( \lambda &gt; 0 \), finite
     * @param padCellsPerSide \( k \ge 0 \) cells of padding beyond each side (0: none)
     * @throws IllegalArgumentException if {@code ridge} is not finite and positive or {@code padCellsPerSide < 0}
     * @throws ArithmeticException      if the Gram matrix is numerically not positive definite (increase the ridge)
     */
    public static RidgeValueFunction fit(GaussianBasis2 basis, UnitSquareGrid grid, double ridge, int padCellsPerSide) {
        Objects.requireNonNull(basis, "basis must not be null");
        Objects.requireNonNull(grid, "grid must not be null");
        double[][] padding = basis.evaluate(paddingCentres(grid, requirePadding(padCellsPerSide)));
        return new RidgeValueFunction(basis, grid, ridge, padCellsPerSide,
                RidgeWeights.fit(basis.evaluate(grid.centres()), padding, ridge));
    }

    /** The centres \( ((c + \tfrac12)/G, (r + \tfrac12)/G) \) of the ring \( -k \le r, c &lt; G + k \) outside the square. */
    private static double[][] paddingCentres(UnitSquareGrid grid, int k) {
        int g = grid.cellsPerSide();
        int side = g + 2 * k;
        double[][] centres = new double[side * side - g * g][];
        int i = 0;
        for (int row = -k; row < g + k; row++) {
            for (int col = -k; col < g + k; col++) {
                if (row < 0 || row >= g || col < 0 || col >= g) {
                    centres[i++] = new double[] {(col + 0.5) / g, (row + 0.5) / g};
                }
            }
        }
        return centres;
    }

    /** The basis. */
    public GaussianBasis2 basis() {
        return basis;
    }

    /** The grid. */
    public UnitSquareGrid grid() {
        return grid;
    }
}
