package dev.fovea.attention.glimpse;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;

/**
 * The glimpse sensor as a block (Mnih et al. 2014, §3.1): inputs images \( [N, C, H, W] \) and locations
 * \( [N, 2] \) in \( [-1, 1]^2 \), output the glimpses \( [N, k, C, g, g] \) of {@link GlimpseSensor#apply}.
 * No parameters (the glimpse network's linear layers that follow are ordinary blocks). Thread-safe.
 */
public final class Retina extends AbstractBlock {

    private static final byte VERSION = 1;

    private final GlimpseSensor sensor;

    /** A block that reads with {@code sensor}. */
    public Retina(GlimpseSensor sensor) {
        super(VERSION);
        this.sensor = Objects.requireNonNull(sensor, "sensor must not be null");
    }

    /** The sensor. */
    public GlimpseSensor sensor() {
        return sensor;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(sensor.apply(inputs.get(0), inputs.get(1)));
    }

    /** \( [N, k, C, g, g] \). */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape images = inputShapes[0];
        return new Shape[] {new Shape(images.get(0), sensor.patches(), images.get(1), sensor.size(), sensor.size())};
    }

    @Override
    public String toString() {
        return "Retina(" + sensor.patches() + " patches of " + sensor.size() + "×" + sensor.size() + ", scale "
                + sensor.scale() + ")";
    }
}
