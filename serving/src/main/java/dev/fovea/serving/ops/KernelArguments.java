package dev.fovea.serving.ops;

import dev.fovea.serving.problem.InvalidRequestException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a kernel's own validation error into a request error on the right JSON field.
 *
 * <p>Fovea's kernels start every {@link IllegalArgumentException} message with the name of the argument at fault,
 * often with an index ({@code "basisCovariances[2] matrix … must be positive definite"}). An op knows which request
 * field feeds which argument; this class maps the leading name and keeps the index, so the client sees
 * {@code "field":"basis.covariances[2]"}.
 */
final class KernelArguments {

    private static final Pattern LEADING_NAME = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)((?:\\[\\d+\\])*)");

    private final Map<String, String> fieldsByArgument;
    private final String fallbackField;

    /**
     * @param fieldsByArgument kernel argument name → JSON field path
     * @param fallbackField    the field to blame when the message names no known argument
     */
    KernelArguments(Map<String, String> fieldsByArgument, String fallbackField) {
        this.fieldsByArgument = Map.copyOf(fieldsByArgument);
        this.fallbackField = fallbackField;
    }

    /** The request error for a kernel's validation error. */
    InvalidRequestException toRequestError(IllegalArgumentException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher m = LEADING_NAME.matcher(message);
        if (m.find() && fieldsByArgument.containsKey(m.group(1))) {
            return new InvalidRequestException(fieldsByArgument.get(m.group(1)) + m.group(2), message);
        }
        return new InvalidRequestException(fallbackField, message);
    }
}
