package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The one coordinate frame of 1-D attention: the unit interval \( [0, 1] \) cut into \( L \) equal cells, one per
 * sequence position, each represented by its centre \( t_l = (l + \tfrac12)/L \), \( l = 0, \dots, L - 1 \).
 *
 * <p>Moment matching, the basis functions and the value function all use these centres. Padding cells (for the value
 * function's fit, see {@link RidgeValueFunction1}) continue the same lattice beyond the interval:
 * \( t_l = (l + \tfrac12)/L \) for \( l = -k, \dots, -1 \) and \( l = L, \dots, L + k - 1 \) — there is no second
 * spacing and no half-cell slip (the reference code's padded grid computes its shift as {@code 1. / 2 * length},
 * i.e. \( L/2 \) instead of \( 1/(2L) \)).
 *
 * <p>Immutable and thread-safe.
 *
 * @param cells \( L \ge 1 \)
 */
public record UnitIntervalGrid(int cells) {

    /**
     * @throws IllegalArgumentException if {@code cells < 1}
     */
    public UnitIntervalGrid {
        if (cells < 1) {
            throw new IllegalArgumentException("cells must be >= 1, got " + cells);
        }
    }

    /** The grid with \( L \) cells; same as the constructor. */
    public static UnitIntervalGrid of(int cells) {
        return new UnitIntervalGrid(cells);
    }

    /** The side of one cell, \( h = 1/L \). */
    public double cellSize() {
        return 1.0 / cells;
    }

    /** The centre \( (l + \tfrac12)/L \) of cell \( l \); any integer \( l \), so that padding cells have centres too. */
    public double centre(int l) {
        return (l + 0.5) / cells;
    }

    /** All \( L \) cell centres, as a new array in order. */
    public double[] centres() {
        double[] centres = new double[cells];
        for (int l = 0; l < cells; l++) {
            centres[l] = centre(l);
        }
        return centres;
    }

    /** All cell centres as an \( [L] \) array of the given data type. */
    public NDArray centres(NDManager manager, DataType type) {
        return manager.create(centres(), new Shape(cells)).toType(type, false);
    }

    /**
     * The centres of \( k \) padding cells on each side: \( (l + \tfrac12)/L \) for \( l = -k, \dots, -1 \), then for
     * \( l = L, \dots, L + k - 1 \).
     *
     * @param padCellsPerSide \( k \ge 0 \)
     * @return a new array of length \( 2k \)
     * @throws IllegalArgumentException if {@code padCellsPerSide < 0}
     */
    public double[] paddingCentres(int padCellsPerSide) {
        double[] centres = new double[2 * RidgeWeights.requirePadding(padCellsPerSide)];
        for (int i = 0; i < padCellsPerSide; i++) {
            centres[i] = centre(i - padCellsPerSide);
            centres[padCellsPerSide + i] = centre(cells + i);
        }
        return centres;
    }
}
