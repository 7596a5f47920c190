package dev.fovea.attention.continuous;

import dev.fovea.math.Finite;
import dev.fovea.math.linalg.SymmetricMatrix2;

/**
 * The expectations \( r_j = \mathbb{E}_p[\psi_j] \) of {@link ContinuousSoftmax2#expectation(Gaussian2, GaussianBasis2)}
 * together with their derivatives with respect to the mean \( \mu \) and covariance \( \Sigma \) of \( p \).
 *
 * <p>With \( A_j = (\Sigma + \Sigma_j)^{-1} \) and \( v_j = \mu_j - \mu \):
 * \[ \frac{\partial r_j}{\partial \mu} = r_j A_j v_j, \qquad
 *    \frac{\partial r_j}{\partial \Sigma} = \tfrac12 r_j \big(A_j v_j v_j^\top A_j - A_j\big). \]
 * The covariance derivative treats the four entries of \( \Sigma \) as independent variables (the convention of
 * autograd on a \( [2, 2] \) array): a perturbation of the off-diagonal <em>pair</em> \( \Sigma_{xy} = \Sigma_{yx} \)
 * changes \( r_j \) at the rate \( 2\,(\partial r_j / \partial \Sigma)_{xy} \).
 *
 * <p>Immutable and thread-safe.
 */
public final class ExpectationJacobian {

    private final double[] expectation;
    private final double[][] meanGradient;
    private final SymmetricMatrix2[] covarianceGradient;

    ExpectationJacobian(double[] expectation, double[][] meanGradient, SymmetricMatrix2[] covarianceGradient) {
        this.expectation = expectation;
        this.meanGradient = meanGradient;
        this.covarianceGradient = covarianceGradient;
    }

    /** \( N \), the number of basis functions. */
    public int size() {
        return expectation.length;
    }

    /** \( r \), as a new array of length \( N \). */
    public double[] expectation() {
        return expectation.clone();
    }

    /** \( \partial r_j / \partial \mu \), as a new array \( (\partial/\partial\mu_x, \partial/\partial\mu_y) \). */
    public double[] meanGradient(int j) {
        return meanGradient[j].clone();
    }

    /** \( \partial r_j / \partial \Sigma \), entries as independent variables (see the class comment). */
    public SymmetricMatrix2 covarianceGradient(int j) {
        return covarianceGradient[j];
    }

    /**
     * The vector-Jacobian product \( \sum_j g_j\, \partial r_j / \partial \mu \).
     *
     * @param upstream \( g = \partial \ell / \partial r \), length \( N \), finite
     * @throws IllegalArgumentException if the length is not \( N \) or an entry is not finite
     */
    public double[] meanVectorJacobianProduct(double[] upstream) {
        checkUpstream(upstream);
        double[] sum = new double[2];
        for (int j = 0; j < expectation.length; j++) {
            sum[0] += upstream[j] * meanGradient[j][0];
            sum[1] += upstream[j] * meanGradient[j][1];
        }
        return sum;
    }

    /**
     * The vector-Jacobian product \( \sum_j g_j\, \partial r_j / \partial \Sigma \), entries as independent variables.
     *
     * @param upstream \( g = \partial \ell / \partial r \), length \( N \), finite
     * @throws IllegalArgumentException if the length is not \( N \) or an entry is not finite
     */
    public SymmetricMatrix2 covarianceVectorJacobianProduct(double[] upstream) {
        checkUpstream(upstream);
        double xx = 0.0;
        double xy = 0.0;
        double yy = 0.0;
        for (int j = 0; j < expectation.length; j++) {
            xx += upstream[j] * covarianceGradient[j].xx();
            xy += upstream[j] * covarianceGradient[j].xy();
            yy += upstream[j] * covarianceGradient[j].yy();
        }
        return SymmetricMatrix2.of(xx, xy, yy);
    }

    private void checkUpstream(double[] upstream) {
        Finite.check("upstream", upstream);
        if (upstream.length != expectation.length) {
            throw new IllegalArgumentException(
                    "upstream has " + upstream.length + " entries, the basis " + expectation.length);
        }
    }
}
