package dev.fovea.alignment.gtw;

import dev.fovea.alignment.cca.CanonicalCorrelation;
import dev.fovea.alignment.cca.CcaDimension;
import dev.fovea.alignment.cca.CcaResult;
import dev.fovea.alignment.frames.Frames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Generalized (canonical) time warping of two or more sequences, after Zhou &amp; De la Torre, "Generalized Time
 * Warping for Multi-modal Alignment of Human Motion" (CVPR 2012) and "Generalized Canonical Time Warping" (TPAMI
 * 38(2), 2016).
 *
 * <p>Each sequence \( X_i \in \mathbb{R}^{n_i \times d_i} \) is resampled on a common grid of \( l = \max_i n_i \)
 * steps by a continuous warp \( w_i(s) = (n_i - 1) u_i(s) \), \( u_i(s) = \sum_k a_{ik} q_k(s / (l - 1)) \), with the
 * monotone basis of {@link MonotoneBasis} and \( a_i \) in the probability simplex (so \( w_i \) is non-decreasing
 * from 0 to \( n_i - 1 \)). With \( Y_i(s) = V_i^\top (X_i(w_i(s)) - \mu_i) \) — \( X_i(\cdot) \) linear
 * interpolation between frames, \( V_i \) from multi-set CCA for GCTW or \( V_i = I \), \( \mu_i = 0 \) for GTW —
 * the objective is (GCTW, TPAMI 2016, eq. 12, with a temporal regulariser)
 * \[ J(a) = \sum_i \sum_s \| Y_i(s) - \bar Y(s) \|^2 + \lambda R(a), \qquad \bar Y = \tfrac1m \textstyle\sum_i Y_i,
 * \qquad R(a) = (l - 1)^4 \sum_i \sum_{s=1}^{l-2} \big(u_i(s+1) - 2 u_i(s) + u_i(s-1)\big)^2, \]
 * the first term being \( \tfrac1m \sum_{i &lt; j} \| Y_i - Y_j \|_F^2 \). \( R \) is the squared second difference
 * of the normalised warps, scaled so that \( R \approx (l - 1) \sum_i \int_0^1 u_i''(t)^2\,dt \) grows with the grid
 * like the data term: it penalises sharp changes of each warp's rate (the paper's regulariser penalises the
 * roughness of the warps likewise; this exact form and the default \( \lambda \) =
 * {@link GtwOptions#DEFAULT_SMOOTHNESS} are Fovea's, chosen on held-out spiral seeds). It is an exact quadratic in the
 * weights, \( R(a) = \sum_i a_i^\top G a_i \) with \( G = (l - 1)^4 (\Delta^2 Q)^\top (\Delta^2 Q) \), and does not
 * depend on \( n_i \). \( \lambda = 0 \) gives the unregularised objective.
 *
 * <p><b>Temporal step</b> (paper, §5.2): Gauss–Newton on \( a \). Linearising
 * \( Y_i(w_i + \Delta w_i) \approx Y_i + \dot Y_i \Delta w_i \) with \( \dot Y_i \) the interpolated central
 * difference of the projected frames gives a quadratic model of the data term \( J_0 + 2 g^\top \Delta a +
 * \Delta a^\top H \Delta a \); with Levenberg damping \( \delta (1 + H_{rr}) \) on the diagonal of \( H \) and the
 * exact regulariser, the model of \( J \) in the new weights \( a' = a + \Delta a \) is the strictly convex quadratic
 * \( \tfrac12 a'^\top [2 (H_\delta + \lambda G)] a' + (2 g - 2 H_\delta a)^\top a' \), minimised exactly over the
 * constraints \( a'_i \ge 0 \), \( \sum_k a'_{ik} = 1 \) (monotone warps with fixed end points) by the active-set
 * method of {@link SimplexQuadraticProgram}. The step is accepted only if the exact \( J \) decreases (else
 * \( \delta \leftarrow 10 \delta \), up to 8 times).
 *
 * <p><b>Spatial step</b> (GCTW only): multi-set CCA ({@link CanonicalCorrelation}) of the resampled sequences,
 * dimension fixed after the first iteration. As in {@link dev.fovea.alignment.ctw.CanonicalTimeWarping}, an outer
 * iteration whose final \( J \) exceeds the previous one is discarded and the loop stops.
 *
 * <p>Not done: the exponential/logarithmic/I-spline bases. Warps start at the identity (uniform time warping).
 * Cost per Gauss–Newton step \( O(l (m K)^2 p) \) plus the QP's \( O(|F|^3) \) per active-set change.
 * Thread-safe: static.
 */
public final class GeneralizedTimeWarping {

    private GeneralizedTimeWarping() {
    }

    /**
     * Aligns the sequences.
     *
     * @param sequences \( m \ge 2 \) sequences, each \( n_i \times d_i \) with \( n_i \ge 2 \), finite; all \( d_i \)
     *                  equal unless {@code options.canonical()}
     * @param options   iterations and spatial settings
     * @return the warps and the objective per outer iteration
     * @throws IllegalArgumentException if fewer than two sequences, a sequence is invalid or has one frame, or the
     *                                  channel counts differ for GTW
     */
    public static GtwResult align(List<double[][]> sequences, GtwOptions options) {
        Objects.requireNonNull(sequences, "sequences must not be null");
        Objects.requireNonNull(options, "options must not be null");
        int m = sequences.size();
        if (m < 2) {
            throw new IllegalArgumentException("sequences must hold at least 2 sequences, got " + m);
        }
        int[] lengths = new int[m];
        int length = 0;
        for (int i = 0; i < m; i++) {
            int d = Frames.require("sequences[" + i + "]", sequences.get(i));
            lengths[i] = sequences.get(i).length;
            if (lengths[i] < 2) {
                throw new IllegalArgumentException("sequences[" + i + "] must have at least 2 frames, got "
                        + lengths[i]);
            }
            if (!options.canonical() && d != sequences.get(0)[0].length) {
                throw new IllegalArgumentException("sequences[" + i + "] has " + d + " channels, sequences[0] has "
                        + sequences.get(0)[0].length + "; GTW without CCA needs equal channels");
            }
            length = Math.max(length, lengths[i]);
        }
        double[][] basis = MonotoneBasis.onGrid(length);
        double[][] gram = smoothnessGram(basis);
        double lambda = options.smoothness();
        double[][] weights = new double[m][MonotoneBasis.SIZE];
        for (double[] a : weights) {
            a[0] = 1.0;
        }
        CcaDimension dimension = CcaDimension.energy(options.energy());
        List<Double> objective = new ArrayList<>();
        CcaResult cca = null;
        for (int iteration = 1; iteration <= options.maxIterations(); iteration++) {
            double[][][] features = new double[m][][];
            CcaResult nextCca = null;
            if (options.canonical()) {
                List<double[][]> resampled = new ArrayList<>();
                for (int i = 0; i < m; i++) {
                    resampled.add(interpolate(sequences.get(i), warp(basis, weights[i], lengths[i])));
                }
                nextCca = CanonicalCorrelation.fit(resampled, options.regularization(), dimension);
                for (int i = 0; i < m; i++) {
                    features[i] = nextCca.project(i, sequences.get(i));
                }
            } else {
                for (int i = 0; i < m; i++) {
                    features[i] = sequences.get(i);
                }
            }
            double[][] next = copy(weights);
            double cost = objective(features, basis, next, lengths) + lambda * roughness(gram, next);
            double damping = 1e-3;
            for (int step = 0; step < options.gaussNewtonSteps(); step++) {
                boolean accepted = false;
                for (int attempt = 0; attempt < 8 && !accepted; attempt++) {
                    double[][] candidate = gaussNewton(features, basis, next, lengths, damping, lambda, gram);
                    double candidateCost = objective(features, basis, candidate, lengths)
                            + lambda * roughness(gram, candidate);
                    if (candidateCost < cost) {
                        next = candidate;
                        cost = candidateCost;
                        damping = Math.max(damping / 3, 1e-9);
                        accepted = true;
                    } else {
                        damping *= 10;
                    }
                }
                if (!accepted) {
                    break;
                }
            }
            if (iteration > 1 && cost > objective.get(objective.size() - 1)) {
                break;
            }
            if (nextCca != null) {
                dimension = CcaDimension.fixed(nextCca.components());
            }
            weights = next;
            cca = nextCca;
            objective.add(cost);
        }
        double[][] warps = new double[m][];
        for (int i = 0; i < m; i++) {
            warps[i] = warp(basis, weights[i], lengths[i]);
        }
        return new GtwResult(warps, objective.stream().mapToDouble(Double::doubleValue).toArray(), cca);
    }

    /** \( w(s) = (n - 1) \sum_k a_k Q_{sk} \), clamped into [0, n − 1] against rounding. */
    static double[] warp(double[][] basis, double[] a, int frames) {
        double[] w = new double[basis.length];
        for (int s = 0; s < basis.length; s++) {
            double sum = 0;
            for (int k = 0; k < a.length; k++) {
                sum += a[k] * basis[s][k];
            }
            w[s] = Math.min(frames - 1, Math.max(0, (frames - 1) * sum));
        }
        w[0] = 0;
        w[w.length - 1] = frames - 1;
        return w;
    }

    /** Rows of x at real frames w, linearly interpolated. */
    static double[][] interpolate(double[][] x, double[] w) {
        int d = x[0].length;
        double[][] out = new double[w.length][d];
        for (int s = 0; s < w.length; s++) {
            int f = Math.min((int) Math.floor(w[s]), x.length - 2);
            double t = w[s] - f;
            for (int c = 0; c < d; c++) {
                out[s][c] = (1 - t) * x[f][c] + t * x[f + 1][c];
            }
        }
        return out;
    }

    /** Central differences of the frames (one-sided at the ends). */
    static double[][] derivative(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[][] out = new double[n][d];
        for (int f = 0; f < n; f++) {
            int lo = Math.max(0, f - 1);
            int hi = Math.min(n - 1, f + 1);
            for (int c = 0; c < d; c++) {
                out[f][c] = (x[hi][c] - x[lo][c]) / (hi - lo);
            }
        }
        return out;
    }

    /**
     * \( G = (l - 1)^4 (\Delta^2 Q)^\top (\Delta^2 Q) \), \( K \times K \): \( a^\top G a \) is the scaled squared
     * second difference of the normalised warp \( u = Q a \) (0 when \( l &lt; 3 \)).
     */
    static double[][] smoothnessGram(double[][] basis) {
        int l = basis.length;
        int k = basis[0].length;
        double scale = Math.pow(l - 1, 4);
        double[][] gram = new double[k][k];
        double[] second = new double[k];
        for (int s = 1; s < l - 1; s++) {
            for (int a = 0; a < k; a++) {
                second[a] = basis[s + 1][a] - 2 * basis[s][a] + basis[s - 1][a];
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    gram[a][b] += scale * second[a] * second[b];
                }
            }
        }
        return gram;
    }

    /** \( R(a) = \sum_i a_i^\top G a_i \). */
    static double roughness(double[][] gram, double[][] weights) {
        double sum = 0;
        for (double[] a : weights) {
            for (int r = 0; r < a.length; r++) {
                for (int c = 0; c < a.length; c++) {
                    sum += a[r] * gram[r][c] * a[c];
                }
            }
        }
        return sum;
    }

    static double objective(double[][][] features, double[][] basis, double[][] weights, int[] lengths) {
        int m = features.length;
        double[][][] y = new double[m][][];
        for (int i = 0; i < m; i++) {
            y[i] = interpolate(features[i], warp(basis, weights[i], lengths[i]));
        }
        double sum = 0;
        int p = y[0][0].length;
        for (int s = 0; s < basis.length; s++) {
            for (int c = 0; c < p; c++) {
                double mean = 0;
                for (int i = 0; i < m; i++) {
                    mean += y[i][s][c] / m;
                }
                for (int i = 0; i < m; i++) {
                    double r = y[i][s][c] - mean;
                    sum += r * r;
                }
            }
        }
        return sum;
    }

    /** One damped Gauss–Newton step on the weights, its QP solved exactly over the simplices. */
    private static double[][] gaussNewton(double[][][] features, double[][] basis, double[][] weights, int[] lengths,
            double damping, double lambda, double[][] gram) {
        TemporalModel model = temporalModel(features, basis, weights, lengths, damping, lambda, gram);
        double[] a = SimplexQuadraticProgram.minimize(model.q(), model.c(), MonotoneBasis.SIZE, model.start()).x();
        int m = weights.length;
        double[][] out = new double[m][MonotoneBasis.SIZE];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a, i * MonotoneBasis.SIZE, out[i], 0, MonotoneBasis.SIZE);
        }
        return out;
    }

    /**
     * The quadratic model \( \tfrac12 a'^\top Q a' + c^\top a' \) of \( J \) (up to a constant) around the weights
     * {@code start} (flattened, sequence-major).
     */
    record TemporalModel(double[][] q, double[] c, double[] start) {
    }

    /** The temporal step's QP: the damped Gauss–Newton model of the data term plus the exact regulariser. */
    static TemporalModel temporalModel(double[][][] features, double[][] basis, double[][] weights, int[] lengths,
            double damping, double lambda, double[][] gram) {
        int m = features.length;
        int k = MonotoneBasis.SIZE;
        int size = m * k;
        int p = features[0][0].length;
        double[][][] y = new double[m][][];
        double[][][] dy = new double[m][][];
        for (int i = 0; i < m; i++) {
            double[] w = warp(basis, weights[i], lengths[i]);
            y[i] = interpolate(features[i], w);
            dy[i] = interpolate(derivative(features[i]), w);
        }
        double[][] h = new double[size][size];
        double[] g = new double[size];
        double[] mean = new double[p];
        double[][] dot = new double[m][m];
        for (int s = 0; s < basis.length; s++) {
            Arrays.fill(mean, 0);
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < p; c++) {
                    mean[c] += y[i][s][c] / m;
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = 0;
                    for (int c = 0; c < p; c++) {
                        v += dy[i][s][c] * dy[j][s][c];
                    }
                    dot[i][j] = v;
                    dot[j][i] = v;
                }
            }
            for (int i = 0; i < m; i++) {
                double residualSlope = 0;
                for (int c = 0; c < p; c++) {
                    residualSlope += dy[i][s][c] * (y[i][s][c] - mean[c]);
                }
                double si = lengths[i] - 1;
                for (int a = 0; a < k; a++) {
                    double qa = basis[s][a];
                    g[i * k + a] += si * qa * residualSlope;
                    for (int j = 0; j < m; j++) {
                        double coupling = ((i == j ? 1.0 : 0.0) - 1.0 / m) * dot[i][j] * si * (lengths[j] - 1);
                        if (coupling == 0) {
                            continue;
                        }
                        for (int b = 0; b < k; b++) {
                            h[i * k + a][j * k + b] += coupling * qa * basis[s][b];
                        }
                    }
                }
            }
        }
        double[] start = flatten(weights);
        double[][] q = new double[size][size];
        double[] c = new double[size];
        for (int r = 0; r < size; r++) {
            h[r][r] += damping * (1 + h[r][r]);
        }
        for (int r = 0; r < size; r++) {
            double ha = 0;
            for (int col = 0; col < size; col++) {
                ha += h[r][col] * start[col];
                q[r][col] = 2 * h[r][col];
                if (r / k == col / k) {
                    q[r][col] += 2 * lambda * gram[r % k][col % k];
                }
            }
            c[r] = 2 * g[r] - 2 * ha;
        }
        return new TemporalModel(q, c, start);
    }

    private static double[] flatten(double[][] weights) {
        double[] out = new double[weights.length * weights[0].length];
        for (int i = 0; i < weights.length; i++) {
            System.arraycopy(weights[i], 0, out, i * weights[0].length, weights[0].length);
        }
        return out;
    }

    private static double[][] copy(double[][] weights) {
        double[][] out = new double[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            out[i] = weights[i].clone();
        }
        return out;
    }
}
