/**
 * Dynamic time warping (DTW): the cheapest monotone alignment of \( x \) and \( y \) under a local cost (Sakoe &amp;
 * Chiba, IEEE Trans. ASSP 26(1), 1978; Müller, <i>Information Retrieval for Music and Motion</i>, 2007, ch. 4;
 * Giorgino, J. Stat. Softw. 31(7), 2009, for step patterns, normalisation and open ends).
 *
 * <p>Conventions, fixed here once so that no method restates them differently:
 * <ul>
 *   <li>Indices are 0-based: cell \( (i, j) \) pairs \( x_i \) (the query, rows) with \( y_j \) (the reference,
 *       columns); a closed path runs from \( (0, 0) \) to \( (n - 1, m - 1) \) for \( |x| = n \), \( |y| = m \).</li>
 *   <li>{@link dev.fovea.alignment.dtw.Dtw#align(double[], double[])} and
 *       {@link dev.fovea.alignment.dtw.Dtw#distance(double[], double[])} are the classic DTW: squared local cost,
 *       step pattern <i>symmetric1</i> (steps \( (1, 0), (0, 1), (1, 1) \), weight 1), no window.</li>
 *   <li>{@link dev.fovea.alignment.dtw.DtwOptions} selects every other variant: a sealed
 *       {@link dev.fovea.alignment.dtw.LocalCost}, a sealed {@link dev.fovea.alignment.dtw.Window} (the Sakoe–Chiba
 *       band is \( |i - j| \le r \), \( r \) in cells, unslanted), a
 *       {@link dev.fovea.alignment.dtw.StepPattern} with its normalisation, and open begin / end.</li>
 *   <li>The cost of a path is its start cell's local cost plus each step's weighted local costs; it is never
 *       square-rooted. {@code normalizedCost} divides by the pattern's normaliser.</li>
 * </ul>
 *
 * <p>For search: {@link dev.fovea.alignment.dtw.Envelope}, {@link dev.fovea.alignment.dtw.LowerBounds},
 * {@link dev.fovea.alignment.dtw.NearestNeighbour} and {@link dev.fovea.alignment.dtw.PairwiseDistances}.
 * Everything here is pure Java, needs no engine, and is thread-safe.
 */
package dev.fovea.alignment.dtw;
