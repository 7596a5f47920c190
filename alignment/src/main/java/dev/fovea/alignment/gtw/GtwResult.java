package dev.fovea.alignment.gtw;

import dev.fovea.alignment.cca.CcaResult;
import java.util.Objects;

/**
 * The warps found by {@link GeneralizedTimeWarping}: for each sequence \( i \) and common time step
 * \( s = 0, \dots, l - 1 \), the real frame \( w_i(s) \in [0, n_i - 1] \) sampled at that step; \( w_i \) is
 * non-decreasing with \( w_i(0) = 0 \), \( w_i(l - 1) = n_i - 1 \).
 *
 * <p>Arrays are copied in and out; immutable and thread-safe.
 */
public final class GtwResult {

    private final double[][] warps;
    private final double[] objective;
    private final CcaResult cca;

    GtwResult(double[][] warps, double[] objective, CcaResult cca) {
        this.warps = warps;
        this.objective = objective;
        this.cca = cca;
    }

    /** A copy of \( w_i(s) \), {@code [m][l]}. */
    public double[][] warps() {
        double[][] copy = new double[warps.length][];
        for (int i = 0; i < warps.length; i++) {
            copy[i] = warps[i].clone();
        }
        return copy;
    }

    /**
     * The objective \( J \) after each outer iteration, non-increasing: the data term plus \( \lambda R \) (see
     * {@link GeneralizedTimeWarping}).
     */
    public double[] objective() {
        return objective.clone();
    }

    /** The outer iterations run. */
    public int iterations() {
        return objective.length;
    }

    /** The final objective \( J \), regulariser included. */
    public double cost() {
        return objective[objective.length - 1];
    }

    /** The final multi-set CCA, or null for GTW without the spatial step. */
    public CcaResult cca() {
        return cca;
    }

    /**
     * For every frame \( f = 0, \dots, n_a - 1 \) of sequence {@code a}, the real frame of sequence {@code b} sampled
     * at the same common time: \( w_b(w_a^{-1}(f)) \), inverting \( w_a \) by linear interpolation (the middle of a
     * flat stretch).
     */
    public double[] columnPerRow(int a, int b) {
        Objects.checkIndex(a, warps.length);
        Objects.checkIndex(b, warps.length);
        double[] wa = warps[a];
        double[] wb = warps[b];
        int frames = (int) Math.round(wa[wa.length - 1]) + 1;
        double[] out = new double[frames];
        for (int f = 0; f < frames; f++) {
            int first = -1;
            int last = -1;
            for (int s = 0; s < wa.length; s++) {
                if (Math.abs(wa[s] - f) <= 1e-12) {
                    if (first < 0) {
                        first = s;
                    }
                    last = s;
                }
            }
            if (first >= 0) {
                out[f] = 0.5 * (wb[first] + wb[last]);
                continue;
            }
            int s = 0;
            while (s < wa.length - 2 && wa[s + 1] < f) {
                s++;
            }
            double fraction = (f - wa[s]) / (wa[s + 1] - wa[s]);
            out[f] = wb[s] + fraction * (wb[s + 1] - wb[s]);
        }
        return out;
    }
}
