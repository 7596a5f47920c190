/**
 * Dynamic time warping (DTW) of one-dimensional sequences: the cheapest monotone alignment of \( x \) and \( y \)
 * under a local cost (Sakoe &amp; Chiba, IEEE Trans. ASSP 26(1), 1978; Müller, <i>Information Retrieval for Music and
 * Motion</i>, 2007, ch. 4, eq. 4.5 for the recurrence used here).
 *
 * <p>Conventions, fixed here once so that no method restates them differently:
 * <ul>
 *   <li>Indices are 0-based: cell \( (i, j) \) pairs \( x_i \) with \( y_j \); a path runs from \( (0, 0) \) to
 *       \( (n - 1, m - 1) \) for \( |x| = n \), \( |y| = m \).</li>
 *   <li>The step pattern is <i>symmetric1</i> (R {@code dtw} naming): steps \( (1, 0) \), \( (0, 1) \), \( (1, 1) \),
 *       each weighted 1, so the cost of a path is the plain sum of its cells' local costs.</li>
 *   <li>There is no window: every cell is admissible. (When windows arrive they will be a sealed type whose
 *       factories name their unit, e.g. a Sakoe–Chiba radius in cells, \( |i - j| \le r \).)</li>
 * </ul>
 *
 * <p>{@link dev.fovea.alignment.dtw.Dtw} is the entry point; {@link dev.fovea.alignment.dtw.LocalCost},
 * {@link dev.fovea.alignment.dtw.WarpingPath} and {@link dev.fovea.alignment.dtw.DtwResult} are immutable values.
 * Everything here is pure Java, needs no engine, and is thread-safe.
 */
package dev.fovea.alignment.dtw;
