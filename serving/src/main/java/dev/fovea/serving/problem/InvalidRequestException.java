package dev.fovea.serving.problem;

/**
 * A request that cannot be served as sent, with the request field that is wrong.
 *
 * <p>The field is a JSON path relative to the request body ({@code "scores[3]"}, {@code "image.rgb"}), so that a client
 * can point at the exact value. It becomes HTTP 400 {@code application/problem+json} at the REST edge and exit status
 * 2 with the same JSON object on the command line.
 */
public final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field  JSON path of the offending value; never blank
     * @param detail what is wrong, with the offending value where it helps
     */
    public InvalidRequestException(String field, String detail) {
        super(detail);
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("field must name the offending request value");
        }
        this.field = field;
    }

    /** JSON path of the offending value. */
    public String field() {
        return field;
    }

    /** The same problem, located under {@code parent} ({@code "image"} + {@code "rgb"} → {@code "image.rgb"}). */
    public InvalidRequestException under(String parent) {
        return new InvalidRequestException(parent + (field.startsWith("[") ? "" : ".") + field, getMessage());
    }
}
