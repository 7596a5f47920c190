package dev.fovea.serving.catalog;

/** A request named a model (or model version) that the catalog does not hold; answered with 404. */
public final class NoSuchModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchModelException(String detail) {
        super(detail);
    }
}
