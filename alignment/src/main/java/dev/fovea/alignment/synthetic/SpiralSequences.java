package dev.fovea.alignment.synthetic;

import java.util.SplittableRandom;

/**
 * Zhou &amp; De la Torre's synthetic alignment problem (CTW, NIPS 2009, §5.1; GCTW, TPAMI 2016, §7.1): two noisy,
 * differently time-warped and differently linearly transformed views of one latent 2-D spiral.
 *
 * <p>Construction, for each of the two sequences independently (length \( n \)):
 * <ol>
 *   <li>latent spiral \( z(s) = (0.2 + s)\,(\cos 4\pi s, \sin 4\pi s) \), \( s \in [0, 1] \);</li>
 *   <li>time warp: \( [0, 1] \) cut into 5 equal pieces with random rates \( r_p \sim U[0.3, 3] \); \( \tau \) is
 *       the normalised piecewise-linear integral of the rates, and frame \( k \) sits at latent time
 *       \( s_k = \tau(k / (n - 1)) \);</li>
 *   <li>space: \( z(s_k) A + b \) with \( A \) a random \( 2 \times 2 \) Gaussian matrix (redrawn until
 *       \( |\det A| \ge 0.3 \)) and \( b \sim N(0, I) \), plus Gaussian noise of standard deviation 0.02 on both
 *       channels, and a third channel of pure noise, standard deviation 0.3.</li>
 * </ol>
 * The ground truth pairs frame \( i \) of \( x \) with the real frame \( j^\ast(i) \) of \( y \) at which
 * \( s^y(j^\ast) = s^x_i \) (linear interpolation between frames).
 *
 * <p>Deterministic for a seed. Thread-safe: static.
 */
public final class SpiralSequences {

    private static final int PIECES = 5;

    private SpiralSequences() {
    }

    /**
     * One pair of lengths drawn uniformly in [80, 120].
     *
     * @param seed the random seed
     */
    public static SpiralPair generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return generate(random, random.nextInt(80, 121), random.nextInt(80, 121));
    }

    /**
     * One pair of the given lengths.
     *
     * @param nx frames of \( x \), \( \ge 2 \)
     * @param ny frames of \( y \), \( \ge 2 \)
     * @throws IllegalArgumentException if a length is below 2
     */
    public static SpiralPair generate(SplittableRandom random, int nx, int ny) {
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("lengths must be >= 2, got nx = " + nx + ", ny = " + ny);
        }
        double[] sx = latentTimes(random, nx);
        double[] sy = latentTimes(random, ny);
        double[][] x = observe(random, sx);
        double[][] y = observe(random, sy);
        double[] truth = new double[nx];
        int j = 0;
        for (int i = 0; i < nx; i++) {
            double s = sx[i];
            while (j < ny - 2 && sy[j + 1] < s) {
                j++;
            }
            double fraction = (s - sy[j]) / (sy[j + 1] - sy[j]);
            truth[i] = Math.min(ny - 1, Math.max(0, j + fraction));
        }
        return new SpiralPair(x, y, truth);
    }

    private static double[] latentTimes(SplittableRandom random, int n) {
        double[] rates = new double[PIECES];
        double total = 0;
        for (int p = 0; p < PIECES; p++) {
            rates[p] = random.nextDouble(0.3, 3.0);
            total += rates[p];
        }
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            double u = (double) k / (n - 1) * PIECES;
            int piece = Math.min(PIECES - 1, (int) u);
            double integral = 0;
            for (int p = 0; p < piece; p++) {
                integral += rates[p];
            }
            integral += (u - piece) * rates[piece];
            s[k] = integral / total;
        }
        s[n - 1] = 1.0;
        return s;
    }

    private static double[][] observe(SplittableRandom random, double[] s) {
        double[][] a = new double[2][2];
        do {
            for (double[] row : a) {
                row[0] = random.nextGaussian();
                row[1] = random.nextGaussian();
            }
        } while (Math.abs(a[0][0] * a[1][1] - a[0][1] * a[1][0]) < 0.3);
        double[] b = {random.nextGaussian(), random.nextGaussian()};
        double[][] out = new double[s.length][3];
        for (int k = 0; k < s.length; k++) {
            double radius = 0.2 + s[k];
            double z0 = radius * Math.cos(4 * Math.PI * s[k]);
            double z1 = radius * Math.sin(4 * Math.PI * s[k]);
            out[k][0] = z0 * a[0][0] + z1 * a[1][0] + b[0] + 0.02 * random.nextGaussian();
            out[k][1] = z0 * a[0][1] + z1 * a[1][1] + b[1] + 0.02 * random.nextGaussian();
            out[k][2] = 0.3 * random.nextGaussian();
        }
        return out;
    }
}
