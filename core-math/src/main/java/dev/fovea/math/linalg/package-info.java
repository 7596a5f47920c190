/**
 * Small dense linear algebra: 2×2 symmetric matrices and their Cholesky factors in closed form, and the Cholesky
 * factorisation of general small dense symmetric positive-definite matrices ({@link dev.fovea.math.linalg.Cholesky},
 * for ridge-regression Gram matrices), and symmetric and symmetric-definite generalized eigen-decompositions
 * ({@link dev.fovea.math.linalg.SymmetricEigen} by Jacobi rotations, {@link dev.fovea.math.linalg.GeneralizedSymmetricEigen}
 * through a Cholesky reduction) for canonical correlation analysis, and the LU factorisation with partial pivoting
 * ({@link dev.fovea.math.linalg.LuDecomposition}) for small indefinite systems.
 *
 * <p>Two-dimensional Gaussians (continuous attention over an image plane) need covariance matrices, their
 * inverses, log-determinants and a factor for sampling many times per forward pass. A general matrix library would
 * allocate and loop where a 2×2 closed form needs a handful of flops, so this package stores the three distinct
 * entries as record components and spells out each formula.
 *
 * <p>Every 2×2 type is an immutable record whose constructor rejects non-finite entries; positive definiteness is
 * checked where it is needed and reported with {@link dev.fovea.math.linalg.NotPositiveDefiniteException}.
 * All types are thread-safe.
 */
package dev.fovea.math.linalg;
