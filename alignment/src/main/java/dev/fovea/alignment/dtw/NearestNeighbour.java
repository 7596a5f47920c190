package dev.fovea.alignment.dtw;

import dev.fovea.math.Finite;
import java.util.Objects;

/**
 * Exact 1-nearest-neighbour search under banded DTW (squared local cost, symmetric1, \( |i - j| \le r \)) among
 * equal-length candidates, pruned by a cascade of lower bounds as in the UCR suite (Rakthanmanon et al., KDD 2012):
 * LB_KimFL, then LB_Keogh of the query against each candidate's envelope, then LB_Keogh of the candidate against the
 * query's envelope, then early-abandoning DTW. A candidate is skipped when a bound is \( \ge \) the best cost so far,
 * so the answer is that of a brute-force scan which keeps the first of equally near candidates.
 *
 * <p>Candidates and their envelopes are copied and computed once at construction. Immutable and thread-safe.
 */
public final class NearestNeighbour {

    /**
     * The answer of {@link #search(double[])}.
     *
     * @param index          the position of the nearest candidate (the first one among ties)
     * @param cost           its DTW cost to the query
     * @param dtwEvaluations how many candidates reached the DTW recurrence (the rest were pruned by a bound)
     */
    public record Match(int index, double cost, int dtwEvaluations) {
    }

    private final double[][] candidates;
    private final Envelope[] envelopes;
    private final Window.SakoeChiba band;

    private NearestNeighbour(double[][] candidates, Window.SakoeChiba band) {
        this.candidates = candidates;
        this.band = band;
        this.envelopes = new Envelope[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            envelopes[c] = Envelope.of(candidates[c], band.radiusCells());
        }
    }

    /**
     * An index over the candidates.
     *
     * @param candidates  \( N \ge 1 \) sequences of one common length \( n \ge 1 \), finite; copied
     * @param radiusCells the Sakoe–Chiba radius \( r \ge 0 \)
     * @throws IllegalArgumentException {@code "candidates must all have length 5, got 4 at [2]"} and the like
     */
    public static NearestNeighbour of(double[][] candidates, int radiusCells) {
        Finite.check("candidates", candidates);
        if (candidates.length == 0 || candidates[0].length == 0) {
            throw new IllegalArgumentException("candidates must hold at least one non-empty sequence");
        }
        double[][] copy = new double[candidates.length][];
        for (int c = 0; c < candidates.length; c++) {
            if (candidates[c].length != candidates[0].length) {
                throw new IllegalArgumentException("candidates must all have length " + candidates[0].length
                        + ", got " + candidates[c].length + " at [" + c + "]");
            }
            copy[c] = candidates[c].clone();
        }
        return new NearestNeighbour(copy, Window.sakoeChiba(radiusCells));
    }

    /**
     * The candidate nearest to {@code query}.
     *
     * @param query length \( n \), finite
     * @throws IllegalArgumentException if the query is not finite or has another length
     */
    public Match search(double[] query) {
        Finite.check("query", query);
        Objects.requireNonNull(query, "query must not be null");
        if (query.length != candidates[0].length) {
            throw new IllegalArgumentException("query has " + query.length + " entries, the candidates "
                    + candidates[0].length);
        }
        Envelope queryEnvelope = Envelope.of(query, band.radiusCells());
        double best = Double.POSITIVE_INFINITY;
        int bestIndex = -1;
        int evaluations = 0;
        for (int c = 0; c < candidates.length; c++) {
            double[] candidate = candidates[c];
            if (LowerBounds.kim(query, candidate) >= best
                    || envelopes[c].squaredDistanceOutside(query) >= best
                    || queryEnvelope.squaredDistanceOutside(candidate) >= best) {
                continue;
            }
            evaluations++;
            double cost = Dtw.distance(query, candidate, band, best);
            if (cost < best) {
                best = cost;
                bestIndex = c;
            }
        }
        return new Match(bestIndex, best, evaluations);
    }
}
