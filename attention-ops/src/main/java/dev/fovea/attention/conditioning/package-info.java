/**
 * Feature-wise conditioning of features \( x \) \( [B, C, \dots] \) on a vector \( z \) \( [B, d] \) (Dumoulin et
 * al., "Feature-wise transformations", Distill 2018): {@link dev.fovea.attention.conditioning.ConcatenationConditioning}
 * (\( W[x; z] + b \)), {@link dev.fovea.attention.conditioning.ConditionalBiasing} (\( x + \beta(z) \)),
 * {@link dev.fovea.attention.conditioning.ConditionalScaling} (\( \gamma(z) \odot x \)) and
 * {@link dev.fovea.attention.conditioning.Film} (\( \gamma(z) \odot x + \beta(z) \), Perez et al. 2018), each a
 * double kernel, a differentiable function and a {@link dev.fovea.attention.conditioning.ConditioningBlock}.
 */
package dev.fovea.attention.conditioning;
