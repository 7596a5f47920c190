package dev.fovea.attention.continuous;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Composite tensor-product Gauss–Legendre quadrature on rectangles: an independent route to the integrals that the
 * closed forms give. Nodes are the roots of \( P_n \) found by Newton's method from Chebyshev guesses
 * (Press et al., Numerical Recipes, §4.6 {@code gauleg}); weights \( 2 / ((1 - x^2) P_n'(x)^2) \).
 */
final class GaussLegendre {

    private final double[] nodes;
    private final double[] weights;

    private GaussLegendre(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /** The \( n \)-point rule on \( [-1, 1] \), exact for polynomials of degree \( 2n - 1 \). */
    static GaussLegendre of(int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative;
            double previous;
            do {
                double p1 = 1.0;
                double p2 = 0.0;
                for (int k = 1; k <= n; k++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2.0 * k - 1.0) * z * p2 - (k - 1.0) * p3) / k;
                }
                derivative = n * (z * p1 - p2) / (z * z - 1.0);
                previous = z;
                z = previous - p1 / derivative;
            } while (Math.abs(z - previous) > 1e-15);
            x[i] = z;
            w[i] = 2.0 / ((1.0 - z * z) * derivative * derivative);
        }
        return new GaussLegendre(x, w);
    }

    /** \( \int_{x_0}^{x_1} f(x)\, dx \) with {@code panels} equal sub-intervals. */
    double integrate(DoubleUnaryOperator f, double x0, double x1, int panels) {
        double h = (x1 - x0) / panels;
        double total = 0.0;
        for (int p = 0; p < panels; p++) {
            double panel = 0.0;
            for (int i = 0; i < nodes.length; i++) {
                panel += weights[i] * f.applyAsDouble(x0 + h * (p + 0.5 * (nodes[i] + 1.0)));
            }
            total += 0.5 * h * panel;
        }
        return total;
    }

    /** \( \int_{x_0}^{x_1} \int_{y_0}^{y_1} f(x, y)\, dy\, dx \) with {@code panels} × {@code panels} sub-rectangles. */
    double integrate(DoubleBinaryOperator f, double x0, double x1, double y0, double y1, int panels) {
        double hx = (x1 - x0) / panels;
        double hy = (y1 - y0) / panels;
        int n = nodes.length;
        double[] xs = new double[panels * n];
        double[] wx = new double[panels * n];
        double[] ys = new double[panels * n];
        double[] wy = new double[panels * n];
        for (int p = 0; p < panels; p++) {
            for (int i = 0; i < n; i++) {
                xs[p * n + i] = x0 + hx * (p + 0.5 * (nodes[i] + 1.0));
                wx[p * n + i] = 0.5 * hx * weights[i];
                ys[p * n + i] = y0 + hy * (p + 0.5 * (nodes[i] + 1.0));
                wy[p * n + i] = 0.5 * hy * weights[i];
            }
        }
        double total = 0.0;
        for (int i = 0; i < xs.length; i++) {
            double row = 0.0;
            for (int j = 0; j < ys.length; j++) {
                row += wy[j] * f.applyAsDouble(xs[i], ys[j]);
            }
            total += wx[i] * row;
        }
        return total;
    }
}
