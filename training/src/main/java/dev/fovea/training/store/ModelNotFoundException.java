package dev.fovea.training.store;

import java.util.NoSuchElementException;

/** The store has no model with the requested name and version; the message lists the versions it does have. */
public final class ModelNotFoundException extends NoSuchElementException {

    private final String name;
    private final int version;

    ModelNotFoundException(String name, int version, String message) {
        super(message);
        this.name = name;
        this.version = version;
    }

    /** The requested name. */
    public String name() {
        return name;
    }

    /** The requested version. */
    public int version() {
        return version;
    }
}
