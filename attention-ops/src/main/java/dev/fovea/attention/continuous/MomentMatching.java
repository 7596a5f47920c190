package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The mean and covariance of a discrete distribution over the cells of a {@link UnitSquareGrid}, the parameters of
 * the Gaussian that 2-D continuous softmax attends with (Martins et al. 2020, §5.3: the VQA model obtains
 * \( \mu, \Sigma \) by moment matching a discrete softmax over the image regions).
 *
 * <p>With cell probabilities \( p_l \) and cell centres \( t_l \) (the grid's only frame):
 * \[ \mu = \sum_l p_l t_l, \qquad \Sigma = \sum_l p_l (t_l - \mu)(t_l - \mu)^\top + \varepsilon I. \]
 * The default floor \( \varepsilon = h^2/12 \), \( h = 1/G \), is not a fudge: it makes \( (\mu, \Sigma) \) the exact
 * moments of the piecewise-constant density that spreads each cell's mass uniformly over the cell (a uniform
 * distribution on an interval of length \( h \) has variance \( h^2/12 \)). It also keeps \( \Sigma \) positive
 * definite even when all mass sits in one cell, with smallest eigenvalue \( \ge \varepsilon \).
 *
 * <p>The covariance is formed from centred positions (not as \( \mathbb{E}[tt^\top] - \mu\mu^\top \)), so it is
 * symmetric positive semi-definite by construction and free of cancellation in float32.
 *
 * <p>1-D: {@link #fromSequence(NDArray)} does the same over the cells of a {@link UnitIntervalGrid} (one per sequence
 * position). Continuous softmax attends with \( \mathcal{N}(\mu, \Sigma) \) directly; continuous sparsemax needs the
 * score scale whose truncated parabola/paraboloid has these moments: {@link #parabolaScale(NDArray)}
 * (\( \sigma^2 = \tfrac23 (5v)^{3/2} \), see {@link TruncatedParabola}) and {@link #paraboloidScale(NDArray)}
 * (\( \Sigma = 9\pi\sqrt{\det C}\, C \), see {@link TruncatedParaboloid}). Stateless and thread-safe.
 */
public final class MomentMatching {

    private MomentMatching() {
    }

    /**
     * The mean \( [B, 2] \) and covariance \( [B, 2, 2] \) of a batch of distributions over grid cells.
     *
     * @param mean       \( \mu \), \( [B, 2] \), coordinates \( (x, y) \) in the unit square
     * @param covariance \( \Sigma \), \( [B, 2, 2] \)
     */
    public record Moments(NDArray mean, NDArray covariance) {
    }

    /**
     * The mean \( [B] \) and variance \( [B] \) of a batch of distributions over sequence positions.
     *
     * @param mean     \( \mu \), \( [B] \), in the unit interval
     * @param variance \( \sigma^2 \), \( [B] \)
     */
    public record Moments1(NDArray mean, NDArray variance) {
    }

    /**
     * Moments of the piecewise-constant densities given by cell probabilities: the floor is
     * \( \varepsilon = h^2/12 \) (see the class comment); differentiable.
     *
     * @param probabilities \( [B, G^2] \), rows on the simplex, cells in {@link UnitSquareGrid} order
     * @param grid          \( G \), cells per side
     * @throws IllegalArgumentException if the shape does not fit the grid
     *                                  ({@code "probabilities must have shape (*, 64) for an 8×8 grid, got (2, 63)"})
     */
    public static Moments fromGrid(NDArray probabilities, int grid) {
        UnitSquareGrid cells = UnitSquareGrid.of(grid);
        return fromGrid(probabilities, grid, cells.cellSize() * cells.cellSize() / 12.0);
    }

    /**
     * Moments of the point masses \( p_l \) at the cell centres, plus \( \varepsilon I \); differentiable.
     *
     * @param probabilities   \( [B, G^2] \), rows on the simplex
     * @param grid            \( G \), cells per side
     * @param covarianceFloor \( \varepsilon \ge 0 \), finite
     * @throws IllegalArgumentException if the shape does not fit the grid or the floor is negative or not finite
     */
    public static Moments fromGrid(NDArray probabilities, int grid, double covarianceFloor) {
        UnitSquareGrid cells = UnitSquareGrid.of(grid);
        Shape shape = probabilities.getShape();
        if (shape.dimension() != 2 || shape.get(1) != cells.cellCount()) {
            throw new IllegalArgumentException("probabilities must have shape (*, " + cells.cellCount() + ") for a "
                    + grid + "×" + grid + " grid, got " + shape);
        }
        if (!(covarianceFloor >= 0.0) || !Double.isFinite(covarianceFloor)) {
            throw new IllegalArgumentException("covarianceFloor must be finite and >= 0, got " + covarianceFloor);
        }
        if (!probabilities.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "probabilities must have a floating-point data type, got " + probabilities.getDataType());
        }
        NDManager manager = probabilities.getManager();
        DataType type = probabilities.getDataType();
        NDArray positions = cells.centres(manager, type);
        NDArray mean = probabilities.matMul(positions);
        NDArray centred = positions.expandDims(0).sub(mean.expandDims(1));
        NDArray covariance = centred.mul(probabilities.expandDims(2)).transpose(0, 2, 1).matMul(centred);
        NDArray floor = manager.eye(2).toType(type, false).mul(covarianceFloor);
        return new Moments(mean, covariance.add(floor));
    }

    /**
     * Moments of the piecewise-constant densities given by position probabilities over a {@link UnitIntervalGrid}:
     * \( \mu = \sum_l p_l t_l \), \( \sigma^2 = \sum_l p_l (t_l - \mu)^2 + h^2/12 \), \( t_l = (l + \tfrac12)/L \),
     * \( h = 1/L \); differentiable.
     *
     * @param probabilities \( [B, L] \), rows on the simplex
     * @throws IllegalArgumentException if the array is not \( [B, L] \) of a floating-point type
     */
    public static Moments1 fromSequence(NDArray probabilities) {
        Shape shape = probabilities.getShape();
        if (shape.dimension() != 2 || shape.get(1) < 1) {
            throw new IllegalArgumentException("probabilities must have shape (B, L) with L >= 1, got " + shape);
        }
        UnitIntervalGrid cells = UnitIntervalGrid.of(Math.toIntExact(shape.get(1)));
        return fromSequence(probabilities, cells.cellSize() * cells.cellSize() / 12.0);
    }

    /**
     * Moments of the point masses \( p_l \) at the cell centres \( t_l = (l + \tfrac12)/L \), plus the floor;
     * differentiable.
     *
     * @param probabilities  \( [B, L] \), rows on the simplex
     * @param varianceFloor  \( \varepsilon \ge 0 \), finite, added to every variance
     * @throws IllegalArgumentException if the shape or type does not fit or the floor is negative or not finite
     */
    public static Moments1 fromSequence(NDArray probabilities, double varianceFloor) {
        Shape shape = probabilities.getShape();
        if (shape.dimension() != 2 || shape.get(1) < 1) {
            throw new IllegalArgumentException("probabilities must have shape (B, L) with L >= 1, got " + shape);
        }
        if (!(varianceFloor >= 0.0) || !Double.isFinite(varianceFloor)) {
            throw new IllegalArgumentException("varianceFloor must be finite and >= 0, got " + varianceFloor);
        }
        if (!probabilities.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "probabilities must have a floating-point data type, got " + probabilities.getDataType());
        }
        UnitIntervalGrid cells = UnitIntervalGrid.of(Math.toIntExact(shape.get(1)));
        NDArray positions = cells.centres(probabilities.getManager(), probabilities.getDataType());
        NDArray mean = probabilities.mul(positions.expandDims(0)).sum(new int[] {1});
        NDArray centred = positions.expandDims(0).sub(mean.expandDims(1));
        NDArray variance = probabilities.mul(centred.square()).sum(new int[] {1}).add(varianceFloor);
        return new Moments1(mean, variance);
    }

    /**
     * \( \sigma^2 = \tfrac23 (5v)^{3/2} \) per row: the score scale of the truncated parabola with variance \( v \);
     * differentiable.
     *
     * @param variance \( v \), \( [B] \), positive
     * @return \( [B] \)
     */
    public static NDArray parabolaScale(NDArray variance) {
        return variance.mul(5.0).pow(1.5).mul(2.0 / 3.0);
    }

    /**
     * \( \Sigma = 9\pi\sqrt{\det C}\, C \) per row: the score scale of the truncated paraboloid with covariance
     * \( C \); differentiable. The determinant uses the mean of the two off-diagonal entries.
     *
     * @param covariance \( C \), \( [B, 2, 2] \), symmetric positive definite
     * @return \( [B, 2, 2] \)
     * @throws IllegalArgumentException if the shape does not fit
     */
    public static NDArray paraboloidScale(NDArray covariance) {
        ArgumentShapes.requireShape("covariance", covariance, -1, 2, 2);
        NDArray xy = covariance.get(":, 0, 1").add(covariance.get(":, 1, 0")).mul(0.5);
        NDArray det = covariance.get(":, 0, 0").mul(covariance.get(":, 1, 1")).sub(xy.square());
        return covariance.mul(det.sqrt().mul(9.0 * Math.PI).reshape(-1, 1, 1));
    }
}
