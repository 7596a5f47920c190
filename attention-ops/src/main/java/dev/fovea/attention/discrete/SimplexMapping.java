package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A mapping from scores to the probability simplex \( \Delta^{n-1} = \{ p \in \mathbb{R}^n : p \ge 0,\ \sum_i p_i = 1 \} \).
 *
 * <p>The normaliser of {@link DiscreteAttention} is a value of this type, so a model swaps normalisers by
 * configuration. The members are the \( \alpha \)-entmax family (Peters, Niculae &amp; Martins 2019): the maximisers
 * of \( \langle s, p \rangle + H_\alpha(p) \) over the simplex for the Tsallis entropy \( H_\alpha \)
 * ({@link TsallisEntropy}):
 * <table>
 *   <caption>The mappings</caption>
 *   <tr><th>factory</th><th>{@link #id()}</th><th>\( \alpha \)</th><th>kernel</th></tr>
 *   <tr><td>{@link #softmax()}</td><td>softmax</td><td>1</td><td>{@link Softmax}, closed form</td></tr>
 *   <tr><td>{@link #sparsemax()}</td><td>sparsemax</td><td>2</td><td>{@link Sparsemax}, sort-based</td></tr>
 *   <tr><td>{@link #entmax15()}</td><td>entmax15</td><td>3/2</td><td>{@link Entmax15}, exact sort-based</td></tr>
 *   <tr><td>{@link #entmax(double)}</td><td>entmax</td><td>any \( &gt; 1 \)</td><td>{@link Entmax}, bisection</td></tr>
 * </table>
 *
 * <p>Common contract of every member:
 * <ul>
 *   <li>\( -\infty \) scores and masked positions get exactly 0;</li>
 *   <li>{@link #probabilities(double[])} rejects NaN, \( +\infty \), empty and all-\( -\infty \) input with an
 *       {@link IllegalArgumentException} that names the index; the NDArray functions cannot throw per slice, so a
 *       slice whose unmasked scores include NaN or \( +\infty \) comes out all NaN, and a slice with no unmasked
 *       finite score comes out <em>all zeros</em> with zero gradient (never NaN);</li>
 *   <li>the Jacobian \( J = \partial p / \partial s \) is symmetric, so {@link #jacobianVectorProduct} is both
 *       \( J g \) and the backward \( J^\top g \);</li>
 *   <li>immutable and thread-safe.</li>
 * </ul>
 */
public sealed interface SimplexMapping
        permits SimplexMapping.SoftmaxMapping, SimplexMapping.SparsemaxMapping, SimplexMapping.Entmax15Mapping,
                SimplexMapping.EntmaxMapping {

    /** \( \operatorname{softmax}(s)_i = e^{s_i} / \sum_k e^{s_k} \) (\( \alpha = 1 \)): see {@link Softmax}. */
    static SimplexMapping softmax() {
        return SoftmaxMapping.INSTANCE;
    }

    /** The Euclidean projection onto the simplex (\( \alpha = 2 \)): see {@link Sparsemax}. */
    static SimplexMapping sparsemax() {
        return SparsemaxMapping.INSTANCE;
    }

    /** 1.5-entmax, computed exactly by sorting: see {@link Entmax15}. */
    static SimplexMapping entmax15() {
        return Entmax15Mapping.INSTANCE;
    }

    /**
     * \( \alpha \)-entmax by bisection: see {@link Entmax}. {@code entmax(2.0)} equals {@link #sparsemax()} and
     * {@code entmax(1.5)} equals {@link #entmax15()} up to rounding, by a slower route.
     *
     * @param alpha \( \alpha &gt; 1 \), finite
     * @throws IllegalArgumentException {@code "alpha must be > 1 (alpha = 1 is softmax: use SimplexMapping.softmax()),
     *                                  got 1.0"} for \( \alpha \le 1 \) or NaN; {@code "alpha must be finite, got
     *                                  Infinity"}
     */
    static SimplexMapping entmax(double alpha) {
        return new EntmaxMapping(alpha);
    }

    /**
     * The mapping named by an {@link #id()} and, for {@code entmax} only, its \( \alpha \). This is how
     * configuration files and the JSON op {@code attention/discrete} name a mapping
     * ({@code {"mapping":"entmax","alpha":1.3}}).
     *
     * @param id    {@code softmax}, {@code sparsemax}, {@code entmax15} or {@code entmax}
     * @param alpha present for {@code entmax} (and then \( &gt; 1 \)), empty for the others
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the id is unknown ({@code "unknown simplex mapping 'sparsemx', expected one
     *                                  of softmax, sparsemax, entmax15, entmax"}), alpha is given for a mapping
     *                                  that has none ({@code "simplex mapping 'sparsemax' takes no alpha, got
     *                                  alpha = 1.5 (use 'entmax' for a chosen alpha)"}), alpha is missing for
     *                                  entmax ({@code "simplex mapping 'entmax' needs alpha > 1"}) or alpha is not
     *                                  \( &gt; 1 \) and finite
     */
    static SimplexMapping parse(String id, OptionalDouble alpha) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(alpha, "alpha must not be null (use OptionalDouble.empty())");
        SimplexMapping fixed = switch (id) {
            case "softmax" -> softmax();
            case "sparsemax" -> sparsemax();
            case "entmax15" -> entmax15();
            case "entmax" -> {
                if (alpha.isEmpty()) {
                    throw new IllegalArgumentException("simplex mapping 'entmax' needs alpha > 1");
                }
                yield entmax(alpha.getAsDouble());
            }
            default -> throw new IllegalArgumentException("unknown simplex mapping '" + id
                    + "', expected one of softmax, sparsemax, entmax15, entmax");
        };
        if (!(fixed instanceof EntmaxMapping) && alpha.isPresent()) {
            throw new IllegalArgumentException("simplex mapping '" + id + "' takes no alpha, got alpha = "
                    + alpha.getAsDouble() + " (use 'entmax' for a chosen alpha)");
        }
        return fixed;
    }

    /** The stable, lower-case identifier used in configuration files and URLs: softmax|sparsemax|entmax15|entmax. */
    String id();

    /**
     * The double kernel for one score vector.
     *
     * @param scores \( s \in (\mathbb{R} \cup \{-\infty\})^n \), \( n \ge 1 \), at least one finite
     * @return a new array \( p \in \Delta^{n-1} \)
     * @throws IllegalArgumentException if {@code scores} is empty, contains NaN or \( +\infty \)
     *                                  ({@code "scores must be finite or -Infinity (masked), got NaN at [3]"}), or
     *                                  is entirely \( -\infty \)
     */
    double[] probabilities(double[] scores);

    /**
     * The closed-form Jacobian–vector product \( J g \) (\( = J^\top g \)) at the output \( p \) of this mapping.
     *
     * @param p the output of {@link #probabilities(double[])}, finite and non-negative
     * @param g a vector of the same length, finite, e.g. the upstream gradient \( \partial \ell / \partial p \)
     * @return a new array, e.g. \( \partial \ell / \partial s \)
     * @throws IllegalArgumentException if the lengths differ ({@code "p has 3 entries, g has 4"}), either is empty,
     *                                  an entry is not finite or an entry of {@code p} is negative
     */
    double[] jacobianVectorProduct(double[] p, double[] g);

    /**
     * The mapping along {@code axis}, differentiable by DJL autograd; \( -\infty \) scores are masked and a slice
     * with no finite score is all zeros.
     *
     * @param scores any shape, floating-point data type
     * @param axis   negative values count from the end
     * @throws IllegalArgumentException if the data type is not floating point or the axis is out of range
     */
    NDArray apply(NDArray scores, int axis);

    /**
     * The masked mapping along {@code axis}, differentiable by DJL autograd: masked positions get exactly 0 and
     * may hold any score (NaN and \( \pm\infty \) included); a slice with nothing unmasked is all zeros with zero
     * gradient.
     *
     * @param scores any shape, floating-point data type
     * @param mask   the shape of {@code scores}; boolean, or numeric where non-zero means "keep"
     * @param axis   negative values count from the end
     * @throws IllegalArgumentException if the shapes differ, the data type is not floating point or the axis is out
     *                                  of range
     */
    NDArray apply(NDArray scores, NDArray mask, int axis);

    /** Softmax, \( \alpha = 1 \). */
    enum SoftmaxMapping implements SimplexMapping {
        /** The only instance. */
        INSTANCE;

        @Override
        public String id() {
            return "softmax";
        }

        @Override
        public double[] probabilities(double[] scores) {
            return Softmax.probabilities(scores);
        }

        @Override
        public double[] jacobianVectorProduct(double[] p, double[] g) {
            return Softmax.jacobianVectorProduct(p, g);
        }

        /** The masked route with nothing masked, so that an all-\( -\infty \) slice is zeros here too, not NaN. */
        @Override
        public NDArray apply(NDArray scores, int axis) {
            return Softmax.apply(scores, scores.getManager().ones(scores.getShape(), DataType.BOOLEAN), axis);
        }

        @Override
        public NDArray apply(NDArray scores, NDArray mask, int axis) {
            return Softmax.apply(scores, mask, axis);
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** Sparsemax, \( \alpha = 2 \). */
    enum SparsemaxMapping implements SimplexMapping {
        /** The only instance. */
        INSTANCE;

        @Override
        public String id() {
            return "sparsemax";
        }

        @Override
        public double[] probabilities(double[] scores) {
            return Sparsemax.probabilities(scores);
        }

        @Override
        public double[] jacobianVectorProduct(double[] p, double[] g) {
            return Sparsemax.jacobianVectorProduct(p, g);
        }

        @Override
        public NDArray apply(NDArray scores, int axis) {
            return Sparsemax.apply(scores, axis);
        }

        @Override
        public NDArray apply(NDArray scores, NDArray mask, int axis) {
            return Sparsemax.apply(scores, mask, axis);
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** 1.5-entmax by the exact sort-based algorithm. */
    enum Entmax15Mapping implements SimplexMapping {
        /** The only instance. */
        INSTANCE;

        @Override
        public String id() {
            return "entmax15";
        }

        @Override
        public double[] probabilities(double[] scores) {
            return Entmax15.probabilities(scores);
        }

        @Override
        public double[] jacobianVectorProduct(double[] p, double[] g) {
            return Entmax15.jacobianVectorProduct(p, g);
        }

        @Override
        public NDArray apply(NDArray scores, int axis) {
            return Entmax15.apply(scores, axis);
        }

        @Override
        public NDArray apply(NDArray scores, NDArray mask, int axis) {
            return Entmax15.apply(scores, mask, axis);
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /**
     * \( \alpha \)-entmax for a fixed \( \alpha &gt; 1 \), by bisection.
     *
     * @param alpha \( \alpha &gt; 1 \), finite
     */
    record EntmaxMapping(double alpha) implements SimplexMapping {

        /**
         * @throws IllegalArgumentException if {@code alpha} is not \( &gt; 1 \) or not finite
         */
        public EntmaxMapping {
            Entmax.checkAlpha(alpha);
        }

        @Override
        public String id() {
            return "entmax";
        }

        @Override
        public double[] probabilities(double[] scores) {
            return Entmax.probabilities(scores, alpha);
        }

        @Override
        public double[] jacobianVectorProduct(double[] p, double[] g) {
            return Entmax.jacobianVectorProduct(p, g, alpha);
        }

        @Override
        public NDArray apply(NDArray scores, int axis) {
            return Entmax.apply(scores, alpha, axis);
        }

        @Override
        public NDArray apply(NDArray scores, NDArray mask, int axis) {
            return Entmax.apply(scores, mask, alpha, axis);
        }

        /** {@code entmax(alpha=1.3)}. */
        @Override
        public String toString() {
            return id() + "(alpha=" + alpha + ")";
        }
    }
}
