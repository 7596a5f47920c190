package dev.fovea.alignment.dctw;

import dev.fovea.math.linalg.SymmetricEigen;

/**
 * The total canonical correlation of two paired sets of network outputs and its gradient with respect to them
 * (Andrew, Arora, Bilmes &amp; Livescu, "Deep Canonical Correlation Analysis", ICML 2013, §2.1; used by Trigeorgis et
 * al., "Deep Canonical Time Warping", CVPR 2016, eq. 8).
 *
 * <p>For \( H_1, H_2 \in \mathbb{R}^{L \times k} \) centred to \( \bar H_1, \bar H_2 \),
 * \( \Sigma_{11} = \bar H_1^\top \bar H_1 / (L - 1) + r_1 I \), likewise \( \Sigma_{22} \), and
 * \( \Sigma_{12} = \bar H_1^\top \bar H_2 / (L - 1) \), let \( T = \Sigma_{11}^{-1/2} \Sigma_{12} \Sigma_{22}^{-1/2}
 * = U D V^\top \). The correlation is \( \rho = \operatorname{tr} D \) and
 * \[ \frac{\partial \rho}{\partial H_1} = \tfrac{1}{L-1}\big(2 \bar H_1 \nabla_{11} + \bar H_2 \nabla_{12}^\top\big),
 * \quad \nabla_{12} = \Sigma_{11}^{-1/2} U V^\top \Sigma_{22}^{-1/2},
 * \quad \nabla_{11} = -\tfrac12 \Sigma_{11}^{-1/2} U D U^\top \Sigma_{11}^{-1/2}, \]
 * symmetrically for \( H_2 \). The ridge is relative: \( r_i = r \operatorname{tr}(\bar H_i^\top \bar H_i / (L-1)) / k \)
 * treated as a constant. Requires \( T \) of full rank (distinct, non-zero singular values for a well-defined
 * gradient).
 */
final class CorrelationGradient {

    final double correlation;
    final double[][] d1;
    final double[][] d2;

    private CorrelationGradient(double correlation, double[][] d1, double[][] d2) {
        this.correlation = correlation;
        this.d1 = d1;
        this.d2 = d2;
    }

    static CorrelationGradient of(double[][] h1, double[][] h2, double regularization) {
        int l = h1.length;
        int k = h1[0].length;
        double[][] c1 = centred(h1);
        double[][] c2 = centred(h2);
        double[][] s11 = gram(c1, c1, l);
        double[][] s22 = gram(c2, c2, l);
        double[][] s12 = gram(c1, c2, l);
        ridge(s11, regularization);
        ridge(s22, regularization);
        double[][] w1 = inverseSquareRoot(s11);
        double[][] w2 = inverseSquareRoot(s22);
        double[][] t = multiply(multiply(w1, s12), w2);
        // T = U D Vᵀ from TᵀT = V D² Vᵀ and U = T V D⁻¹.
        SymmetricEigen eigen = SymmetricEigen.of(multiply(transpose(t), t));
        double[][] v = eigen.vectors();
        double[] d = new double[k];
        double rho = 0;
        for (int c = 0; c < k; c++) {
            d[c] = Math.sqrt(Math.max(eigen.value(c), 0));
            rho += d[c];
        }
        double[][] tv = multiply(t, v);
        double[][] u = new double[k][k];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                u[r][c] = tv[r][c] / d[c];
            }
        }
        double[][] uvt = multiply(u, transpose(v));
        double[][] udut = new double[k][k];
        double[][] vdvt = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int c = 0; c < k; c++) {
                    udut[a][b] += u[a][c] * d[c] * u[b][c];
                    vdvt[a][b] += v[a][c] * d[c] * v[b][c];
                }
            }
        }
        double[][] n12 = multiply(multiply(w1, uvt), w2);
        double[][] n11 = scale(multiply(multiply(w1, udut), w1), -0.5);
        double[][] n22 = scale(multiply(multiply(w2, vdvt), w2), -0.5);
        double[][] g1 = add(scale(multiply(c1, n11), 2), multiply(c2, transpose(n12)));
        double[][] g2 = add(scale(multiply(c2, n22), 2), multiply(c1, n12));
        return new CorrelationGradient(rho, scale(g1, 1.0 / (l - 1)), scale(g2, 1.0 / (l - 1)));
    }

    private static double[][] centred(double[][] h) {
        int l = h.length;
        int k = h[0].length;
        double[] mean = new double[k];
        for (double[] row : h) {
            for (int c = 0; c < k; c++) {
                mean[c] += row[c] / l;
            }
        }
        double[][] out = new double[l][k];
        for (int t = 0; t < l; t++) {
            for (int c = 0; c < k; c++) {
                out[t][c] = h[t][c] - mean[c];
            }
        }
        return out;
    }

    private static double[][] gram(double[][] a, double[][] b, int l) {
        double[][] out = multiply(transpose(a), b);
        return scale(out, 1.0 / (l - 1));
    }

    private static void ridge(double[][] s, double regularization) {
        double trace = 0;
        for (int c = 0; c < s.length; c++) {
            trace += s[c][c];
        }
        for (int c = 0; c < s.length; c++) {
            s[c][c] += regularization * trace / s.length;
        }
    }

    private static double[][] inverseSquareRoot(double[][] s) {
        SymmetricEigen eigen = SymmetricEigen.of(s);
        double[][] v = eigen.vectors();
        int k = s.length;
        double[][] out = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int c = 0; c < k; c++) {
                    out[a][b] += v[a][c] * v[b][c] / Math.sqrt(eigen.value(c));
                }
            }
        }
        return out;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                for (int j = 0; j < b[0].length; j++) {
                    out[i][j] += aik * b[k][j];
                }
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    private static double[][] scale(double[][] a, double s) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] * s;
            }
        }
        return out;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] + b[i][j];
            }
        }
        return out;
    }
}
