package dev.fovea.math.linalg;

/**
 * A matrix that had to be symmetric positive definite was not; the message carries the entries and the determinant.
 *
 * <p>It is an {@link IllegalArgumentException} because the matrix is always an argument the caller supplied (or
 * derived from one), so callers that already handle bad arguments need no extra clause.
 */
public final class NotPositiveDefiniteException extends IllegalArgumentException {

    /**
     * @param message what was not positive definite, with its entries and determinant
     */
    public NotPositiveDefiniteException(String message) {
        super(message);
    }
}
