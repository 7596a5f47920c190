package dev.fovea.serving.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, Fovea's one error shape for the REST API and {@code ./fovea ops}.
 *
 * @param type   URI reference naming the kind of problem
 * @param title  short summary of the kind
 * @param status HTTP status code
 * @param detail what went wrong for this request
 * @param field  JSON path of the request value at fault, when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    /** Media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A 400 for a request value that is wrong. */
    public static Problem invalid(InvalidRequestException e) {
        return new Problem("/problems/invalid-request", "Invalid request", 400, e.getMessage(), e.field());
    }

    /** A 404 for something that does not exist. */
    public static Problem notFound(String detail) {
        return new Problem("/problems/not-found", "Not found", 404, detail, null);
    }

    /** A 500 that tells the client nothing internal; the cause goes to the server log only. */
    public static Problem internal() {
        return new Problem("/problems/internal", "Internal error", 500,
                "The server could not complete the request; the cause is in its log.", null);
    }
}
