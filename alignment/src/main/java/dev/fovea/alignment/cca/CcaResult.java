package dev.fovea.alignment.cca;

/**
 * A fitted {@link CanonicalCorrelation}: per set a projection \( V_i \in \mathbb{R}^{d_i \times k} \) and the mean
 * \( \mu_i \) it was centred by, and the \( k \) canonical correlations in decreasing order.
 *
 * <p>Arrays are copied in and out; immutable and thread-safe.
 */
public final class CcaResult {

    private final double[][][] projections;
    private final double[][] means;
    private final double[] correlations;

    CcaResult(double[][][] projections, double[][] means, double[] correlations) {
        this.projections = projections;
        this.means = means;
        this.correlations = correlations;
    }

    /** The number of sets \( s \). */
    public int sets() {
        return projections.length;
    }

    /** The number of kept components \( k \). */
    public int components() {
        return correlations.length;
    }

    /** A copy of \( \rho_1 \ge \dots \ge \rho_k \). */
    public double[] correlations() {
        return correlations.clone();
    }

    /** A copy of \( V_i \), \( d_i \times k \). */
    public double[][] projection(int set) {
        double[][] v = projections[set];
        double[][] copy = new double[v.length][];
        for (int a = 0; a < v.length; a++) {
            copy[a] = v[a].clone();
        }
        return copy;
    }

    /**
     * \( \hat V_i = \begin{pmatrix} V_i \\ -\mu_i^\top V_i \end{pmatrix} \), \( (d_i + 1) \times k \): the
     * projection of the homogeneous rows \( (x, 1) \), \( (x, 1) \hat V_i = (x - \mu_i)^\top V_i \) (Zhou &amp; De
     * la Torre, CTW, NIPS 2009, §4). Its last row is the offset that absorbs a translation of set {@code set}: for
     * \( x + b \) it changes by \( -b^\top V_i \) and the projections do not change.
     */
    public double[][] homogeneousProjection(int set) {
        double[][] v = projections[set];
        double[] mu = means[set];
        int k = correlations.length;
        double[][] out = new double[v.length + 1][];
        for (int a = 0; a < v.length; a++) {
            out[a] = v[a].clone();
        }
        out[v.length] = new double[k];
        for (int a = 0; a < v.length; a++) {
            for (int c = 0; c < k; c++) {
                out[v.length][c] -= mu[a] * v[a][c];
            }
        }
        return out;
    }

    /** A copy of \( \mu_i \). */
    public double[] mean(int set) {
        return means[set].clone();
    }

    /**
     * \( (X - 1 \mu_i^\top) V_i = [X, 1] \hat V_i \): any rows of set {@code set}'s space in canonical coordinates
     * (computed centred, which is more accurate where \( [X, 1] \hat V_i \) would cancel large offsets).
     *
     * @param x \( t \times d_i \)
     * @return \( t \times k \)
     * @throws IllegalArgumentException if a row does not have \( d_i \) entries
     */
    public double[][] project(int set, double[][] x) {
        double[][] v = projections[set];
        double[] mu = means[set];
        int k = correlations.length;
        double[][] out = new double[x.length][k];
        for (int t = 0; t < x.length; t++) {
            if (x[t].length != mu.length) {
                throw new IllegalArgumentException("x row " + t + " has " + x[t].length + " columns, set " + set
                        + " has " + mu.length);
            }
            for (int a = 0; a < mu.length; a++) {
                double centred = x[t][a] - mu[a];
                for (int c = 0; c < k; c++) {
                    out[t][c] += centred * v[a][c];
                }
            }
        }
        return out;
    }
}
