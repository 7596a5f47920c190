/**
 * Deep canonical time warping (Trigeorgis et al., CVPR 2016): CTW whose spatial maps are small DJL networks trained
 * on the deep-CCA objective, with the analytic correlation gradient checked against central differences. Uses DJL;
 * tests run it on the PyTorch engine.
 */
package dev.fovea.alignment.dctw;
