package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;

/** The differentiable 1.5-entmax: the NDArray contract. */
class Entmax15NDArrayTest extends NDArrayContract {

    @Override
    NDArray apply(NDArray scores, int axis) {
        return Entmax15.apply(scores, axis);
    }

    @Override
    NDArray apply(NDArray scores, NDArray mask, int axis) {
        return Entmax15.apply(scores, mask, axis);
    }

    @Override
    double[] kernel(double[] scores) {
        return Entmax15.probabilities(scores);
    }

    @Override
    double[] jacobianVectorProduct(double[] p, double[] g) {
        return Entmax15.jacobianVectorProduct(p, g);
    }

    @Override
    double sensitivity(double p) {
        return Math.sqrt(p);
    }
}
