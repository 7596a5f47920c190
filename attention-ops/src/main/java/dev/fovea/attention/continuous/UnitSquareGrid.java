package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The one coordinate frame of 2-D attention: the unit square \( [0,1]^2 \) cut into \( G \times G \) equal cells,
 * each represented by its centre.
 *
 * <p>Cell \( (\mathit{row}, \mathit{col}) \) has flat index \( \mathit{row} \cdot G + \mathit{col} \) (row-major, as an
 * image is stored) and centre \( t = (x, y) = \big((\mathit{col} + \tfrac12)/G,\ (\mathit{row} + \tfrac12)/G\big) \):
 * \( x \) grows to the right, \( y \) grows <em>downwards</em> with the row index. Moment matching, the basis
 * functions and the value function all use these centres, never {@code linspace(0, 1, G)} (the second frame of the
 * deep-spin VQA code that shifts the two halves of the model against each other).
 *
 * <p>Immutable and thread-safe.
 *
 * @param cellsPerSide \( G \ge 1 \)
 */
public record UnitSquareGrid(int cellsPerSide) {

    /**
     * @throws IllegalArgumentException if {@code cellsPerSide < 1}
     */
    public UnitSquareGrid {
        if (cellsPerSide < 1) {
            throw new IllegalArgumentException("cellsPerSide must be >= 1, got " + cellsPerSide);
        }
    }

    /** The grid with \( G \) cells per side; same as the constructor. */
    public static UnitSquareGrid of(int cellsPerSide) {
        return new UnitSquareGrid(cellsPerSide);
    }

    /**
     * The square grid with {@code cellCount} \( = G^2 \) cells.
     *
     * @throws IllegalArgumentException if {@code cellCount} is not a positive square number
     */
    public static UnitSquareGrid ofCellCount(long cellCount) {
        long side = Math.round(Math.sqrt((double) cellCount));
        if (cellCount < 1 || side * side != cellCount) {
            throw new IllegalArgumentException(
                    "a square grid needs a positive square number of cells, got " + cellCount);
        }
        return new UnitSquareGrid(Math.toIntExact(side));
    }

    /** \( L = G^2 \). */
    public int cellCount() {
        return cellsPerSide * cellsPerSide;
    }

    /** The side of one cell, \( h = 1/G \). */
    public double cellSize() {
        return 1.0 / cellsPerSide;
    }

    /** The centre coordinate \( (k + \tfrac12)/G \) of column (for \( x \)) or row (for \( y \)) \( k \). */
    public double centre(int k) {
        return (k + 0.5) / cellsPerSide;
    }

    /** The flat index \( \mathit{row} \cdot G + \mathit{col} \). */
    public int index(int row, int col) {
        return row * cellsPerSide + col;
    }

    /** All cell centres as a new \( [L][2] \) array of \( (x, y) \), in flat-index order. */
    public double[][] centres() {
        double[][] centres = new double[cellCount()][];
        for (int row = 0; row < cellsPerSide; row++) {
            for (int col = 0; col < cellsPerSide; col++) {
                centres[index(row, col)] = new double[] {centre(col), centre(row)};
            }
        }
        return centres;
    }

    /** All cell centres as an \( [L, 2] \) array of \( (x, y) \) in flat-index order. */
    public NDArray centres(NDManager manager, DataType type) {
        double[] flat = new double[2 * cellCount()];
        for (int row = 0; row < cellsPerSide; row++) {
            for (int col = 0; col < cellsPerSide; col++) {
                flat[2 * index(row, col)] = centre(col);
                flat[2 * index(row, col) + 1] = centre(row);
            }
        }
        return manager.create(flat, new Shape(cellCount(), 2)).toType(type, false);
    }
}
