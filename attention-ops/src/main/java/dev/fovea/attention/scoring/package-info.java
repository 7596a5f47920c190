/**
 * Scoring functions: the part of attention before the mapping onto the simplex, one score \( s_l = f(q, k_l) \) per
 * query \( q \) and key \( k_l \).
 *
 * <ul>
 *   <li>{@link dev.fovea.attention.scoring.AdditiveScore}: \( v^\top \tanh(W q + U k_l + b) \) (Bahdanau et al.
 *       2015, appendix A.1.2);</li>
 *   <li>{@link dev.fovea.attention.scoring.ShowAttendTellScore}: \( w^\top \tanh(W_a a_l + b_a + W_h h) + c \), the
 *       \( f_{\mathrm{att}} \) of Xu et al. 2015, eq. (4), as the authors' code computes it;</li>
 *   <li>{@link dev.fovea.attention.scoring.DotProductScore}: \( q^\top k_l \) (Luong et al. 2015, eq. 8, "dot") and
 *       \( q^\top k_l / \sqrt d \) (Vaswani et al. 2017, eq. 1);</li>
 *   <li>{@link dev.fovea.attention.scoring.BilinearScore}: \( q^\top W k_l \) (Luong et al. 2015, eq. 8,
 *       "general");</li>
 *   <li>{@link dev.fovea.attention.scoring.ScoreMask}: \( -\infty \) at padded positions, NaN-free.</li>
 * </ul>
 *
 * <p>Each score comes in the three layers of the project: a double kernel for one query (the math in its javadoc), a
 * static function on DJL {@link ai.djl.ndarray.NDArray}s that DJL autograd differentiates, and a
 * {@link dev.fovea.attention.scoring.ScoreBlock} that only fetches its parameters and calls the function, made by a
 * builder ({@code AdditiveScore.builder().setQueryFeatures(512).setKeyFeatures(512).setHiddenUnits(256).build()}) or,
 * for the parameter-free dot products, {@code DotProductScore.of(512)} and {@code DotProductScore.scaled(64)}.
 *
 * <p>Shapes throughout: queries \( [B, d_q] \) (one per batch row) or \( [B, T, d_q] \) (\( T \) per row), keys
 * \( [B, L, d_k] \), scores \( [B, L] \) or \( [B, T, L] \). The blocks output scores only: any
 * {@link dev.fovea.attention.discrete.SimplexMapping} normalises them along the last axis, the masked form
 * {@code apply(scores, mask, -1)} when there is padding (see {@link dev.fovea.attention.scoring.ScoreMask}).
 */
package dev.fovea.attention.scoring;
