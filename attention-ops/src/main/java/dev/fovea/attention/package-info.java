/**
 * Attention mechanisms: the common block contract ({@link dev.fovea.attention.AttentionBlock}); discrete attention
 * over positions in {@code dev.fovea.attention.discrete}; continuous attention over the plane in
 * {@code dev.fovea.attention.continuous}.
 */
package dev.fovea.attention;
