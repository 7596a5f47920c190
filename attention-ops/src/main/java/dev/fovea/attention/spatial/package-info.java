/**
 * Spatial transformers (Jaderberg et al. 2015, "Spatial Transformer Networks"): differentiable image sampling at a
 * grid that a network predicts.
 *
 * <ul>
 *   <li>the sampler: {@link dev.fovea.attention.spatial.GridSample} (bilinear or nearest,
 *       {@link dev.fovea.attention.spatial.SamplingMode}; zeros, border or reflection padding,
 *       {@link dev.fovea.attention.spatial.Padding}), a double kernel with an explicit backward and an NDArray
 *       function built from {@code gather} that DJL autograd differentiates with respect to input and grid;</li>
 *   <li>grids: {@link dev.fovea.attention.spatial.AffineGrid} and the
 *       {@link dev.fovea.attention.spatial.GridGenerator} family: general affine, the attention restriction
 *       {@link dev.fovea.attention.spatial.ScaleTranslation}, {@link dev.fovea.attention.spatial.ThinPlateSpline},
 *       {@link dev.fovea.attention.spatial.Homography};</li>
 *   <li>the block: {@link dev.fovea.attention.spatial.SpatialTransformer}.</li>
 * </ul>
 *
 * <p>One coordinate convention throughout, PyTorch's: a grid point is \( (x, y) \), \( x \) along the width,
 * \( y \) along the height (downwards), \( (-1, -1) \) the top-left; {@code alignCorners} says whether \( \pm 1 \)
 * are the centres or the outer edges of the corner pixels.
 */
package dev.fovea.attention.spatial;
