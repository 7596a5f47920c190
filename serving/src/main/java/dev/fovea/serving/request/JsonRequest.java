package dev.fovea.serving.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.serving.problem.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A JSON request object read field by field, every failure naming the field's JSON path.
 *
 * <p>Numbers are read as doubles. {@code NaN} and {@code Infinity} literals are accepted by the parser on purpose, so
 * that they reach validation and are rejected with the field and index ("scores[2] must be finite, got NaN") instead
 * of a parse error that names a column. Immutable and thread-safe.
 */
public final class JsonRequest {

    /** The mapper Fovea uses for requests and answers on every edge (REST and command line). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final JsonNode node;
    private final String path;

    private JsonRequest(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses a request body; anything but one JSON object is an error on the field {@code body}. */
    public static JsonRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("body", "the request body is empty; expected one JSON object");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "the request body is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        return of(root);
    }

    /** Wraps an already parsed JSON value, which must be an object. */
    public static JsonRequest of(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException("body", "expected a JSON object, got " + kind(root));
        }
        return new JsonRequest(root, "");
    }

    /** JSON path of {@code field} in this object. */
    public String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Whether the field is present and not null. */
    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** The raw value of a required field. */
    public JsonNode required(String field) {
        if (!has(field)) {
            throw new InvalidRequestException(pathOf(field), pathOf(field) + " is required");
        }
        return node.get(field);
    }

    /** A nested object. */
    public JsonRequest object(String field) {
        JsonNode value = required(field);
        if (!value.isObject()) {
            throw new InvalidRequestException(pathOf(field), pathOf(field) + " must be an object, got " + kind(value));
        }
        return new JsonRequest(value, pathOf(field));
    }

    /** A required string. */
    public String string(String field) {
        JsonNode value = required(field);
        if (!value.isTextual()) {
            throw new InvalidRequestException(pathOf(field), pathOf(field) + " must be a string, got " + kind(value));
        }
        return value.textValue();
    }

    /** An optional string. */
    public Optional<String> optionalString(String field) {
        return has(field) ? Optional.of(string(field)) : Optional.empty();
    }

    /** An optional boolean with a default. */
    public boolean bool(String field, boolean absent) {
        if (!has(field)) {
            return absent;
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw new InvalidRequestException(pathOf(field), pathOf(field) + " must be true or false, got " + kind(value));
        }
        return value.booleanValue();
    }

    /** A required finite number. */
    public double number(String field) {
        return finiteNumber(required(field), pathOf(field));
    }

    /** An optional whole number with a default, within [min, max]. */
    public long integer(String field, long absent, long min, long max) {
        if (!has(field)) {
            return absent;
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidRequestException(pathOf(field), pathOf(field) + " must be a whole number, got " + value);
        }
        long v = value.longValue();
        if (v < min || v > max) {
            throw new InvalidRequestException(pathOf(field),
                    pathOf(field) + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    /** Whether the field holds an array whose first element is itself an array (a matrix rather than a vector). */
    public boolean isMatrix(String field) {
        JsonNode value = required(field);
        return value.isArray() && !value.isEmpty() && value.get(0).isArray();
    }

    /** A required non-empty vector of finite numbers. */
    public double[] vector(String field) {
        return vector(required(field), pathOf(field));
    }

    /** A required non-empty rectangular matrix of finite numbers. */
    public double[][] matrix(String field) {
        return matrix(required(field), pathOf(field));
    }

    /** A required non-empty rectangular matrix of booleans ({@code true}/{@code false} literals only). */
    public boolean[][] booleanMatrix(String field) {
        JsonNode value = required(field);
        String where = pathOf(field);
        requireNonEmptyArray(value, where);
        boolean[][] rows = new boolean[value.size()][];
        for (int i = 0; i < rows.length; i++) {
            JsonNode row = value.get(i);
            String rowWhere = where + "[" + i + "]";
            requireNonEmptyArray(row, rowWhere);
            rows[i] = new boolean[row.size()];
            for (int j = 0; j < rows[i].length; j++) {
                if (!row.get(j).isBoolean()) {
                    throw new InvalidRequestException(rowWhere + "[" + j + "]", rowWhere + "[" + j
                            + "] must be true or false, got " + kind(row.get(j)));
                }
                rows[i][j] = row.get(j).booleanValue();
            }
            if (rows[i].length != rows[0].length) {
                throw new InvalidRequestException(rowWhere, where + " must be rectangular: row 0 has "
                        + rows[0].length + " values, row " + i + " has " + rows[i].length);
            }
        }
        return rows;
    }

    /** A required non-empty array of non-empty rectangular matrices of finite numbers (matrices may differ in size). */
    public double[][][] tensor3(String field) {
        JsonNode value = required(field);
        String where = pathOf(field);
        requireNonEmptyArray(value, where);
        double[][][] out = new double[value.size()][][];
        for (int i = 0; i < out.length; i++) {
            out[i] = matrix(value.get(i), where + "[" + i + "]");
        }
        return out;
    }

    /**
     * A required non-empty array of {@link #tensor3} values (the shapes inside may differ; the kernel that takes it
     * checks the shape it needs).
     */
    public double[][][][] tensor4(String field) {
        JsonNode value = required(field);
        String where = pathOf(field);
        requireNonEmptyArray(value, where);
        double[][][][] out = new double[value.size()][][][];
        for (int i = 0; i < out.length; i++) {
            JsonNode entry = value.get(i);
            String at = where + "[" + i + "]";
            requireNonEmptyArray(entry, at);
            out[i] = new double[entry.size()][][];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = matrix(entry.get(j), at + "[" + j + "]");
            }
        }
        return out;
    }

    private static double[][] matrix(JsonNode value, String where) {
        requireNonEmptyArray(value, where);
        double[][] rows = new double[value.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = vector(value.get(i), where + "[" + i + "]");
            if (rows[i].length != rows[0].length) {
                throw new InvalidRequestException(where + "[" + i + "]", where + " must be rectangular: row 0 has "
                        + rows[0].length + " values, row " + i + " has " + rows[i].length);
            }
        }
        return rows;
    }

    private static double[] vector(JsonNode value, String where) {
        requireNonEmptyArray(value, where);
        double[] out = new double[value.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = finiteNumber(value.get(i), where + "[" + i + "]");
        }
        return out;
    }

    private static void requireNonEmptyArray(JsonNode value, String where) {
        if (!value.isArray()) {
            throw new InvalidRequestException(where, where + " must be an array, got " + kind(value));
        }
        if (value.isEmpty()) {
            throw new InvalidRequestException(where, where + " must not be empty");
        }
    }

    private static double finiteNumber(JsonNode value, String where) {
        if (value == null || !value.isNumber()) {
            throw new InvalidRequestException(where, where + " must be a number, got " + kind(value));
        }
        double v = value.doubleValue();
        if (!Double.isFinite(v)) {
            throw new InvalidRequestException(where, where + " must be finite, got " + v);
        }
        return v;
    }

    private static String kind(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** A new empty JSON object for an answer. */
    public static ObjectNode answer() {
        return MAPPER.createObjectNode();
    }

    @Override
    public String toString() {
        return "JsonRequest" + Arrays.asList(path.isEmpty() ? "$" : path, node);
    }
}
