package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue of {@link Op}s, shared by the REST resource and the command line. */
public final class Ops {

    private static final Map<String, Op> BY_NAME = List.of(new DiscreteAttentionOp(),
            new ContinuousAttentionOp(), new MixtureAttentionOp(), new DrawFilterbankOp(), new GlimpseOp(),
            new AffineGridOp(), new GridSampleOp(), new DtwOp(), new EnvelopeOp(), new SoftDtwOp(), new CtwOp())
            .stream()
            .collect(Collectors.toUnmodifiableMap(Op::name, Function.identity()));

    private Ops() {
    }

    /** The op with this name, if there is one. */
    public static Optional<Op> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The op with this name, or an error on the field {@code op} that lists the names there are. */
    public static Op require(String name) {
        return find(name).orElseThrow(() -> new InvalidRequestException("op",
                "unknown op '" + name + "'; available: " + String.join(", ", names())));
    }

    /**
     * Serves one request body with one op; the one path both edges take.
     *
     * @throws InvalidRequestException if the body is wrong; a kernel's own validation error that the op did not pin
     *                                 to a field is reported on the field {@code body}
     */
    public static JsonNode run(Op op, String body) {
        JsonRequest request = JsonRequest.parse(body);
        try {
            return op.apply(request);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("body", e.getMessage());
        }
    }

    /** Every op name, sorted. */
    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }
}
