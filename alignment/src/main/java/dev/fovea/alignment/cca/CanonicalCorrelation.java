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
        Shape shape = Shape.of(sets, regularization, dimension);
        int n = shape.rows;
        int total = shape.offsets[shape.sets];
        double[][] means = shape.means(sets);
        double[][] stacked = new double[n][total];
        for (int i = 0; i < shape.sets; i++) {
            double[][] x = sets.get(i);
            for (int t = 0; t < n; t++) {
                for (int k = 0; k < shape.widths[i]; k++) {
                    stacked[t][shape.offsets[i] + k] = x[t][k] - means[i][k];
                }
            }
        }
        double[][] c = secondMoments(stacked);
        return solve(shape, c, ridgedBlocks(shape, c, regularization), means, dimension);
    }

    /**
     * Fits CCA in homogeneous coordinates, the form of Zhou &amp; De la Torre's CTW (NIPS 2009, §4): each row
     * \( x \) of set \( i \) is augmented to \( \hat x = (x, 1) \in \mathbb{R}^{d_i + 1} \) so that a projection
     * \( \hat V_i \in \mathbb{R}^{(d_i + 1) \times k} \) carries a translation in its last row, and the moments are
     * the uncentred \( \hat S_{ij} = \tfrac1n \hat X_i^\top \hat X_j \).
     *
     * <p>The problem is \( \hat C \hat v = \lambda \hat D \hat v \) with \( \hat C = [\hat S_{ij}] \) and
     * \( \hat D = \operatorname{diag}(\hat S_{ii} + r_i E_i) \), \( E_i = \operatorname{diag}(1, \dots, 1, 0) \):
     * the ridge \( r_i = r \operatorname{tr}(\Sigma_{ii}) / d_i \) spares the constant coordinate, since a ridge on it
     * would penalise the offset \( -\mu_i^\top v_i \) and make the answer depend on where the origin is.
     * \( \hat D \) is positive definite when every \( \Sigma_{ii} + r_i I \) is (its Schur complement on the constant
     * coordinate is \( \Sigma_{ii} + r_i I \)).
     *
     * <p><b>The constant pairs.</b> For every \( i \), \( \hat D_{ii} e_i = (\mu_i, 1) \) with \( e_i \) the constant
     * coordinate, and the rows of \( \hat C \hat v = \lambda \hat D \hat v \) at the constant coordinates read
     * \( \sum_j m_j = \lambda m_i \), \( m_i = \mu_i^\top v_i + v_{i0} \) the mean of projection \( i \). So the
     * all-constant vector \( t = (e_1, \dots, e_s) \) is an eigenvector with \( \lambda = s \) (correlation 1, the
     * constant projections agree on every row and cost nothing in CTW's objective for every path), and any other
     * eigenvector with \( \lambda \notin \{0, s\} \) has every \( m_i = 0 \). Solving in the full space would
     * let that trivial pair take one of the \( k \) components (its correlation 1 is the largest possible, so it
     * would always be kept first) and, when a genuine correlation is also 1, mix with it in a degenerate
     * eigenspace. The solver therefore restricts \( \hat v \) to the \( \hat D \)-orthogonal complement of the
     * constant directions (where every \( m_i = 0 \)), \( \hat v_i = P_i u_i \),
     * \( P_i = \begin{pmatrix} I \\ -\mu_i^\top \end{pmatrix} \), with \( \mu_i \) read off \( \hat D_{ii} e_i \), and
     * solves \( P^\top \hat C P u = \lambda P^\top \hat D P u \). Since
     * \( P_i^\top \hat S_{ij} P_j = \Sigma_{ij} \) and \( P_i^\top E_i P_i = I \), the kept components, correlations
     * and projections are those of {@link #fit} (tested as an independent route), and
     * {@link CcaResult#homogeneousProjection} returns \( \hat V_i = P_i V_i \), whose last row
     * \( -\mu_i^\top V_i \) absorbs a translation of set \( i \).
     *
     * <p>Numerically, the moments are accumulated for \( (x - x_0, 1) \), \( x_0 \) the set's first row — the
     * homogeneous change of coordinates \( \begin{pmatrix} I &amp; -x_0 \\ 0 &amp; 1 \end{pmatrix} \), undone in
     * the returned offset — so that a set far from the origin loses no digits to cancellation in \( \hat S \).
     *
     * @param sets           \( X_1, \dots, X_s \) without the constant column, as for {@link #fit}
     * @param regularization \( r \ge 0 \), relative to the mean variance of each set
     * @param dimension      how many non-constant components to keep
     * @return the projections (linear part and offset) and correlations, as for {@link #fit}
     * @throws IllegalArgumentException as {@link #fit}
     * @throws dev.fovea.math.linalg.NotPositiveDefiniteException if a regularised \( \Sigma_{ii} \) is singular
     */
    public static CcaResult fitHomogeneous(List<double[][]> sets, double regularization, CcaDimension dimension) {
        Shape shape = Shape.of(sets, regularization, dimension);
        int n = shape.rows;
        int s = shape.sets;
        int[] homogeneousOffsets = new int[s + 1];
        for (int i = 0; i < s; i++) {
            homogeneousOffsets[i + 1] = homogeneousOffsets[i] + shape.widths[i] + 1;
        }
        // Frames are taken relative to the first row of their set: a homogeneous change of coordinates
        // (x, 1) -> (x - x_0, 1), undone exactly below by adding x_0 to the mean. It keeps the uncentred moments of a
        // set far from the origin from cancelling digits, and makes a translated set produce the same moments.
        double[][] augmented = new double[n][homogeneousOffsets[s]];
        for (int i = 0; i < s; i++) {
            double[][] x = sets.get(i);
            for (int t = 0; t < n; t++) {
                for (int a = 0; a < shape.widths[i]; a++) {
                    augmented[t][homogeneousOffsets[i] + a] = x[t][a] - x[0][a];
                }
                augmented[t][homogeneousOffsets[i + 1] - 1] = 1.0;
            }
        }
        double[][] moments = secondMoments(augmented);
        // mu_i from the constant column of the block S_ii, which is (mu_i, 1).
        double[][] means = new double[s][];
        for (int i = 0; i < s; i++) {
            means[i] = new double[shape.widths[i]];
            int constant = homogeneousOffsets[i + 1] - 1;
            for (int a = 0; a < shape.widths[i]; a++) {
                means[i][a] = moments[homogeneousOffsets[i] + a][constant];
            }
        }
        // P^T S P, entry by entry: (e_a - mu_a e_0)^T S (e_b - mu_b e_0) for the linear coordinates a, b.
        int total = shape.offsets[s];
        double[][] c = new double[total][total];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                int ci = homogeneousOffsets[i + 1] - 1;
                int cj = homogeneousOffsets[j + 1] - 1;
                for (int a = 0; a < shape.widths[i]; a++) {
                    int ha = homogeneousOffsets[i] + a;
                    for (int b = 0; b < shape.widths[j]; b++) {
                        int hb = homogeneousOffsets[j] + b;
                        c[shape.offsets[i] + a][shape.offsets[j] + b] = moments[ha][hb]
                                - means[i][a] * moments[ci][hb] - means[j][b] * moments[ha][cj]
                                + means[i][a] * means[j][b] * moments[ci][cj];
                    }
                }
            }
        }
        for (int i = 0; i < s; i++) {
            for (int a = 0; a < shape.widths[i]; a++) {
                means[i][a] += sets.get(i)[0][a];
            }
        }
        return solve(shape, c, ridgedBlocks(shape, c, regularization), means, dimension);
    }

    /** The sizes of a validated list of paired sets. */
    private record Shape(int sets, int rows, int[] widths, int[] offsets) {

        static Shape of(List<double[][]> sets, double regularization, CcaDimension dimension) {
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
            return new Shape(s, n, widths, offsets);
        }

        double[][] means(List<double[][]> sets) {
            double[][] means = new double[this.sets][];
            for (int i = 0; i < this.sets; i++) {
                means[i] = new double[widths[i]];
                for (double[] row : sets.get(i)) {
                    for (int k = 0; k < widths[i]; k++) {
                        means[i][k] += row[k] / rows;
                    }
                }
            }
            return means;
        }
    }

    /** \( \tfrac1n Z^\top Z \), symmetric. */
    private static double[][] secondMoments(double[][] z) {
        int n = z.length;
        int total = z[0].length;
        double[][] c = new double[total][total];
        for (double[] row : z) {
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
        return c;
    }

    /** \( \operatorname{diag}(\Sigma_{ii} + r \operatorname{tr}(\Sigma_{ii}) / d_i \, I) \). */
    private static double[][] ridgedBlocks(Shape shape, double[][] c, double regularization) {
        int total = shape.offsets[shape.sets];
        double[][] d = new double[total][total];
        for (int i = 0; i < shape.sets; i++) {
            double trace = 0;
            for (int a = shape.offsets[i]; a < shape.offsets[i + 1]; a++) {
                trace += c[a][a];
            }
            double ridge = regularization * trace / shape.widths[i];
            for (int a = shape.offsets[i]; a < shape.offsets[i + 1]; a++) {
                for (int b = shape.offsets[i]; b < shape.offsets[i + 1]; b++) {
                    d[a][b] = c[a][b];
                }
                d[a][a] += ridge;
            }
        }
        return d;
    }

    /** Solves \( C v = \lambda D v \), keeps the leading components and scales them by \( \sqrt{s} \). */
    private static CcaResult solve(Shape shape, double[][] c, double[][] d, double[][] means, CcaDimension dimension) {
        int s = shape.sets;
        GeneralizedSymmetricEigen eigen = GeneralizedSymmetricEigen.of(c, d);
        double[] lambda = eigen.values();
        double[][] v = eigen.vectors();
        int maxComponents = Integer.MAX_VALUE;
        for (int w : shape.widths) {
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
            projections[i] = new double[shape.widths[i]][kept];
            for (int a = 0; a < shape.widths[i]; a++) {
                for (int k = 0; k < kept; k++) {
                    projections[i][a][k] = scale * v[shape.offsets[i] + a][k];
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
