/**
 * Synthetic alignment problems with a known ground truth — Zhou &amp; De la Torre's spirals — and a benchmark that
 * scores DTW, derivative DTW and CTW on them. Pure Java, deterministic per seed.
 */
package dev.fovea.alignment.synthetic;
