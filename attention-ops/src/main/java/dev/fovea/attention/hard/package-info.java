/**
 * Stochastic hard attention: a location is drawn, not averaged over (Xu et al. 2015, §4.1; Mnih et al. 2014).
 * Categorical draws over discrete locations by Gumbel-max or inverse CDF ({@link
 * dev.fovea.attention.hard.CategoricalSampling}) with their log-probability and entropy ({@link
 * dev.fovea.attention.hard.Categorical}); a Gaussian policy over continuous locations ({@link
 * dev.fovea.attention.hard.GaussianLocationPolicy}); and the REINFORCE surrogate losses with a learned baseline and an
 * entropy bonus ({@link dev.fovea.attention.hard.Reinforce}).
 */
package dev.fovea.attention.hard;
