package dev.fovea.attention.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/** One training-like step of a block for the benchmarks: forward, a linear loss, backward. */
final class BlockStep {

    private BlockStep() {
    }

    /**
     * Runs {@code block} forward in training mode, takes \( \sum \text{output} \odot \text{upstream} \) as the loss
     * and back-propagates it; the scope frees every intermediate array of the step.
     *
     * @return the loss, read back so the work cannot be skipped
     */
    static float forwardBackward(Block block, ParameterStore store, NDList inputs, NDArray upstream) {
        try (NDScope scope = new NDScope();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray output = block.forward(store, inputs, true).singletonOrThrow();
            NDArray loss = output.mul(upstream).sum();
            collector.backward(loss);
            return loss.getFloat();
        }
    }
}
