package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * \( N \) Gaussian radial basis functions \( \psi_j(t) = \mathcal{N}(t; \mu_j, \sigma_j^2) \) on \( \mathbb{R} \), the
 * features of the 1-D value function \( V(t) = B \psi(t) \) (Martins et al. 2020, §3.2 and §5.1).
 *
 * <p>Immutable and thread-safe.
 *
 * @param functions \( \psi_1, \dots, \psi_N \), \( N \ge 1 \); copied
 */
public record GaussianBasis1(List<Gaussian1> functions) {

    /**
     * @throws IllegalArgumentException if the list is empty
     * @throws NullPointerException     if the list or an element is null
     */
    public GaussianBasis1 {
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
    public static GaussianBasis1 of(List<Gaussian1> functions) {
        return new GaussianBasis1(functions);
    }

    /**
     * \( n \) functions \( \mathcal{N}(t; c_k, \sigma^2) \) centred at the cell centres \( c_k = (k + \tfrac12)/n \) of
     * {@link UnitIntervalGrid#of(int) UnitIntervalGrid.of(n)}, in order.
     *
     * @param count \( n \ge 1 \)
     * @param sigma the standard deviation \( \sigma &gt; 0 \) of every function, in unit-interval coordinates
     * @throws IllegalArgumentException if {@code count < 1} or {@code sigma} is not finite and positive
     */
    public static GaussianBasis1 grid(int count, double sigma) {
        UnitIntervalGrid grid = UnitIntervalGrid.of(count);
        if (!(sigma > 0.0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        List<Gaussian1> functions = new ArrayList<>(count);
        for (double centre : grid.centres()) {
            functions.add(Gaussian1.of(centre, sigma * sigma));
        }
        return new GaussianBasis1(functions);
    }

    /** \( N \). */
    public int size() {
        return functions.size();
    }

    /** \( \psi_j \). */
    public Gaussian1 function(int j) {
        return functions.get(j);
    }

    /** \( \psi(t) = (\psi_1(t), \dots, \psi_N(t)) \), as a new array. */
    public double[] evaluate(double t) {
        double[] values = new double[functions.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = functions.get(j).density(t);
        }
        return values;
    }

    /**
     * The design matrix \( F_{jl} = \psi_j(t_l) \).
     *
     * @param points \( P \) points \( t_l \)
     * @return a new \( [N][P] \) array
     */
    public double[][] evaluate(double[] points) {
        double[][] design = new double[functions.size()][points.length];
        for (int j = 0; j < design.length; j++) {
            Gaussian1 psi = functions.get(j);
            for (int l = 0; l < points.length; l++) {
                design[j][l] = psi.density(points[l]);
            }
        }
        return design;
    }

    /** The means \( \mu_j \) as an \( [N] \) array of the given data type. */
    public NDArray means(NDManager manager, DataType type) {
        double[] data = new double[size()];
        for (int j = 0; j < data.length; j++) {
            data[j] = functions.get(j).mean();
        }
        return manager.create(data, new Shape(data.length)).toType(type, false);
    }

    /** The variances \( \sigma_j^2 \) as an \( [N] \) array of the given data type. */
    public NDArray variances(NDManager manager, DataType type) {
        double[] data = new double[size()];
        for (int j = 0; j < data.length; j++) {
            data[j] = functions.get(j).variance();
        }
        return manager.create(data, new Shape(data.length)).toType(type, false);
    }
}
