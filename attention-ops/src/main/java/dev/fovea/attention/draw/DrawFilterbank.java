package dev.fovea.attention.draw;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The separable Gaussian filterbank of DRAW's selective attention (Gregor, Danihelka, Graves, Rezende and Wierstra,
 * "DRAW: A Recurrent Neural Network For Image Generation", ICML 2015, §3.2, eq. 19–26).
 *
 * <p>An \( N \times N \) grid of isotropic Gaussian filters is laid over a \( B \times A \) image (\( A \) columns,
 * the width; \( B \) rows, the height). From the {@link FilterbankParameters}:
 * \[ g_X = \tfrac{A+1}{2}(\tilde g_X + 1),\quad g_Y = \tfrac{B+1}{2}(\tilde g_Y + 1),\quad
 *    \delta = \tfrac{\max(A,B) - 1}{N - 1}\,\tilde\delta \quad \text{(eq. 22–24)} \]
 * and the filter centres \( \mu_X^i = g_X + (i - N/2 - 0.5)\,\delta \), \( i = 1, \dots, N \) (eq. 19–20).
 *
 * <p><b>Coordinates.</b> The paper's formulas are 1-based: pixel columns are \( a = 1, \dots, A \), so
 * \( \tilde g_X = 0 \) is \( (A+1)/2 \), the image centre. Here pixels and filter rows are 0-based throughout
 * (column \( a = 0, \dots, A-1 \), filter \( i = 0, \dots, N-1 \)), which shifts both by one:
 * \[ \mu_X^i = \tfrac{A-1}{2} + \tfrac{A+1}{2}\tilde g_X + \left(i - \tfrac{N-1}{2}\right)\delta, \]
 * the same positions on the image. (Mixing the two — the 1-based formula with 0-based indices, as one well-known
 * implementation does — shifts the grid by one stride and one pixel.) For \( N = 1 \) the only centre is
 * \( g_X \) and the stride does not enter; \( \delta = (\max(A,B)-1)\tilde\delta \) is reported then.
 *
 * <p><b>Filters</b> (eq. 25–26): \( F_X[i, a] = \exp(-(a - \mu_X^i)^2 / 2\sigma^2) / Z_X^i \) with \( Z_X^i \) making
 * each row sum to 1. The normaliser is computed after subtracting the row's largest exponent, i.e. each row is the
 * softmax over \( a \) of \( -(a - \mu_X^i)^2/2\sigma^2 \): the shifted \( Z \) is at least 1, so it can never
 * underflow to 0 and no \( \varepsilon \) is needed (an \( \varepsilon \) floor, \( Z \leftarrow \max(Z, \varepsilon) \),
 * would instead turn far-off filters into zero rows that no longer sum to 1). A filter centred far outside the image
 * therefore puts its weight on the nearest border pixels — still the normalised Gaussian restricted to the image.
 *
 * <p>Three layers: {@link #of(int, int, int, FilterbankParameters)} (double kernel), {@link #apply(NDArray, int, int,
 * int)} (differentiable NDArray function) and the blocks {@link DrawRead} and {@link DrawWrite}. Stateless and
 * thread-safe.
 */
public final class DrawFilterbank {

    private DrawFilterbank() {
    }

    /**
     * The filterbank as double matrices.
     *
     * @param filterX   \( F_X \), \( N \times A \), rows sum to 1
     * @param filterY   \( F_Y \), \( N \times B \), rows sum to 1
     * @param meansX    \( \mu_X \), \( N \) centres in 0-based pixel columns
     * @param meansY    \( \mu_Y \), \( N \) centres in 0-based pixel rows
     * @param variance  \( \sigma^2 \) in squared pixels
     * @param stride    \( \delta \) in pixels
     * @param intensity \( \gamma \)
     */
    public record Matrices(double[][] filterX, double[][] filterY, double[] meansX, double[] meansY,
                           double variance, double stride, double intensity) {
    }

    /**
     * The filterbank as differentiable arrays, batch first.
     *
     * @param filterX   \( F_X \) \( [\text{batch}, N, A] \)
     * @param filterY   \( F_Y \) \( [\text{batch}, N, B] \)
     * @param intensity \( \gamma \) \( [\text{batch}] \)
     */
    public record Arrays(NDArray filterX, NDArray filterY, NDArray intensity) {
    }

    /**
     * The double kernel: the filterbank of one set of parameters.
     *
     * @param width      \( A \ge 1 \), pixel columns
     * @param height     \( B \ge 1 \), pixel rows
     * @param glimpses   \( N \ge 1 \), filters per axis
     * @param parameters the five unconstrained parameters (finite by construction)
     * @return the matrices, centres, variance, stride and intensity
     * @throws IllegalArgumentException if a size is below 1 ({@code "glimpses must be >= 1, got 0"}) or
     *                                  \( \exp(\log\sigma^2) \), \( \exp(\log\tilde\delta) \) or \( \exp(\log\gamma) \)
     *                                  overflows or underflows to 0
     */
    public static Matrices of(int width, int height, int glimpses, FilterbankParameters parameters) {
        requireSizes(width, height, glimpses);
        double variance = positiveExp("logVariance", parameters.logVariance());
        double stride = strideScale(width, height, glimpses) * positiveExp("logStride", parameters.logStride());
        double intensity = positiveExp("logIntensity", parameters.logIntensity());
        double[] meansX = means(width, glimpses, parameters.centerX(), stride);
        double[] meansY = means(height, glimpses, parameters.centerY(), stride);
        return new Matrices(filters(width, meansX, variance), filters(height, meansY, variance), meansX, meansY,
                variance, stride, intensity);
    }

