package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every continuous attention mapping must satisfy for its expectations \( r_j = \mathbb{E}_p[\psi_j] \) against a
 * Gaussian basis, in the canonical parameters \( \theta \) of its quadratic score (2 entries in 1-D, 6 in 2-D with
 * \( \theta_2 \) full row-major):
 * <ul>
 *   <li>the double kernel agrees with an independent high-order quadrature to \( 10^{-9} \) relative, entry by
 *       entry;</li>
 *   <li>the explicit canonical Jacobian agrees with central differences of the double forward (every row-major
 *       entry of \( \theta_2 \) perturbed on its own) to \( 10^{-6} \), norm-wise;</li>
 *   <li>DJL autograd through the differentiable NDArray forward (float64, after \( \theta \mapsto (\mu, \Sigma) \) in
 *       NDArray arithmetic) agrees with the explicit Jacobian's vector products to \( 10^{-6} \).</li>
 * </ul>
 */
abstract class ExpectationContract {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    /** Canonical parameters of the densities to check. */
    abstract List<double[]> thetas();

    /** \( N \). */
    abstract int basisSize();

    /** \( r(\theta) \) by the double kernel under test. */
    abstract double[] expectation(double[] theta);

    /** \( r(\theta) \) for finite differences: a forward without adaptive switches between neighbouring \( \theta \). */
    double[] smoothExpectation(double[] theta) {
        return expectation(theta);
    }

    /** \( \partial r_j / \partial \theta_i \), {@code [i][j]}, by the kernel under test. */
    abstract double[][] canonicalJacobian(double[] theta);

    /** \( r_j(\theta) \) by an independent high-order quadrature. */
    abstract double quadrature(double[] theta, int j);

    /** The differentiable NDArray forward \( (\mu, \Sigma) \mapsto r \) \( [B, N] \), float64. */
    abstract NDArray forward(NDManager manager, NDArray mean, NDArray scale);

    @Test
    void closedFormMatchesHighOrderQuadrature() {
        for (double[] theta : thetas()) {
            double[] r = expectation(theta);
            for (int j = 0; j < basisSize(); j++) {
                double quadrature = quadrature(theta, j);
                assertEquals(quadrature, r[j], 1e-9 * quadrature, java.util.Arrays.toString(theta) + " basis " + j);
            }
        }
    }

    @Test
    void canonicalJacobianMatchesCentralDifferences() {
        for (double[] theta : thetas()) {
            double[][] numeric = CanonicalGradients.centralDifferences(this::smoothExpectation, theta, 1.0);
            double error = CanonicalGradients.normwise(canonicalJacobian(theta), numeric);
            assertTrue(error <= 1e-6, java.util.Arrays.toString(theta) + ": relative error " + error);
        }
    }

    @Test
    void autogradThroughTheNDArrayForwardMatchesTheCanonicalJacobian() {
        double[][] theta = thetas().toArray(double[][]::new);
        SplittableRandom random = new SplittableRandom(theta.length);
        double[][] upstream = new double[theta.length][basisSize()];
        for (double[] row : upstream) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        NDManager manager = managers.manager();
        double[][] autograd = theta[0].length == 2
                ? CanonicalGradients.autograd1(manager, (mean, scale) -> forward(manager, mean, scale), theta, upstream)
                : CanonicalGradients.autograd2(manager, (mean, scale) -> forward(manager, mean, scale), theta, upstream);
        for (int b = 0; b < theta.length; b++) {
            double[] explicit = CanonicalGradients.vectorJacobianProduct(canonicalJacobian(theta[b]), upstream[b]);
            double error = RelativeError.normwise(autograd[b], explicit);
            assertTrue(error <= 1e-6, "row " + b + ": " + error);
        }
    }
}
