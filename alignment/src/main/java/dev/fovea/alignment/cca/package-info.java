/**
 * Canonical correlation analysis: linear projections of two or more paired sets of vectors that are maximally
 * correlated, regularised (ridge) and truncated to a fixed dimension or a kept fraction of the correlation "energy".
 * It is the spatial step of canonical time warping ({@link dev.fovea.alignment.ctw}).
 *
 * <p>Sets are {@code double[n][d_i]}: \( n \) paired rows. Pure Java on {@link dev.fovea.math.linalg}; thread-safe.
 */
package dev.fovea.alignment.cca;
