package dev.fovea.attention.spatial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/** Conversions between nested 4-D double arrays and flat arrays or NDArrays, and random fillings, for the tests. */
final class Arrays4 {

    private Arrays4() {
    }

    static double[] flat(double[][][][] a) {
        int size = a.length * a[0].length * a[0][0].length * a[0][0][0].length;
        double[] out = new double[size];
        int k = 0;
        for (double[][][] x : a) {
            for (double[][] y : x) {
                for (double[] z : y) {
                    for (double v : z) {
                        out[k++] = v;
                    }
                }
            }
        }
        return out;
    }

    static double[][][][] nested(double[] flat, int d0, int d1, int d2, int d3) {
        double[][][][] out = new double[d0][d1][d2][d3];
        int k = 0;
        for (int a = 0; a < d0; a++) {
            for (int b = 0; b < d1; b++) {
                for (int c = 0; c < d2; c++) {
                    for (int d = 0; d < d3; d++) {
                        out[a][b][c][d] = flat[k++];
                    }
                }
            }
        }
        return out;
    }

    static NDArray array(NDManager manager, double[][][][] a) {
        return manager.create(flat(a),
                new Shape(a.length, a[0].length, a[0][0].length, a[0][0][0].length));
    }

    static double[][][][] random(SplittableRandom random, int d0, int d1, int d2, int d3, double low, double high) {
        double[] flat = new double[d0 * d1 * d2 * d3];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = random.nextDouble(low, high);
        }
        return nested(flat, d0, d1, d2, d3);
    }

    static double dot(double[][][][] a, double[][][][] b) {
        double[] x = flat(a);
        double[] y = flat(b);
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
