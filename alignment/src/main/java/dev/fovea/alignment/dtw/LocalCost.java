package dev.fovea.alignment.dtw;

import dev.fovea.math.Finite;

/**
 * The cost \( c(i, j) \) of pairing element \( i \) of \( x \) with element \( j \) of \( y \).
 *
 * <p>Three pointwise costs between vectors \( a = x_i, b = y_j \in \mathbb{R}^d \) (a 1-D sequence has \( d = 1 \)):
 * <ul>
 *   <li>{@link #squared()}: \( \sum_k (a_k - b_k)^2 \), the squared Euclidean distance (DTW_D of Shokoohi-Yekta et
 *       al. 2017 uses this);</li>
 *   <li>{@link #euclidean()}: \( \sqrt{\sum_k (a_k - b_k)^2} \);</li>
 *   <li>{@link #absolute()}: \( \sum_k |a_k - b_k| \), the L1 distance (equal to the Euclidean one when \( d = 1 \)).</li>
 * </ul>
 * and {@link #given(double[][])}: an \( n \times m \) matrix of costs supplied by the caller, used by
 * {@link Dtw#alignGiven(DtwOptions)}.
 *
 * <p>Sealed so that every cost the aligners accept is known and named by its math. Implementations are immutable and
 * thread-safe. Pointwise costs of finite inputs may overflow to \( +\infty \) (e.g. \( |a - b| &gt; 1.34 \cdot
 * 10^{154} \) for the squared cost); the aligners then fail with an {@link ArithmeticException}.
 */
public sealed interface LocalCost permits LocalCost.Squared, LocalCost.Euclidean, LocalCost.Absolute, LocalCost.Given {

    /** \( c(a, b) = \sum_k (a_k - b_k)^2 \). */
    static LocalCost squared() {
        return Squared.INSTANCE;
    }

    /** \( c(a, b) = \sqrt{\sum_k (a_k - b_k)^2} \). */
    static LocalCost euclidean() {
        return Euclidean.INSTANCE;
    }

    /** \( c(a, b) = \sum_k |a_k - b_k| \). */
    static LocalCost absolute() {
        return Absolute.INSTANCE;
    }

    /**
     * A given cost matrix: \( c(i, j) = \) {@code matrix[i][j]}, copied.
     *
     * @param matrix \( n \times m \), \( n, m \ge 1 \), rectangular, finite (negative entries are allowed)
     * @throws IllegalArgumentException {@code "localCost must be finite, got NaN at [i, j]"}, or if empty or ragged
     */
    static Given given(double[][] matrix) {
        return new Given(matrix);
    }

    /**
     * The cost of pairing the scalars \( a \) (from \( x \)) and \( b \) (from \( y \)).
     *
     * @throws UnsupportedOperationException for a {@link Given} matrix, which pairs indices, not values
     */
    double between(double a, double b);

    /**
     * The cost of pairing the vectors \( a \) (from \( x \)) and \( b \) (from \( y \)), same length.
     *
     * @throws UnsupportedOperationException for a {@link Given} matrix
     */
    double between(double[] a, double[] b);

    /** \( (a - b)^2 \); see {@link LocalCost#squared()}. */
    record Squared() implements LocalCost {

        private static final Squared INSTANCE = new Squared();

        @Override
        public double between(double a, double b) {
            double d = a - b;
            return d * d;
        }

        @Override
        public double between(double[] a, double[] b) {
            double sum = 0.0;
            for (int k = 0; k < a.length; k++) {
                double d = a[k] - b[k];
                sum += d * d;
            }
            return sum;
        }
    }

    /** \( \|a - b\|_2 \); see {@link LocalCost#euclidean()}. */
    record Euclidean() implements LocalCost {

        private static final Euclidean INSTANCE = new Euclidean();

        @Override
        public double between(double a, double b) {
            return Math.abs(a - b);
        }

        @Override
        public double between(double[] a, double[] b) {
            return Math.sqrt(Squared.INSTANCE.between(a, b));
        }
    }

    /** \( \|a - b\|_1 \); see {@link LocalCost#absolute()}. */
    record Absolute() implements LocalCost {

        private static final Absolute INSTANCE = new Absolute();

        @Override
        public double between(double a, double b) {
            return Math.abs(a - b);
        }

        @Override
        public double between(double[] a, double[] b) {
            double sum = 0.0;
            for (int k = 0; k < a.length; k++) {
                sum += Math.abs(a[k] - b[k]);
            }
            return sum;
        }
    }

    /**
     * A caller's \( n \times m \) cost matrix; see {@link LocalCost#given(double[][])}. Copied in and out.
     *
     * @param matrix the costs, {@code matrix[i][j]} \( = c(i, j) \)
     */
    record Given(double[][] matrix) implements LocalCost {

        public Given {
            Finite.check("localCost", matrix);
            if (matrix.length == 0 || matrix[0].length == 0) {
                throw new IllegalArgumentException("localCost must have at least one row and one column, got "
                        + matrix.length + " rows" + (matrix.length == 0 ? "" : " of length " + matrix[0].length));
            }
            double[][] copy = new double[matrix.length][];
            for (int i = 0; i < matrix.length; i++) {
                if (matrix[i].length != matrix[0].length) {
                    throw new IllegalArgumentException("localCost must be rectangular, row 0 has " + matrix[0].length
                            + " entries, row " + i + " has " + matrix[i].length);
                }
                copy[i] = matrix[i].clone();
            }
            matrix = copy;
        }

        /** A copy of the matrix. */
        @Override
        public double[][] matrix() {
            double[][] copy = new double[matrix.length][];
            for (int i = 0; i < matrix.length; i++) {
                copy[i] = matrix[i].clone();
            }
            return copy;
        }

        /** \( n \), the number of rows. */
        public int rowCount() {
            return matrix.length;
        }

        /** \( m \), the number of columns. */
        public int columnCount() {
            return matrix[0].length;
        }

        /** \( c(i, j) \) without copying. */
        public double at(int i, int j) {
            return matrix[i][j];
        }

        @Override
        public double between(double a, double b) {
            throw new UnsupportedOperationException("a given localCost matrix pairs indices, not values");
        }

        @Override
        public double between(double[] a, double[] b) {
            throw new UnsupportedOperationException("a given localCost matrix pairs indices, not values");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Given that && java.util.Arrays.deepEquals(matrix, that.matrix);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.deepHashCode(matrix);
        }

        @Override
        public String toString() {
            return "Given[" + matrix.length + " x " + matrix[0].length + "]";
        }
    }
}
