package dev.fovea.attention.discrete;

import ai.djl.ndarray.NDArray;

/** The differentiable sparsemax: the NDArray contract. */
class SparsemaxNDArrayTest extends NDArrayContract {

    @Override
    NDArray apply(NDArray scores, int axis) {
        return Sparsemax.apply(scores, axis);
    }

    @Override
    NDArray apply(NDArray scores, NDArray mask, int axis) {
        return Sparsemax.apply(scores, mask, axis);
    }

    @Override
    double[] kernel(double[] scores) {
        return Sparsemax.probabilities(scores);
    }

    @Override
    double[] jacobianVectorProduct(double[] p, double[] g) {
        return Sparsemax.jacobianVectorProduct(p, g);
    }

    @Override
    double sensitivity(double p) {
        return 1.0;
    }
}
