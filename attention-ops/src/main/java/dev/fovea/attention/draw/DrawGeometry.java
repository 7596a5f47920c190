package dev.fovea.attention.draw;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/** The sizes a DRAW block is built for, checked once, and the input checks made in the block's terms. */
record DrawGeometry(int width, int height, int glimpses, int stateSize) {

    DrawGeometry {
        DrawFilterbank.requireSizes(width, height, glimpses);
        if (stateSize < 1) {
            throw new IllegalArgumentException("stateSize must be >= 1, got " + stateSize);
        }
    }

    /** The filterbank of eq. 21: the five parameters \( W h + b \) from the decoder state, then the filters. */
    DrawFilterbank.Arrays filterbank(ParameterStore parameterStore, Parameter weight, Parameter bias, NDArray state,
                                     boolean training) {
        var device = state.getDevice();
        NDArray parameters = Linear.linear(state, parameterStore.getValue(weight, device, training),
                parameterStore.getValue(bias, device, training)).get(0);
        return DrawFilterbank.apply(parameters, width, height, glimpses);
    }

    void requireState(Shape state) {
        if (state.dimension() != 2 || state.get(1) != stateSize) {
            throw new IllegalArgumentException(
                    "decoder state must have shape (*, " + stateSize + "), got " + state);
        }
    }

    void requireImage(String name, Shape image, long batch) {
        if (image.dimension() != 3 || image.get(0) != batch || image.get(1) != height || image.get(2) != width) {
            throw new IllegalArgumentException(name + " must have shape (" + batch + ", " + height + ", " + width
                    + ") (batch, height, width), got " + image);
        }
    }
}
