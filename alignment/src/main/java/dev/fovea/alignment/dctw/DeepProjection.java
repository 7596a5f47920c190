package dev.fovea.alignment.dctw;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.fovea.alignment.cca.CcaResult;
import dev.fovea.alignment.frames.Frames;

/**
 * One sequence's learned map of deep CTW: frames \( \to \) canonical coordinates,
 * \( x \mapsto V^\top \big(f((x - m) \oslash s) - \mu\big) \), where \( m, s \) are the per-channel mean and standard
 * deviation of the training sequence (the standardisation applied before training), \( f \) the trained network and
 * \( V, \mu \) the final linear CCA on the network outputs along the final path ({@link CcaResult#project}).
 * Applied to the training frames it returns exactly the projected sequence whose DTW gave the final path.
 *
 * <p><b>Ownership.</b> The network's parameters live in a sub-manager of the {@link NDManager} passed to
 * {@link DeepCanonicalTimeWarping#align}; {@link #project} is valid until that manager is closed and then throws
 * (DJL's error for a closed array). Each call allocates its temporaries in its own sub-manager and frees them.
 *
 * <p>Inference only (no gradient); safe to call from several threads if the engine's forward pass is.
 */
public final class DeepProjection {

    private final NDManager manager;
    private final Block network;
    private final ParameterStore store;
    private final double[] mean;
    private final double[] scale;
    private final CcaResult cca;
    private final int set;

    DeepProjection(NDManager manager, Block network, ParameterStore store, double[] mean, double[] scale,
            CcaResult cca, int set) {
        this.manager = manager;
        this.network = network;
        this.store = store;
        this.mean = mean;
        this.scale = scale;
        this.cca = cca;
        this.set = set;
    }

    /** \( d \), the number of channels a frame must have. */
    public int inputChannels() {
        return mean.length;
    }

    /** \( k \), the number of canonical coordinates per frame. */
    public int components() {
        return cca.components();
    }

    /**
     * Runs the network and the final CCA projection on {@code frames}.
     *
     * @param frames \( t \times d \), finite, \( t \ge 1 \)
     * @return \( t \times k \) canonical coordinates
     * @throws IllegalArgumentException if frames are empty, ragged, not finite or do not have \( d \) channels
     */
    public double[][] project(double[][] frames) {
        int d = Frames.require("frames", frames);
        if (d != mean.length) {
            throw new IllegalArgumentException("frames have " + d + " channels, the network takes " + mean.length);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray input = scope.create(DeepCanonicalTimeWarping.flatten(
                    DeepCanonicalTimeWarping.standardised(frames, mean, scale)))
                    .reshape(frames.length, d);
            NDArray output = network.forward(store, new NDList(input), false).singletonOrThrow();
            return cca.project(set, DeepCanonicalTimeWarping.matrix(output));
        }
    }
}
