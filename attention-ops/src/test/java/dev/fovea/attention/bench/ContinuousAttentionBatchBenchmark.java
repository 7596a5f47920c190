package dev.fovea.attention.bench;

import dev.fovea.attention.RelativeError;
import dev.fovea.attention.continuous.ContinuousEvaluation;
import dev.fovea.attention.continuous.ContinuousSoftmax2;
import dev.fovea.attention.continuous.ContinuousSparsemax2;
import dev.fovea.attention.continuous.Gaussian2;
import dev.fovea.attention.continuous.GaussianBasis2;
import dev.fovea.attention.continuous.TruncatedParaboloid;
import dev.fovea.math.linalg.Cholesky2;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * One batched forward and backward pass of 2-D continuous attention with the explicit Jacobian, in double:
 * \( B = 256 \) queries, \( N = 100 \) Gaussian basis functions (10×10, \( \sigma = 0.1 \)), \( D = 512 \) values.
 *
 * <p>Forward: \( r \) \( [B, N] \), context \( c = r\, \mathsf{B}^\top \) \( [B, D] \) with the value-function
 * coefficients \( \mathsf{B} \) \( [D, N] \). Backward from an upstream \( g = \partial\ell/\partial c \) \( [B, D] \):
 * \( \partial\ell/\partial r = g \mathsf{B} \), \( \partial\ell/\partial\mathsf{B} = g^\top r \) and
 * \( \partial\ell/\partial\theta_b = J_b\, (\partial\ell/\partial r)_b \) with the canonical Jacobian \( J_b \) \( [6, N] \).
 *
 * <ul>
 *   <li>{@link #softmaxClosedForm()}: \( r \) and \( J \) in closed form ({@link ContinuousSoftmax2#evaluate});</li>
 *   <li>{@link #softmaxGaussHermite()}: the same \( r \) and \( J = \operatorname{Cov}_p(\phi, \psi) \) by tensor
 *       Gauss–Hermite quadrature adapted to each \( p \) (\( t = \mu + L x \)), the best-suited quadrature for a
 *       Gaussian weight, with the smallest order whose \( r \) and \( J \) are within \( 10^{-9} \) (norm-wise relative,
 *       every query) of the closed form — the accuracy every second route in the tests must reach;</li>
 *   <li>{@link #matrixProductsOnly()}: the three matrix products alone, the floor of any implementation;</li>
 *   <li>{@link #sparsemaxClosedRadiusBoundedAngle()}: continuous sparsemax with the truncated paraboloids of the same
 *       means and covariances ({@link ContinuousSparsemax2#evaluate}: radial closed form, periodic trapezoid rule in
 *       the angle with the node count of a rigorous \( 10^{-9} \) error bound).</li>
 * </ul>
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ContinuousAttentionBatchBenchmark extends NanosecondBenchmark {

    static final int QUERIES = 256;
    static final int VALUES = 512;
    static final double EQUAL_ACCURACY = 1e-9;

    private GaussianBasis2 basis;
    private Gaussian2[] gaussians;
    private TruncatedParaboloid[] paraboloids;
    private double[][] coefficients;
    private double[][] upstream;
    private double[][] expectations;
    private GaussHermite rule;

    /** The Gauss–Hermite order found in {@link #setUp()}; printed so that the figure can be reported with it. */
    int quadratureOrder;

    @Setup
    public void setUp() {
        basis = GaussianBasis2.grid(10, 0.1);
        SplittableRandom random = new SplittableRandom(2020);
        gaussians = new Gaussian2[QUERIES];
        paraboloids = new TruncatedParaboloid[QUERIES];
        for (int b = 0; b < QUERIES; b++) {
            double vx = random.nextDouble(0.005, 0.03);
            double vy = random.nextDouble(0.005, 0.03);
            double rho = random.nextDouble(-0.5, 0.5);
            SymmetricMatrix2 covariance = SymmetricMatrix2.of(vx, rho * Math.sqrt(vx * vy), vy);
            double mx = random.nextDouble(0.2, 0.8);
            double my = random.nextDouble(0.2, 0.8);
            gaussians[b] = Gaussian2.of(mx, my, covariance);
            paraboloids[b] = TruncatedParaboloid.fromCovariance(mx, my, covariance);
        }
        coefficients = new double[VALUES][basis.size()];
        for (double[] row : coefficients) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        upstream = new double[QUERIES][VALUES];
        for (double[] row : upstream) {
            for (int d = 0; d < VALUES; d++) {
                row[d] = random.nextDouble(-1, 1);
            }
        }
        expectations = new double[QUERIES][];
        for (int b = 0; b < QUERIES; b++) {
            expectations[b] = ContinuousSoftmax2.expectation(gaussians[b], basis);
        }
        quadratureOrder = smallestAccurateOrder();
        rule = GaussHermite.of(quadratureOrder);
        System.out.println("Gauss-Hermite order for " + EQUAL_ACCURACY + ": " + quadratureOrder + " x "
                + quadratureOrder + " nodes per query");
    }

    private int smallestAccurateOrder() {
        for (int order = 4; order <= 80; order += 2) {
            GaussHermite candidate = GaussHermite.of(order);
            double worst = 0;
            for (int b = 0; b < QUERIES && worst <= EQUAL_ACCURACY; b++) {
                ContinuousEvaluation exact = ContinuousSoftmax2.evaluate(gaussians[b], basis, true);
                double[][] quadrature = candidate.expectationAndJacobian(gaussians[b], basis);
                worst = Math.max(worst, RelativeError.normwise(quadrature[0], exact.expectation()));
                double[][] jacobian = exact.jacobian();
                for (int i = 0; i < 6; i++) {
                    worst = Math.max(worst, RelativeError.normwise(quadrature[1 + i], jacobian[i]));
                }
            }
            if (worst <= EQUAL_ACCURACY) {
                return order;
            }
        }
        throw new IllegalStateException("Gauss-Hermite up to order 80 does not reach " + EQUAL_ACCURACY);
    }

    @Benchmark
    public double softmaxClosedForm() {
        double[][] r = new double[QUERIES][];
        double[][][] jacobians = new double[QUERIES][][];
        for (int b = 0; b < QUERIES; b++) {
            ContinuousEvaluation e = ContinuousSoftmax2.evaluate(gaussians[b], basis, true);
            r[b] = e.expectation();
            jacobians[b] = e.jacobian();
        }
        return forwardBackward(r, jacobians);
    }

    @Benchmark
    public double softmaxGaussHermite() {
        double[][] r = new double[QUERIES][];
        double[][][] jacobians = new double[QUERIES][6][];
        for (int b = 0; b < QUERIES; b++) {
            double[][] q = rule.expectationAndJacobian(gaussians[b], basis);
            r[b] = q[0];
            System.arraycopy(q, 1, jacobians[b], 0, 6);
        }
        return forwardBackward(r, jacobians);
    }

    @Benchmark
    public double matrixProductsOnly() {
        return forwardBackward(expectations, null);
    }

    @Benchmark
    public double sparsemaxClosedRadiusBoundedAngle() {
        double[][] r = new double[QUERIES][];
        double[][][] jacobians = new double[QUERIES][][];
        for (int b = 0; b < QUERIES; b++) {
            ContinuousEvaluation e = ContinuousSparsemax2.evaluate(paraboloids[b], basis, true);
            r[b] = e.expectation();
            jacobians[b] = e.jacobian();
        }
        return forwardBackward(r, jacobians);
    }

    /**
     * \( c = r \mathsf{B}^\top \), \( \partial\ell/\partial r = g\mathsf{B} \), \( \partial\ell/\partial\mathsf{B} = g^\top r \)
     * and, when Jacobians are given, \( \partial\ell/\partial\theta_b = J_b (\partial\ell/\partial r)_b \); every inner
     * loop runs over contiguous rows of length \( N \) so that the JIT vectorises it. Returns a checksum.
     */
    private double forwardBackward(double[][] r, double[][][] jacobians) {
        int n = basis.size();
        double[][] context = new double[QUERIES][VALUES];
        double[][] gradientR = new double[QUERIES][n];
        double[][] gradientCoefficients = new double[VALUES][n];
        double checksum = 0;
        for (int b = 0; b < QUERIES; b++) {
            double[] rb = r[b];
            double[] gb = upstream[b];
            double[] gr = gradientR[b];
            for (int d = 0; d < VALUES; d++) {
                double[] row = coefficients[d];
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += rb[j] * row[j];
                }
                context[b][d] = dot;
                double g = gb[d];
                double[] gc = gradientCoefficients[d];
                for (int j = 0; j < n; j++) {
                    gr[j] += g * row[j];
                    gc[j] += g * rb[j];
                }
            }
            checksum += context[b][b % VALUES];
            if (jacobians != null) {
                for (double[] row : jacobians[b]) {
                    double dot = 0;
                    for (int j = 0; j < n; j++) {
                        dot += row[j] * gr[j];
                    }
                    checksum += dot;
                }
            }
        }
        return checksum + gradientCoefficients[7][7];
    }

    /**
     * The tensor Gauss–Hermite rule for \( \mathcal{N}(0, I_2) \): nodes the eigenvalues of the Jacobi matrix of the
     * probabilists' Hermite polynomials (zero diagonal, off-diagonal \( \sqrt{k} \)), found by bisection with Sturm
     * counts; weights the Christoffel numbers \( 1 / \sum_{k &lt; n} \hat p_k(x)^2 \) of the orthonormal polynomials.
     */
    static final class GaussHermite {

        private final double[] nodes;
        private final double[] weights;

        private GaussHermite(double[] nodes, double[] weights) {
            this.nodes = nodes;
            this.weights = weights;
        }

        static GaussHermite of(int n) {
            double[] nodes = new double[n];
            double[] weights = new double[n];
            double bound = 2 * Math.sqrt(n) + 2;
            for (int i = 0; i < n; i++) {
                double lo = -bound;
                double hi = bound;
                for (int iteration = 0; iteration < 200; iteration++) {
                    double mid = 0.5 * (lo + hi);
                    if (eigenvaluesBelow(mid, n) > i) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                double x = 0.5 * (lo + hi);
                double previous = 0;
                double current = 1;
                double sum = 1;
                for (int k = 1; k < n; k++) {
                    double next = (x * current - Math.sqrt(k - 1) * previous) / Math.sqrt(k);
                    previous = current;
                    current = next;
                    sum += current * current;
                }
                nodes[i] = x;
                weights[i] = 1 / sum;
            }
            return new GaussHermite(nodes, weights);
        }

        /** The number of eigenvalues of the Jacobi matrix below \( x \) (Sturm sequence of the \( LDL^\top \) pivots). */
        private static int eigenvaluesBelow(double x, int n) {
            int count = 0;
            double pivot = -x;
            for (int k = 1; k <= n; k++) {
                if (pivot < 0) {
                    count++;
                }
                if (k == n) {
                    break;
                }
                double offDiagonalSquared = k;
                pivot = -x - offDiagonalSquared / (pivot == 0 ? 1e-300 : pivot);
            }
            return count;
        }

        /**
         * Row 0: \( r_j \approx \sum w\, \psi_j(t) \); rows 1–6: \( \sum w\, (\phi(t) - \mathbb{E}_p\phi)\, \psi_j(t) \)
         * in the order of \( \phi \), with \( \mathbb{E}_p\phi \) exact.
         */
        double[][] expectationAndJacobian(Gaussian2 p, GaussianBasis2 basis) {
            int n = basis.size();
            double[][] out = new double[7][n];
            Cholesky2 l = p.covariance().cholesky();
            SymmetricMatrix2 s = p.covariance();
            double mx = p.meanX();
            double my = p.meanY();
            double[] meanPhi = {mx, my, s.xx() + mx * mx, s.xy() + mx * my, s.xy() + mx * my, s.yy() + my * my};
            // ψ_j(t) = exp(c_j − ½ dᵀ P_j d) with P_j = Σ_j⁻¹ and c_j = −log(2π √det Σ_j), precomputed per call so
            // that the quadrature pays one exponential per node and basis function, nothing more.
            double[][] precision = new double[n][];
            for (int j = 0; j < n; j++) {
                Gaussian2 f = basis.function(j);
                SymmetricMatrix2 inverse = f.covariance().inverse();
                precision[j] = new double[] {f.meanX(), f.meanY(), inverse.xx(), inverse.xy(), inverse.yy(),
                    -Math.log(2 * Math.PI * Math.sqrt(f.covariance().determinant()))};
            }
            double[] psi = new double[n];
            for (int a = 0; a < nodes.length; a++) {
                for (int c = 0; c < nodes.length; c++) {
                    double w = weights[a] * weights[c];
                    double[] offset = l.lowerTimes(nodes[a], nodes[c]);
                    double x = mx + offset[0];
                    double y = my + offset[1];
                    for (int j = 0; j < n; j++) {
                        double[] f = precision[j];
                        double dx = x - f[0];
                        double dy = y - f[1];
                        psi[j] = Math.exp(f[5] - 0.5 * (f[2] * dx * dx + 2 * f[3] * dx * dy + f[4] * dy * dy));
                    }
                    double[] phi = {x - meanPhi[0], y - meanPhi[1], x * x - meanPhi[2], x * y - meanPhi[3],
                        y * x - meanPhi[4], y * y - meanPhi[5]};
                    for (int j = 0; j < n; j++) {
                        double wp = w * psi[j];
                        out[0][j] += wp;
                        for (int i = 0; i < 6; i++) {
                            out[1 + i][j] += phi[i] * wp;
                        }
                    }
                }
            }
            return out;
        }
    }
}
