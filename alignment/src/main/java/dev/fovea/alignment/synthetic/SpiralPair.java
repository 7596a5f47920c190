package dev.fovea.alignment.synthetic;

/**
 * Two sequences generated from one latent curve, and the ground-truth alignment between them.
 *
 * @param x     \( n_x \times d \), rows are frames
 * @param y     \( n_y \times d \)
 * @param truth \( j^\ast(i) \) for every frame \( i \) of \( x \): the real-valued frame of \( y \) at the same latent
 *              time, in \( [0, n_y - 1] \)
 */
public record SpiralPair(double[][] x, double[][] y, double[] truth) {
}
