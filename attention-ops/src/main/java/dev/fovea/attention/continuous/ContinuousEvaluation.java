package dev.fovea.attention.continuous;

import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link ContinuousAttention#evaluate} returns for one attention density and one Gaussian basis: the
 * expectations \( r_j = \mathbb{E}_p[\psi_j] \), optionally their canonical Jacobian, and the support of \( p \).
 *
 * <p>The Jacobian has one row per canonical parameter in the order of \( \phi \) — 2 rows in 1-D
 * (\( \theta_1, \theta_2 \) of \( \phi(t) = (t, t^2) \)), 6 rows in 2-D (\( \theta_{1,1}, \theta_{1,2} \), then
 * \( \theta_2 \) row-major: \( \theta_{2,11}, \theta_{2,12}, \theta_{2,21}, \theta_{2,22} \), each an independent
 * entry of the score \( t^\top\theta_2 t \), see {@link QuadraticScore2}) — and one column per basis function:
 * {@code jacobian[i][j]} \( = \partial r_j / \partial \theta_i \). Arrays are copied in and out; the record is
 * immutable and thread-safe.
 *
 * @param expectation \( r \), length \( N \)
 * @param jacobian    \( [2 \text{ or } 6][N] \), or {@code null} when it was not asked for
 * @param support     where \( p &gt; 0 \)
 */
public record ContinuousEvaluation(double[] expectation, double[][] jacobian, Support support) {

    /**
     * @throws NullPointerException     if {@code expectation} or {@code support} is null
     * @throws IllegalArgumentException if a Jacobian row does not have \( N \) entries
     */
    public ContinuousEvaluation {
        expectation = Objects.requireNonNull(expectation, "expectation must not be null").clone();
        Objects.requireNonNull(support, "support must not be null");
        jacobian = copy(jacobian);
        if (jacobian != null) {
            for (int i = 0; i < jacobian.length; i++) {
                if (jacobian[i].length != expectation.length) {
                    throw new IllegalArgumentException("jacobian[" + i + "] has " + jacobian[i].length
                            + " entries, expectation " + expectation.length);
                }
            }
        }
    }

    private static double[][] copy(double[][] rows) {
        if (rows == null) {
            return null;
        }
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** \( r \), as a new array. */
    @Override
    public double[] expectation() {
        return expectation.clone();
    }

    /** \( \partial r_j / \partial \theta_i \) as a new array, or {@code null} when it was not asked for. */
    @Override
    public double[][] jacobian() {
        return copy(jacobian);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContinuousEvaluation e && Arrays.equals(expectation, e.expectation)
                && Arrays.deepEquals(jacobian, e.jacobian) && support.equals(e.support);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(expectation), Arrays.deepHashCode(jacobian), support);
    }

    @Override
    public String toString() {
        return "ContinuousEvaluation[expectation=" + Arrays.toString(expectation) + ", jacobian="
                + Arrays.deepToString(jacobian) + ", support=" + support + "]";
    }
}
