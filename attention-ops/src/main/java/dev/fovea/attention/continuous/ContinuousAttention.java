package dev.fovea.attention.continuous;

import dev.fovea.math.Finite;
import dev.fovea.math.linalg.NotPositiveDefiniteException;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The kernel façade of continuous attention for one density and one Gaussian basis, in plain arrays (the operation
 * {@code attention/continuous} of the serving layer): validates, builds the density of the chosen
 * {@link ContinuousMapping} and returns \( r_j = \mathbb{E}_p[\psi_j] \), optionally
 * \( \partial r_j / \partial \theta_i \), and the support.
 *
 * <p>The density is the one the score \( f(t) = -\tfrac12 (t - \mu)^\top \Sigma^{-1} (t - \mu) \) defines, in
 * \( d \in \{1, 2\} \) dimensions (\( d \) = {@code mean.length}): for softmax \( \mathcal{N}(\mu, \Sigma) \), so
 * \( \Sigma \) is its covariance; for sparsemax the truncated parabola/paraboloid \( [f - \tau]_+ \), whose
 * covariance is not \( \Sigma \) but \( \frac{a^2}{5} = \frac{(3/2)^{2/3}}{5}\Sigma^{2/3} \) (1-D,
 * {@link TruncatedParabola}) or \( \frac{\Sigma}{3\sqrt\pi (\det\Sigma)^{1/4}} \) (2-D, {@link TruncatedParaboloid}).
 *
 * <p>The Jacobian is taken with respect to the canonical parameters \( \theta \) of the score,
 * \( f(t) = \theta^\top\phi(t) \): rows in the order of \( \phi \), 2 in 1-D (\( \phi = (t, t^2) \),
 * \( \theta = (\mu/\sigma^2, -1/(2\sigma^2)) \)), 6 in 2-D (\( \phi = (t_1, t_2, t_1^2, t_1 t_2, t_2 t_1, t_2^2) \),
 * \( \theta = (\Sigma^{-1}\mu, \operatorname{vec}(-\tfrac12\Sigma^{-1})) \) with \( \theta_2 \) row-major). The four
 * entries of \( \theta_2 \) are independent coordinates: with the score written
 * \( \theta_1^\top t + \sum_{a,b} \theta_{2,ab}\, t_a t_b \) (so \( \partial f / \partial \theta_{2,ab} = t_a t_b \)), row
 * \( 2 + 2a + b \) (\( a, b \in \{0, 1\} \)) is \( \partial r_j / \partial \theta_{2,ab} \). Rows 3 and 4 are therefore
 * equal, and moving the symmetric pair \( \theta_{2,01} = \theta_{2,10} \) together by \( h \) changes \( r_j \) by
 * \( h \) times their sum. Each column is \( \operatorname{Cov}_p(\phi, \psi_j) \) for softmax and
 * \( |S| \operatorname{Cov}_{U_S}(\phi, \psi_j) \)
 * (uniform on the support) for sparsemax (paper, Props. 3 and 4); see the kernel classes for the closed forms.
 *
 * <p>Accuracy: closed forms in 1-D and for 2-D softmax (relative errors of order \( 10^{-13} \) or better, except
 * for basis functions far in the tails, see the kernel classes); 2-D sparsemax integrates the angle with a node count bounded a priori to a
 * relative error below \( 10^{-9} \). Stateless and thread-safe.
 */
public final class ContinuousAttention {

    private ContinuousAttention() {
    }

