package dev.fovea.alignment.cca;

import dev.fovea.math.linalg.GeneralizedSymmetricEigen;
import dev.fovea.alignment.frames.Frames;
import java.util.List;
import java.util.Objects;

/**
 * Regularised canonical correlation analysis of two or more paired sets (multi-set CCA in the sum-of-correlations
 * form used by Zhou &amp; De la Torre, "Canonical Time Warping", NIPS 2009, §3.1 and §4.3).
 *
 * <p>Given \( s \ge 2 \) sets \( X_i \in \mathbb{R}^{n \times d_i} \) whose rows are paired, centred by their column
 * means \( \mu_i \), let \( \Sigma_{ij} = \tfrac1n \tilde X_i^\top \tilde X_j \). With the block matrix
 * \( C = [\Sigma_{ij}]_{i,j} \) and the block diagonal \( D = \operatorname{diag}(\Sigma_{ii} + r_i I) \),
 * \( r_i = r \cdot \operatorname{tr}(\Sigma_{ii}) / d_i \), the canonical directions are the leading solutions of the
 * generalized eigenproblem \( C v = \lambda D v \), \( v = (v_1; \dots; v_s) \). For two sets the eigenvalues are
 * \( 1 \pm \rho_k \) (and 1), with \( \rho_k \) the canonical correlations; in general this class reports
 * \( \rho_k = (\lambda_k - 1) / (s - 1) \), the mean pairwise correlation of the projections when \( r = 0 \).
 * Each \( v \) is scaled by \( \sqrt{s} \) so that for two sets each projection \( \tilde X_i v_i \) has unit variance,
 * as in classical CCA.
 *
 * <p>With \( r = 0 \) (allowed when every \( \Sigma_{ii} \) is positive definite) the correlations are invariant
 * to invertible affine maps \( X_i \mapsto X_i A + 1 b^\top \) of any set. \( r &gt; 0 \) (ridge CCA) makes the
 * problem well-posed for rank-deficient sets but breaks that invariance in proportion to \( r \).
 *
 * <p>Cost: \( O(n (\sum_i d_i)^2 + (\sum_i d_i)^3) \). Thread-safe: static and stateless.
 */
public final class CanonicalCorrelation {

    private CanonicalCorrelation() {
    }

    /**
     * Fits CCA.
     *
     * @param sets           \( X_1, \dots, X_s \), \( s \ge 2 \), each \( n \times d_i \) with the same \( n \ge 2 \),
     *                       finite
     * @param regularization \( r \ge 0 \), relative to the mean variance of each set
     * @param dimension      how many components to keep
     * @return the projections and correlations, components in decreasing order of correlation
     * @throws IllegalArgumentException if fewer than two sets, the row counts differ, a set is ragged or not finite,
     *                                  or {@code regularization} is negative or not finite
     * @throws dev.fovea.math.linalg.NotPositiveDefiniteException if a regularised \( \Sigma_{ii} \) is singular
     *                                  (constant or collinear channels with \( r = 0 \))
     */
    public static CcaResult fit(List<double[][]> sets, double regularization, CcaDimension dimension) {
        Objects.requireNonNull(sets, "sets must not be null");
        Objects.requireNonNull(dimension, "dimension must not be null");
        if (sets.size() < 2) {
            throw new IllegalArgumentException("sets must hold at least 2 sets, got " + sets.size());
        }
        if (!(regularization >= 0) || regularization == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("regularization must be finite and >= 0, got " + regularization);
        }
        int s = sets.size();
        int n = -1;
        int[] widths = new int[s];
        int[] offsets = new int[s + 1];
        for (int i = 0; i < s; i++) {
            double[][] x = sets.get(i);
            widths[i] = Frames.require("sets[" + i + "]", x);
            if (n < 0) {
                n = x.length;
            } else if (x.length != n) {
                throw new IllegalArgumentException("sets[" + i + "] has " + x.length + " rows, sets[0] has " + n);
            }
            offsets[i + 1] = offsets[i] + widths[i];
        }
        if (n < 2) {
            throw new IllegalArgumentException("sets must have at least 2 rows, got " + n);
        }
        int total = offsets[s];
        double[][] means = new double[s][];
        double[][] stacked = new double[n][total];
        for (int i = 0; i < s; i++) {
            double[][] x = sets.get(i);
            means[i] = new double[widths[i]];
            for (double[] row : x) {
                for (int k = 0; k < widths[i]; k++) {
                    means[i][k] += row[k] / n;
                }
            }
            for (int t = 0; t < n; t++) {
                for (int k = 0; k < widths[i]; k++) {
                    stacked[t][offsets[i] + k] = x[t][k] - means[i][k];
                }
            }
        }
        double[][] c = new double[total][total];
        for (double[] row : stacked) {
            for (int a = 0; a < total; a++) {
                double ra = row[a];
                for (int b = 0; b <= a; b++) {
                    c[a][b] += ra * row[b];
                }
            }
        }
        for (int a = 0; a < total; a++) {
            for (int b = 0; b <= a; b++) {
                c[a][b] /= n;
                c[b][a] = c[a][b];
            }
        }
        double[][] d = new double[total][total];
        for (int i = 0; i < s; i++) {
            double trace = 0;
            for (int a = offsets[i]; a < offsets[i + 1]; a++) {
                trace += c[a][a];
            }
            double ridge = regularization * trace / widths[i];
            for (int a = offsets[i]; a < offsets[i + 1]; a++) {
                for (int b = offsets[i]; b < offsets[i + 1]; b++) {
                    d[a][b] = c[a][b];
                }
                d[a][a] += ridge;
            }
        }
        GeneralizedSymmetricEigen eigen = GeneralizedSymmetricEigen.of(c, d);
        double[] lambda = eigen.values();
        double[][] v = eigen.vectors();
        int maxComponents = Integer.MAX_VALUE;
        for (int w : widths) {
            maxComponents = Math.min(maxComponents, w);
        }
        double[] all = new double[maxComponents];
        for (int k = 0; k < maxComponents; k++) {
            all[k] = (lambda[k] - 1.0) / (s - 1);
        }
        int kept = switch (dimension) {
            case CcaDimension.Fixed fixed -> Math.min(fixed.components(), maxComponents);
            case CcaDimension.Energy energy -> energyCut(all, energy.fraction());
        };
        double scale = Math.sqrt(s);
        double[][][] projections = new double[s][][];
        for (int i = 0; i < s; i++) {
            projections[i] = new double[widths[i]][kept];
            for (int a = 0; a < widths[i]; a++) {
                for (int k = 0; k < kept; k++) {
                    projections[i][a][k] = scale * v[offsets[i] + a][k];
                }
            }
        }
        double[] correlations = new double[kept];
        System.arraycopy(all, 0, correlations, 0, kept);
        return new CcaResult(projections, means, correlations);
    }

    /** The fewest leading components whose positive correlations reach the fraction of all positive ones; ≥ 1. */
    static int energyCut(double[] correlations, double fraction) {
        double total = 0;
        for (double rho : correlations) {
            total += Math.max(rho, 0);
        }
        if (!(total > 0)) {
            return 1;
        }
        double sum = 0;
        for (int k = 0; k < correlations.length; k++) {
            sum += Math.max(correlations[k], 0);
            if (sum >= fraction * total * (1 - 1e-12)) {
                return k + 1;
            }
        }
        return correlations.length;
    }
}