    /**
     * The filter centres along one axis in 0-based pixel coordinates:
     * \( \mu^i = \tfrac{S-1}{2} + \tfrac{S+1}{2}\tilde g + (i - \tfrac{N-1}{2})\delta \), \( i = 0, \dots, N-1 \).
     *
     * @param size     \( S \), the number of pixels along the axis (\( A \) or \( B \)), \( \ge 1 \)
     * @param glimpses \( N \ge 1 \)
     * @param center   \( \tilde g \), finite
     * @param stride   \( \delta \) in pixels, finite
     * @return a new array of \( N \) centres
     */
    public static double[] means(int size, int glimpses, double center, double stride) {
        double g = (size - 1) / 2.0 + (size + 1) / 2.0 * center;
        double[] means = new double[glimpses];
        for (int i = 0; i < glimpses; i++) {
            means[i] = g + (i - (glimpses - 1) / 2.0) * stride;
        }
        return means;
    }

    /** \( (\max(A,B) - 1)/(N - 1) \), or \( \max(A,B) - 1 \) for \( N = 1 \), where the stride does not enter. */
    static double strideScale(int width, int height, int glimpses) {
        return (Math.max(width, height) - 1.0) / Math.max(glimpses - 1, 1);
    }

    private static double[][] filters(int size, double[] means, double variance) {
        double[][] f = new double[means.length][size];
        for (int i = 0; i < means.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < size; a++) {
                double d = a - means[i];
                f[i][a] = -d * d / (2.0 * variance);
                max = Math.max(max, f[i][a]);
            }
            double total = 0.0;
            for (int a = 0; a < size; a++) {
                f[i][a] = Math.exp(f[i][a] - max);
                total += f[i][a];
            }
            for (int a = 0; a < size; a++) {
                f[i][a] /= total;
            }
        }
        return f;
    }

    private static double positiveExp(String name, double log) {
        double value = Math.exp(log);
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must give a positive finite exp, got exp(" + log + ") = "
                    + value);
        }
        return value;
    }

    static void requireSizes(long width, long height, long glimpses) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        if (height < 1) {
            throw new IllegalArgumentException("height must be >= 1, got " + height);
        }
        if (glimpses < 1) {
            throw new IllegalArgumentException("glimpses must be >= 1, got " + glimpses);
        }
    }

    /**
     * The filterbank of a batch of parameter vectors, differentiable by DJL autograd in {@code parameters}.
     *
     * <p>Same formulas as {@link #of(int, int, int, FilterbankParameters)}; each row is the engine's (max-shifted)
     * softmax of the exponents. NaN parameters give NaN filters; no exception is raised for them here.
     *
     * @param parameters \( [\text{batch}, 5] \) in the order of {@link FilterbankParameters}, floating point
     * @param width      \( A \ge 1 \)
     * @param height     \( B \ge 1 \)
     * @param glimpses   \( N \ge 1 \)
     * @return \( F_X [\text{batch}, N, A] \), \( F_Y [\text{batch}, N, B] \), \( \gamma [\text{batch}] \), in the data
     *         type of {@code parameters}
     * @throws IllegalArgumentException if the shape is not \( [\text{batch}, 5] \), the type not floating point or a
     *                                  size below 1
     */
    public static Arrays apply(NDArray parameters, int width, int height, int glimpses) {
        requireSizes(width, height, glimpses);
        Shape shape = parameters.getShape();
        if (shape.dimension() != 2 || shape.get(1) != FilterbankParameters.COUNT) {
            throw new IllegalArgumentException("parameters must have shape (*, 5), got " + shape);
        }
        if (!parameters.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "parameters must have a floating-point data type, got " + parameters.getDataType());
        }
        NDArray variance = parameters.get(":, 2:3").exp();
        NDArray stride = parameters.get(":, 3:4").exp().mul(strideScale(width, height, glimpses));
        NDArray filterX = axisFilters(parameters.get(":, 0:1"), width, glimpses, stride, variance);
        NDArray filterY = axisFilters(parameters.get(":, 1:2"), height, glimpses, stride, variance);
        return new Arrays(filterX, filterY, parameters.get(":, 4").exp());
    }

    /** One axis: centre \( [\text{batch}, 1] \), stride and variance \( [\text{batch}, 1] \) → \( [\text{batch}, N, S] \). */
    private static NDArray axisFilters(NDArray center, int size, int glimpses, NDArray stride, NDArray variance) {
        NDManager manager = center.getManager();
        DataType type = center.getDataType();
        NDArray offsets = manager.arange(0, glimpses, 1, type).sub((glimpses - 1) / 2.0).expandDims(0);
        NDArray means = center.mul((size + 1) / 2.0).add((size - 1) / 2.0).add(offsets.mul(stride));
        NDArray pixels = manager.arange(0, size, 1, type).reshape(1, 1, size);
        NDArray d = pixels.sub(means.expandDims(2));
        NDArray exponent = d.mul(d).neg().div(variance.expandDims(2).mul(2.0));
        return exponent.softmax(2);
    }
}
