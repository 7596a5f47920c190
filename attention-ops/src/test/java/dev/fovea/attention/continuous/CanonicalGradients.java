package dev.fovea.attention.continuous;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * The two independent routes to \( \partial r / \partial \theta \) that every explicit backward is checked against:
 * central differences of the double forward, and DJL autograd through the differentiable NDArray forward after the
 * conversion \( \theta \mapsto (\mu, \Sigma) \) written with NDArray arithmetic.
 */
final class CanonicalGradients {

    private CanonicalGradients() {
    }

    /**
     * \( \partial r_j / \partial \theta_i \approx (r_j(\theta + h_i e_i) - r_j(\theta - h_i e_i)) / (2h_i) \) with
     * \( h_i = 10^{-5} \max(|\theta_i|, \mathit{floor}) \): truncation \( O(h^2) \) and rounding \( O(\varepsilon/h) \)
     * both near \( 10^{-10} \) relative.
     *
     * @return {@code [i][j]}
     */
    static double[][] centralDifferences(Function<double[], double[]> forward, double[] theta, double floor) {
        double[][] jacobian = new double[theta.length][];
        for (int i = 0; i < theta.length; i++) {
            double h = 1e-5 * Math.max(Math.abs(theta[i]), floor);
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += h;
            minus[i] -= h;
            double[] up = forward.apply(plus);
            double[] down = forward.apply(minus);
            jacobian[i] = new double[up.length];
            for (int j = 0; j < up.length; j++) {
                jacobian[i][j] = (up[j] - down[j]) / (2 * h);
            }
        }
        return jacobian;
    }

    /** \( \sum_j g_j\, \partial r_j / \partial \theta_i \) from an explicit {@code [i][j]} Jacobian. */
    static double[] vectorJacobianProduct(double[][] jacobian, double[] upstream) {
        double[] product = new double[jacobian.length];
        for (int i = 0; i < jacobian.length; i++) {
            for (int j = 0; j < upstream.length; j++) {
                product[i] += jacobian[i][j] * upstream[j];
            }
        }
        return product;
    }

    /**
     * Autograd of \( \sum_{b,j} g_{bj}\, r_{bj} \) with respect to \( \theta_b = (\theta_1, \theta_2) \) of 1-D
     * scores, through \( \mu = -\theta_1/(2\theta_2) \), \( \sigma^2 = -1/(2\theta_2) \) and {@code forward}
     * \( (\mu [B], \sigma^2 [B]) \mapsto r [B, N] \), in float64.
     *
     * @return {@code [b][i]}
     */
    static double[][] autograd1(NDManager manager, BinaryOperator<NDArray> forward, double[][] theta, double[][] upstream) {
        NDArray t = manager.create(theta);
        t.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray theta1 = t.get(":, 0");
            NDArray theta2 = t.get(":, 1");
            NDArray mean = theta1.div(theta2.mul(-2.0));
            NDArray scale = theta2.mul(-2.0).pow(-1.0);
            NDArray r = forward.apply(mean, scale);
            collector.backward(r.mul(manager.create(upstream)).sum());
        }
        return rows(t.getGradient().toDoubleArray(), theta.length, 2);
    }

    /**
     * Autograd of \( \sum_{b,j} g_{bj}\, r_{bj} \) with respect to \( \theta_b = (\theta_1, \operatorname{vec}\theta_2)
     * \), \( \theta_2 \) a full row-major 2×2 matrix whose four entries are independent variables of the score
     * \( \theta_1^\top t + t^\top \theta_2 t \): \( \Sigma^{-1} = -(\theta_2 + \theta_2^\top) \), \( \mu = \Sigma
     * \theta_1 \), then {@code forward} \( (\mu [B, 2], \Sigma [B, 2, 2]) \mapsto r [B, N] \), in float64.
     *
     * @param theta {@code [b]} = \( (\theta_{1,x}, \theta_{1,y}, \theta_{2,xx}, \theta_{2,xy}, \theta_{2,yx}, \theta_{2,yy}) \)
     * @return {@code [b][i]} in the same order
     */
    static double[][] autograd2(NDManager manager, BinaryOperator<NDArray> forward, double[][] theta, double[][] upstream) {
        NDArray t = manager.create(theta);
        t.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray px = t.get(":, 2").mul(-2.0);
            NDArray pxy = t.get(":, 3").add(t.get(":, 4")).neg();
            NDArray py = t.get(":, 5").mul(-2.0);
            NDArray det = px.mul(py).sub(pxy.square());
            NDArray sxx = py.div(det);
            NDArray sxy = pxy.neg().div(det);
            NDArray syy = px.div(det);
            NDArray mx = sxx.mul(t.get(":, 0")).add(sxy.mul(t.get(":, 1")));
            NDArray my = sxy.mul(t.get(":, 0")).add(syy.mul(t.get(":, 1")));
            NDArray mean = NDArrays.stack(new ai.djl.ndarray.NDList(mx, my), 1);
            NDArray scale = NDArrays.stack(new ai.djl.ndarray.NDList(sxx, sxy, sxy, syy), 1)
                    .reshape(new Shape(theta.length, 2, 2));
            NDArray r = forward.apply(mean, scale);
            collector.backward(r.mul(manager.create(upstream)).sum());
        }
        return rows(t.getGradient().toDoubleArray(), theta.length, 6);
    }

    private static double[][] rows(double[] flat, int rows, int columns) {
        double[][] out = new double[rows][columns];
        for (int b = 0; b < rows; b++) {
            System.arraycopy(flat, b * columns, out[b], 0, columns);
        }
        return out;
    }

    /** The largest \( |a_{ij} - b_{ij}| \) over the largest \( |b_{ij}| \). */
    static double normwise(double[][] actual, double[][] reference) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < reference.length; i++) {
            for (int j = 0; j < reference[i].length; j++) {
                diff = Math.max(diff, Math.abs(actual[i][j] - reference[i][j]));
                scale = Math.max(scale, Math.abs(reference[i][j]));
            }
        }
        return diff / scale;
    }
}
