/**
 * Canonical time warping (Zhou &amp; De la Torre, NIPS 2009): alternating CCA ({@link dev.fovea.alignment.cca}) and
 * DTW to align sequences that live in different spaces, a multivariate DTW over a precomputed cost matrix
 * ({@link dev.fovea.alignment.ctw.CostMatrixDtw}, to be unified with {@code alignment.dtw}), and the path deviation
 * used to test convergence and to score alignments against a ground truth.
 *
 * <p>Sequences are {@code double[n][d]}, frames by channels ({@link dev.fovea.alignment.frames.Frames}). Pure Java,
 * thread-safe.
 */
package dev.fovea.alignment.ctw;
