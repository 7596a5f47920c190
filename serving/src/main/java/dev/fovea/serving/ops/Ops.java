package dev.fovea.serving.ops;

import dev.fovea.serving.problem.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue of {@link Op}s, shared by the REST resource and the command line. */
public final class Ops {

    private static final Map<String, Op> BY_NAME = List.of(new DiscreteAttentionOp(), new DtwOp()).stream()
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

    /** Every op name, sorted. */
    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }
}
