package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.problem.Problem;
import dev.fovea.serving.request.JsonRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code ./fovea ops OP}: reads one JSON request on standard input, writes one JSON answer on standard output.
 *
 * <p>Exit status 0 with the answer; 2 with a problem document (the same one the REST API answers with 400) when the
 * op name or the request is wrong; 1 with a problem document when the op itself failed.
 */
public final class OpsCommand {

    /** Exit status for a request that is wrong. */
    public static final int INVALID_REQUEST = 2;

    private OpsCommand() {
    }

    /** Runs {@code args[0]} on standard input. */
    public static void main(String[] args) throws IOException {
        int status = run(args, System.in, System.out);
        System.out.flush();
        System.exit(status);
    }

    /** Runs the op named by {@code args[0]} on {@code in}, writing the answer or the problem to {@code out}. */
    static int run(String[] args, InputStream in, PrintStream out) throws IOException {
        try {
            if (args.length != 1) {
                throw new InvalidRequestException("op", "usage: fovea ops OP < request.json; OP is one of "
                        + String.join(", ", Ops.names()));
            }
            Op op = Ops.require(args[0]);
            JsonNode answer = Ops.run(op, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            out.println(JsonRequest.MAPPER.writeValueAsString(answer));
            return 0;
        } catch (InvalidRequestException e) {
            out.println(JsonRequest.MAPPER.writeValueAsString(Problem.invalid(e)));
            return INVALID_REQUEST;
        }
    }
}
