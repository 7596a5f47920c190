/**
 * Soft dynamic time warping (Cuturi &amp; Blondel, ICML 2017): a differentiable relaxation of DTW, its gradient with
 * respect to the inputs by the backward recursion over the expected-alignment matrix, the soft-DTW divergence of
 * Blondel, Mensch &amp; Vert (AISTATS 2021) that is zero on identical inputs, and barycenters, all restricted to the
 * cells of any {@link dev.fovea.alignment.dtw.Window} of DTW (none, Sakoe–Chiba, Itakura, mask).
 *
 * <p>Sequences are {@code double[n][d]}: \( n \) frames (rows) of \( d \) channels; 1-D sequences go through
 * {@link dev.fovea.alignment.softdtw.SoftDtw#column(double[])}. Indices, step pattern (symmetric1) and local cost
 * (squared Euclidean) are those of {@link dev.fovea.alignment.dtw}. Pure Java, engine-free, thread-safe.
 */
package dev.fovea.alignment.softdtw;
