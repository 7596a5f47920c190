/**
 * Deep canonical time warping (Trigeorgis et al., CVPR 2016): CTW whose spatial maps are DJL feed-forward networks of
 * any depth ({@link dev.fovea.alignment.dctw.DeepCtwOptions#hiddenLayers()}, {@link
 * dev.fovea.alignment.dctw.HiddenActivation}) trained on the deep-CCA objective, alternating with DTW; the trained
 * maps come back as {@link dev.fovea.alignment.dctw.DeepProjection}s. The analytic correlation gradient is checked
 * against central differences. Uses DJL; tests run it on the PyTorch engine with one thread
 * ({@code ai.djl.pytorch.num_threads=1}), which is much faster for these tiny tensors on a busy machine.
 */
package dev.fovea.alignment.dctw;
