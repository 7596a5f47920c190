/**
 * Continuous attention on the line and on the plane: an attention density over \( t \in \mathbb{R} \) or
 * \( \mathbb{R}^2 \) instead of a probability vector over positions (Martins et al. 2020, "Sparse and Continuous
 * Attention Mechanisms"). Continuous softmax gives a Gaussian, continuous sparsemax a truncated parabola or
 * paraboloid with compact support ({@link dev.fovea.attention.continuous.ContinuousMapping}).
 *
 * <p>Pieces, each in the three layers of the project (double kernel, differentiable NDArray function, block):
 * <ul>
 *   <li>densities and scores: {@link dev.fovea.attention.continuous.Gaussian1},
 *       {@link dev.fovea.attention.continuous.Gaussian2}, {@link dev.fovea.attention.continuous.TruncatedParabola},
 *       {@link dev.fovea.attention.continuous.TruncatedParaboloid}; the canonical parameters \( \theta \) of the
 *       quadratic score, {@link dev.fovea.attention.continuous.QuadraticScore1},
 *       {@link dev.fovea.attention.continuous.QuadraticScore2}; supports,
 *       {@link dev.fovea.attention.continuous.Support};</li>
 *   <li>value bases: {@link dev.fovea.attention.continuous.GaussianBasis1},
 *       {@link dev.fovea.attention.continuous.GaussianBasis2};</li>
 *   <li>expectations \( r_j = \mathbb{E}_p[\psi_j] \) and their Jacobians:
 *       {@link dev.fovea.attention.continuous.ContinuousSoftmax1}, {@link dev.fovea.attention.continuous.ContinuousSparsemax1},
 *       {@link dev.fovea.attention.continuous.ContinuousSoftmax2} (with {@link dev.fovea.attention.continuous.ExpectationJacobian}),
 *       {@link dev.fovea.attention.continuous.ContinuousSparsemax2}; the array façade of the serving layer,
 *       {@link dev.fovea.attention.continuous.ContinuousAttention} returning
 *       {@link dev.fovea.attention.continuous.ContinuousEvaluation};</li>
 *   <li>parameter heads: {@link dev.fovea.attention.continuous.MomentMatching} (from a discrete distribution over
 *       cells, with the sparsemax scales that keep its moments) and {@link dev.fovea.attention.continuous.MomentHead}
 *       (from raw network outputs);</li>
 *   <li>value functions: {@link dev.fovea.attention.continuous.RidgeValueFunction1},
 *       {@link dev.fovea.attention.continuous.RidgeValueFunction} (\( c = V^\top G r \), optional padding);</li>
 *   <li>blocks: {@link dev.fovea.attention.continuous.ContinuousSoftmaxAttention},
 *       {@link dev.fovea.attention.continuous.ContinuousSparsemaxAttention} (2-D) and
 *       {@link dev.fovea.attention.continuous.ContinuousSequenceAttention} (1-D, either mapping).</li>
 * </ul>
 *
 * <p>One coordinate frame per dimension: {@link dev.fovea.attention.continuous.UnitIntervalGrid} (cell centres
 * \( (l + \tfrac12)/L \)) and {@link dev.fovea.attention.continuous.UnitSquareGrid} (the unit square, \( x \) = column
 * direction, \( y \) = row direction (downwards), cells represented by their centres \( (k + \tfrac12)/G \)).
 */
package dev.fovea.attention.continuous;
