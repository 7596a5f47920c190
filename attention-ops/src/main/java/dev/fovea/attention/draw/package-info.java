/**
 * DRAW's differentiable selective attention (Gregor et al. 2015, §3.2): a separable grid of \( N \times N \) Gaussian
 * filters placed by five numbers from a decoder state ({@link dev.fovea.attention.draw.FilterbankParameters},
 * {@link dev.fovea.attention.draw.DrawFilterbank}), the read \( \gamma F_Y x F_X^\top \)
 * ({@link dev.fovea.attention.draw.DrawRead}) and the write \( \hat\gamma^{-1} \hat F_Y^\top w \hat F_X \)
 * ({@link dev.fovea.attention.draw.DrawWrite}). All coordinates are 0-based pixel positions; the conversion from the
 * paper's 1-based formulas is spelled out in {@link dev.fovea.attention.draw.DrawFilterbank}.
 */
package dev.fovea.attention.draw;
