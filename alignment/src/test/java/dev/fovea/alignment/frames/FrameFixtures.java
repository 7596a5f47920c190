package dev.fovea.alignment.frames;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Sequences and checks the alignment tests share: random frames, affine images, central differences. */
public final class FrameFixtures {

    private FrameFixtures() {
    }

    /** \( n \times d \) standard normal entries. */
    public static double[][] gaussian(SplittableRandom random, int n, int d) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = random.nextGaussian();
            }
        }
        return x;
    }

    /** \( x A + 1 b^\top \). */
    public static double[][] affine(double[][] x, double[][] a, double[] b) {
        double[][] out = new double[x.length][a[0].length];
        for (int t = 0; t < x.length; t++) {
            for (int c = 0; c < a[0].length; c++) {
                out[t][c] = b[c];
                for (int k = 0; k < a.length; k++) {
                    out[t][c] += x[t][k] * a[k][c];
                }
            }
        }
        return out;
    }

    /** \( (f(x + h e_{ik}) - f(x - h e_{ik})) / 2h \) for every entry; {@code x} is restored. */
    public static double[][] centralDifferences(ToDoubleFunction<double[][]> f, double[][] x, double h) {
        double[][] g = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < x[i].length; k++) {
                double keep = x[i][k];
                x[i][k] = keep + h;
                double plus = f.applyAsDouble(x);
                x[i][k] = keep - h;
                double minus = f.applyAsDouble(x);
                x[i][k] = keep;
                g[i][k] = (plus - minus) / (2 * h);
            }
        }
        return g;
    }
}
