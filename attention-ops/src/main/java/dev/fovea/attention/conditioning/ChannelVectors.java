package dev.fovea.attention.conditioning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.fovea.math.Finite;

/** Shape checks and per-channel broadcasting shared by the conditioning functions. */
final class ChannelVectors {

    private ChannelVectors() {
    }

    /** \( [B, C] \) reshaped to \( [B, C, 1, \dots, 1] \) so that it broadcasts over the spatial axes of features. */
    static NDArray perChannel(String name, NDArray vector, NDArray features) {
        Shape f = features.getShape();
        if (f.dimension() < 2) {
            throw new IllegalArgumentException("features must have shape (B, C, ...), got " + f);
        }
        Shape expected = new Shape(f.get(0), f.get(1));
        if (!vector.getShape().equals(expected)) {
            throw new IllegalArgumentException(
                    name + " must have shape " + expected + " (batch, channels), got " + vector.getShape());
        }
        long[] shape = new long[f.dimension()];
        java.util.Arrays.fill(shape, 1L);
        shape[0] = f.get(0);
        shape[1] = f.get(1);
        return vector.reshape(new Shape(shape));
    }

    /** Checks a kernel's features \( C \times S \) and a per-channel vector of \( C \) entries. */
    static void kernel(double[][] features, String name, double[] vector) {
        Finite.check("features", features);
        Finite.check(name, vector);
        if (features.length == 0 || features.length != vector.length) {
            throw new IllegalArgumentException(
                    "features have " + features.length + " channels, " + name + " " + vector.length);
        }
    }
}
