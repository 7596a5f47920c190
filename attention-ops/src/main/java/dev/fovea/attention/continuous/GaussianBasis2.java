package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * \( N \) Gaussian radial basis functions \( \psi_j(t) = \mathcal{N}(t; \mu_j, \Sigma_j) \) on \( \mathbb{R}^2 \),
 * the features of the value function \( V(t) = B \psi(t) \) of continuous attention (Martins et al. 2020, §3.2 and
 * §5.3).
 *
 * <p>Immutable and thread-safe.
 *
 * @param functions \( \psi_1, \dots, \psi_N \), \( N \ge 1 \); copied
 */
public record GaussianBasis2(List<Gaussian2> functions) {

    /**
     * @throws IllegalArgumentException if the list is empty
     * @throws NullPointerException     if the list or an element is null
     */
    public GaussianBasis2 {
        functions = List.copyOf(Objects.requireNonNull(functions, "functions must not be null"));
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("a basis needs at least one function, got none");
        }
    }

    /**
     * The basis with the given functions; same as the constructor.
     *
     * @throws IllegalArgumentException if {@code functions} is empty
     */
    public static GaussianBasis2 of(List<Gaussian2> functions) {
        return new GaussianBasis2(functions);
    }

    /**
     * \( n^2 \) isotropic functions \( \mathcal{N}(t; c_k, \sigma^2 I) \) centred at the cell centres of
     * {@link UnitSquareGrid#of(int) UnitSquareGrid.of(n)} — the same frame as every other part of 2-D attention —
     * in that grid's row-major order.
     *
     * @param perSide \( n \ge 1 \) functions per side
     * @param sigma   the standard deviation \( \sigma > 0 \) of every function, in unit-square coordinates
     * @throws IllegalArgumentException if {@code perSide < 1} or {@code sigma} is not finite and positive
     */
    public static GaussianBasis2 grid(int perSide, double sigma) {
        UnitSquareGrid grid = UnitSquareGrid.of(perSide);
        if (!(sigma > 0.0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        SymmetricMatrix2 covariance = SymmetricMatrix2.diagonal(sigma * sigma, sigma * sigma);
        List<Gaussian2> functions = new ArrayList<>(grid.cellCount());
        for (double[] centre : grid.centres()) {
            functions.add(Gaussian2.of(centre[0], centre[1], covariance));
        }
        return new GaussianBasis2(functions);
    }

    /** \( N \). */
    public int size() {
        return functions.size();
    }

    /** \( \psi_j \). */
    public Gaussian2 function(int j) {
        return functions.get(j);
    }

    /** \( \psi(t) = (\psi_1(t), \dots, \psi_N(t)) \) at \( t = (x, y) \), as a new array. */
    public double[] evaluate(double x, double y) {
        double[] values = new double[functions.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = functions.get(j).density(x, y);
        }
        return values;
    }

    /**
     * The design matrix \( F_{jl} = \psi_j(t_l) \).
     *
     * @param points \( [P][2] \) points \( t_l = (x, y) \)
     * @return a new \( [N][P] \) array
     * @throws IllegalArgumentException if a point does not have 2 coordinates
     */
    public double[][] evaluate(double[][] points) {
        double[][] design = new double[functions.size()][points.length];
        for (int l = 0; l < points.length; l++) {
            if (points[l].length != 2) {
                throw new IllegalArgumentException(
                        "points[" + l + "] has " + points[l].length + " coordinates, expected 2");
            }
            double[] column = evaluate(points[l][0], points[l][1]);
            for (int j = 0; j < column.length; j++) {
                design[j][l] = column[j];
            }
        }
        return design;
    }

    /** The means \( \mu_j \) as an \( [N, 2] \) array of the given data type. */
    public NDArray means(NDManager manager, DataType type) {
        double[] data = new double[2 * size()];
        for (int j = 0; j < size(); j++) {
            data[2 * j] = functions.get(j).meanX();
            data[2 * j + 1] = functions.get(j).meanY();
        }
        return manager.create(data, new Shape(size(), 2)).toType(type, false);
    }

    /** The covariances \( \Sigma_j \) as an \( [N, 2, 2] \) array of the given data type. */
    public NDArray covariances(NDManager manager, DataType type) {
        double[] data = new double[4 * size()];
        for (int j = 0; j < size(); j++) {
            SymmetricMatrix2 c = functions.get(j).covariance();
            data[4 * j] = c.xx();
            data[4 * j + 1] = c.xy();
            data[4 * j + 2] = c.xy();
            data[4 * j + 3] = c.yy();
        }
        return manager.create(data, new Shape(size(), 2, 2)).toType(type, false);
    }
}
