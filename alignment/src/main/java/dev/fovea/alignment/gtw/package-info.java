/**
 * Generalized time warping (GTW) and generalized canonical time warping (GCTW) of two or more sequences (Zhou &amp;
 * De la Torre, CVPR 2012; TPAMI 2016): continuous monotone warps, combinations of a fixed monotone basis, fitted by
 * damped Gauss–Newton with a temporal smoothness regulariser, each step's QP over the simplices of basis weights
 * solved exactly ({@link dev.fovea.alignment.gtw.SimplexQuadraticProgram}), optionally alternating with multi-set
 * CCA. See {@link dev.fovea.alignment.gtw.GeneralizedTimeWarping} for what is left out.
 */
package dev.fovea.alignment.gtw;
