package dev.fovea.training.store;

import ai.djl.Model;
import dev.fovea.models.vqa.ShapesVqaNet;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A stored model loaded for inference.
 *
 * <p>Thread-safe: any number of threads may call {@link #predict} concurrently: each call works in its own sub-manager and only reads the parameters;
 * {@link #close()} waits for running predictions, after which {@code predict} throws {@link IllegalStateException}.
 */
public final class LoadedVqaModel implements AutoCloseable {

    private final ModelMetadata metadata;
    private final Model model;
    private final VqaInference inference;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    LoadedVqaModel(ModelMetadata metadata, Model model, ShapesVqaNet net) {
        this.metadata = Objects.requireNonNull(metadata);
        this.model = Objects.requireNonNull(model);
        this.inference = new VqaInference(net, model.getNDManager());
    }

    /** The stored metadata. */
    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * Answers a question about an image.
     *
     * @param rgb      HWC row-major image of {@code imageSize × imageSize × 3} finite values in \( [0, 1] \)
     * @param question text such as {@code "how many red circles?"}
     * @throws IllegalArgumentException if the image or the question is invalid (message starts with {@code image} or
     *                                  {@code question})
     * @throws IllegalStateException    if the model is closed
     */
    public Prediction predict(float[] rgb, String question) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(
                        "model '" + metadata.name() + "' version " + metadata.version() + " is closed");
            }
            return inference.predict(rgb, question);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Frees the native memory of the parameters; idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
