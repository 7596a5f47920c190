/**
 * Generalized time warping (GTW) and generalized canonical time warping (GCTW) of two or more sequences (Zhou &amp;
 * De la Torre, CVPR 2012; TPAMI 2016): continuous monotone warps, combinations of a fixed monotone basis, fitted by
 * damped Gauss–Newton, optionally alternating with multi-set CCA. A minimal version; see
 * {@link dev.fovea.alignment.gtw.GeneralizedTimeWarping} for what is left out.
 */
package dev.fovea.alignment.gtw;
