/**
 * Hard visual attention by glimpses (Mnih et al. 2014, "Recurrent Models of Visual Attention"): the multi-resolution
 * glimpse sensor {@link dev.fovea.attention.glimpse.GlimpseSensor} (double kernel and differentiable NDArray
 * function) and its block {@link dev.fovea.attention.glimpse.Retina}. Locations are in \( [-1, 1]^2 \), \( x \) along
 * the width and \( y \) along the height, \( (-1, -1) \) the top-left corner.
 */
package dev.fovea.attention.glimpse;