    /**
     * Evaluates continuous attention for one density and one basis.
     *
     * @param mapping          softmax or sparsemax
     * @param mean             \( \mu \), \( d \in \{1, 2\} \) finite coordinates
     * @param covariance       \( \Sigma \) of the score, \( d \times d \), symmetric (to
     *                         {@link SymmetricMatrix2#SYMMETRY_TOLERANCE} relative; the two off-diagonal entries are
     *                         averaged) and positive definite; for softmax the covariance of \( p \)
     * @param basisMeans       \( \mu_j \), \( N \ge 1 \) rows of \( d \) finite coordinates
     * @param basisCovariances \( \Sigma_j \), \( N \) symmetric positive-definite \( d \times d \) matrices
     * @param withJacobian     whether to compute \( \partial r / \partial \theta \)
     * @return \( r \) (length \( N \)), the Jacobian (\( [2 \text{ or } 6][N] \), {@code [i][j]} \( = \partial r_j /
     *         \partial\theta_i \), or {@code null}) and the support: {@link Support.WholeSpace} for softmax,
     *         {@link Support.Interval} for 1-D and {@link Support.Ellipse} for 2-D sparsemax
     * @throws NullPointerException         if an argument or a row is null
     * @throws IllegalArgumentException     if a dimension does not fit ({@code "basisMeans[3] has 1 coordinate, mean
     *                                      has 2"}), a value is NaN or infinite ({@code "mean must be finite, got NaN
     *                                      at [1]"}), a matrix is not symmetric, or the basis is empty
     * @throws NotPositiveDefiniteException if {@code covariance} or a basis covariance is not positive definite (the
     *                                      message names it, e.g. {@code "basisCovariances[2] matrix [[...]] must be
     *                                      positive definite, ..."})
     * @throws ArithmeticException          for 2-D sparsemax, if a basis function is so narrow against the support
     *                                      that the angular rule would need more than 16384 nodes
     */
    public static ContinuousEvaluation evaluate(ContinuousMapping mapping, double[] mean, double[][] covariance,
            double[][] basisMeans, double[][][] basisCovariances, boolean withJacobian) {
        Objects.requireNonNull(mapping, "mapping must not be null");
        Objects.requireNonNull(mean, "mean must not be null");
        int d = mean.length;
        if (d != 1 && d != 2) {
            throw new IllegalArgumentException("mean has " + coordinates(d) + ", expected 1 or 2");
        }
        Finite.check("mean", mean);
        double[][] scale = square("covariance", covariance, d);
        Objects.requireNonNull(basisMeans, "basisMeans must not be null");
        Objects.requireNonNull(basisCovariances, "basisCovariances must not be null");
        if (basisMeans.length == 0) {
            throw new IllegalArgumentException("basisMeans must have at least one row, got none");
        }
        for (int j = 0; j < basisMeans.length; j++) {
            Objects.requireNonNull(basisMeans[j], "basisMeans[" + j + "] must not be null");
            if (basisMeans[j].length != d) {
                throw new IllegalArgumentException(
                        "basisMeans[" + j + "] has " + coordinates(basisMeans[j].length) + ", mean has " + d);
            }
        }
        Finite.check("basisMeans", basisMeans);
        if (basisCovariances.length != basisMeans.length) {
            throw new IllegalArgumentException("basisCovariances has " + basisCovariances.length
                    + " matrices, basisMeans " + basisMeans.length + " rows");
        }
        double[][][] basisScales = new double[basisCovariances.length][][];
        for (int j = 0; j < basisCovariances.length; j++) {
            basisScales[j] = square("basisCovariances[" + j + "]", basisCovariances[j], d);
        }
        if (d == 1) {
            List<Gaussian1> functions = new ArrayList<>(basisMeans.length);
            for (int j = 0; j < basisMeans.length; j++) {
                functions.add(Gaussian1.of(basisMeans[j][0], basisScales[j][0][0]));
            }
            return mapping.evaluate(mean[0], scale[0][0], GaussianBasis1.of(functions), withJacobian);
        }
        List<Gaussian2> functions = new ArrayList<>(basisMeans.length);
        for (int j = 0; j < basisMeans.length; j++) {
            functions.add(Gaussian2.of(basisMeans[j][0], basisMeans[j][1], symmetric(basisScales[j])));
        }
        return mapping.evaluate(mean[0], mean[1], symmetric(scale), GaussianBasis2.of(functions), withJacobian);
    }

    /**
     * Checks a \( d \times d \) symmetric positive-definite matrix argument and returns it with the off-diagonal
     * pair averaged.
     */
    private static double[][] square(String name, double[][] matrix, int d) {
        Objects.requireNonNull(matrix, () -> name + " must not be null");
        if (matrix.length != d) {
            throw new IllegalArgumentException(name + " has " + matrix.length + " rows, mean has " + coordinates(d));
        }
        for (int i = 0; i < d; i++) {
            Objects.requireNonNull(matrix[i], name + "[" + i + "] must not be null");
            if (matrix[i].length != d) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] has " + matrix[i].length + " columns, mean has " + coordinates(d));
            }
        }
        Finite.check(name, matrix);
        if (d == 1) {
            if (!(matrix[0][0] > 0.0)) {
                throw new NotPositiveDefiniteException(
                        name + " matrix [[" + matrix[0][0] + "]] must be positive definite, but its entry is <= 0");
            }
            return new double[][] {{matrix[0][0]}};
        }
        double upper = matrix[0][1];
        double lower = matrix[1][0];
        double largest = Math.max(Math.max(Math.abs(matrix[0][0]), Math.abs(matrix[1][1])),
                Math.max(Math.abs(upper), Math.abs(lower)));
        if (Math.abs(upper - lower) > SymmetricMatrix2.SYMMETRY_TOLERANCE * largest) {
            throw new IllegalArgumentException(name + " must be symmetric, got [0][1] = " + upper + " and [1][0] = "
                    + lower + " (" + Arrays.deepToString(matrix) + ")");
        }
        SymmetricMatrix2 m = SymmetricMatrix2.of(matrix[0][0], 0.5 * upper + 0.5 * lower, matrix[1][1]);
        Gaussian2.requirePositiveDefinite(name, m);
        return m.toRows();
    }

    private static SymmetricMatrix2 symmetric(double[][] rows) {
        return SymmetricMatrix2.of(rows[0][0], rows[0][1], rows[1][1]);
    }

    private static String coordinates(int count) {
        return count + (count == 1 ? " coordinate" : " coordinates");
    }
}
