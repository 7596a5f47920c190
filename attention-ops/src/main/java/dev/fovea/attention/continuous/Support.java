package dev.fovea.attention.continuous;

import dev.fovea.math.Finite;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where an attention density is positive: the whole space for continuous softmax (a Gaussian), an interval for 1-D
 * continuous sparsemax (a truncated parabola), an ellipse for 2-D continuous sparsemax (a truncated paraboloid)
 * (Martins et al. 2020, §2.4: the supports of the 2-sparse family depend on the parameters).
 *
 * <p>Every variant is an immutable value; {@link Ellipse} copies its arrays in and out.
 */
public sealed interface Support permits Support.WholeSpace, Support.Interval, Support.Ellipse {

    /** The dimension \( d \) of the space, 1 or 2. */
    int dimension();

    /**
     * Whether the closed support holds \( t \).
     *
     * @param t a point with {@link #dimension()} coordinates
     * @throws IllegalArgumentException if {@code t} has the wrong number of coordinates
     */
    boolean contains(double... t);

    /**
     * All of \( \mathbb{R}^d \).
     *
     * @param dimension \( d \in \{1, 2\} \)
     */
    record WholeSpace(int dimension) implements Support {

        /**
         * @throws IllegalArgumentException if {@code dimension} is not 1 or 2
         */
        public WholeSpace {
            if (dimension != 1 && dimension != 2) {
                throw new IllegalArgumentException("dimension must be 1 or 2, got " + dimension);
            }
        }

        @Override
        public boolean contains(double... t) {
            requireLength(t, dimension);
            return true;
        }
    }

    /**
     * The interval \( [\mathit{lower}, \mathit{upper}] \subset \mathbb{R} \).
     *
     * @param lower finite
     * @param upper finite, \( \ge \mathit{lower} \)
     */
    record Interval(double lower, double upper) implements Support {

        /**
         * @throws IllegalArgumentException if an end is not finite or {@code upper < lower}
         */
        public Interval {
            Finite.check("lower", lower);
            Finite.check("upper", upper);
            if (upper < lower) {
                throw new IllegalArgumentException("upper must be >= lower, got [" + lower + ", " + upper + "]");
            }
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public boolean contains(double... t) {
            requireLength(t, 1);
            return t[0] >= lower && t[0] <= upper;
        }
    }

    /**
     * The ellipse \( \{t \in \mathbb{R}^2 : (t - c)^\top M (t - c) \le 1\} \).
     *
     * @param center \( c \), 2 finite coordinates
     * @param matrix \( M \), 2×2 row-major, symmetric positive definite
     */
    record Ellipse(double[] center, double[][] matrix) implements Support {

        /**
         * @throws IllegalArgumentException if a shape is wrong or an entry is not finite
         */
        public Ellipse {
            Finite.check("center", center);
            if (center.length != 2) {
                throw new IllegalArgumentException("center has " + center.length + " coordinates, expected 2");
            }
            Finite.check("matrix", matrix);
            if (matrix.length != 2 || matrix[0].length != 2 || matrix[1].length != 2) {
                throw new IllegalArgumentException("matrix must be 2×2, got " + Arrays.deepToString(matrix));
            }
            center = center.clone();
            matrix = new double[][] {matrix[0].clone(), matrix[1].clone()};
        }

        @Override
        public int dimension() {
            return 2;
        }

        /** \( c \), as a new array. */
        @Override
        public double[] center() {
            return center.clone();
        }

        /** \( M \), as a new 2×2 array. */
        @Override
        public double[][] matrix() {
            return new double[][] {matrix[0].clone(), matrix[1].clone()};
        }

        /**
         * The semi-axes \( 1/\sqrt{\lambda} \) for the eigenvalues \( \lambda_{\max} \ge \lambda_{\min} \) of \( M \):
         * {@code {minor, major}}.
         */
        public double[] semiAxes() {
            double a = matrix[0][0];
            double b = 0.5 * (matrix[0][1] + matrix[1][0]);
            double d = matrix[1][1];
            double mean = 0.5 * (a + d);
            double radius = Math.hypot(0.5 * (a - d), b);
            return new double[] {1.0 / Math.sqrt(mean + radius), 1.0 / Math.sqrt(mean - radius)};
        }

        @Override
        public boolean contains(double... t) {
            requireLength(t, 2);
            double x = t[0] - center[0];
            double y = t[1] - center[1];
            return x * (matrix[0][0] * x + matrix[0][1] * y) + y * (matrix[1][0] * x + matrix[1][1] * y) <= 1.0;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ellipse e && Arrays.equals(center, e.center) && Arrays.deepEquals(matrix, e.matrix);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(center), Arrays.deepHashCode(matrix));
        }

        @Override
        public String toString() {
            return "Ellipse[center=" + Arrays.toString(center) + ", matrix=" + Arrays.deepToString(matrix) + "]";
        }
    }

    private static void requireLength(double[] t, int dimension) {
        Objects.requireNonNull(t, "t must not be null");
        if (t.length != dimension) {
            throw new IllegalArgumentException("t has " + t.length + " coordinates, the support " + dimension);
        }
    }
}
