/**
 * Continuous attention on the plane: a Gaussian attention density over \( t \in \mathbb{R}^2 \) instead of a
 * probability vector over positions (Martins et al. 2020, "Sparse and Continuous Attention Mechanisms").
 *
 * <p>Pieces, each in the three layers of the project (double kernel, differentiable NDArray function, block):
 * <ul>
 *   <li>{@link dev.fovea.attention.continuous.Gaussian2}: the density \( \mathcal{N}(\mu, \Sigma) \);</li>
 *   <li>{@link dev.fovea.attention.continuous.GaussianBasis2}: the RBF basis \( \psi_j \) of the value function;</li>
 *   <li>{@link dev.fovea.attention.continuous.ContinuousSoftmax2}: \( r_j = \mathbb{E}_p[\psi_j] \) in closed form,
 *       with the explicit Jacobian ({@link dev.fovea.attention.continuous.ExpectationJacobian});</li>
 *   <li>{@link dev.fovea.attention.continuous.MomentMatching}: \( (\mu, \Sigma) \) from a discrete distribution over
 *       grid cells;</li>
 *   <li>{@link dev.fovea.attention.continuous.RidgeValueFunction}: \( c = V^\top G r \);</li>
 *   <li>{@link dev.fovea.attention.continuous.ContinuousSoftmaxAttention}: the parameter-free block.</li>
 * </ul>
 *
 * <p>One coordinate frame throughout, {@link dev.fovea.attention.continuous.UnitSquareGrid}: the unit square,
 * \( x \) = column direction, \( y \) = row direction (downwards), cells represented by their centres
 * \( (k + \tfrac12)/G \).
 */
package dev.fovea.attention.continuous;
