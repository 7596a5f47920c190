package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.alignment.dtw.Dtw;
import dev.fovea.alignment.dtw.DtwOptions;
import dev.fovea.alignment.dtw.DtwResult;
import dev.fovea.alignment.dtw.LocalCost;
import dev.fovea.alignment.dtw.StepPattern;
import dev.fovea.alignment.dtw.WarpingPath;
import dev.fovea.alignment.dtw.Window;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import java.util.List;
import java.util.Map;

/**
 * {@code alignment/dtw}: dynamic time warping of two sequences (1-D vectors or time-major matrices, DTW_D) or of a
 * given local-cost matrix, with a window, a step pattern and open ends.
 *
 * <pre>{"x":[0,1,2],"y":[0,2],"path":true}  →  {"cost":1.0,"normalizedCost":null,"path":[[0,0],[1,0],[2,1]]}</pre>
 * Fields: {@code x}, {@code y} (or {@code localCost}, an n × m matrix, instead of both); {@code cost}
 * ({@code squared}, {@code euclidean}, {@code absolute}; default squared); {@code window} ({@code {"type":"none"}},
 * {@code {"type":"sakoe-chiba","radiusCells":r}} for \( |i - j| \le r \), {@code {"type":"itakura","maxSlope":s}},
 * {@code {"type":"mask","mask":[[true,false,…],…]}} with an n × m boolean matrix, cell (i, j) admissible iff
 * {@code mask[i][j]}; read by {@link WindowField}); {@code stepPattern} (a {@code dtw} name, default symmetric1); {@code openBegin},
 * {@code openEnd} (default false); {@code multivariate} ({@code dependent}, default: one path for all channels,
 * DTW_D; {@code independent}: DTW_I, each channel aligned on its own); {@code path} (default true). {@code cost} is
 * the accumulated cost of the optimal path under the pattern's weights, {@code normalizedCost} that divided by the
 * pattern's normaliser (null for symmetric1), path cells 0-based (i into x, j into y). Without a path and with the
 * defaults only the cost is computed, in memory linear in the shorter sequence.
 *
 * <p>DTW_I has one path per channel, so its answer carries {@code channelCosts} (the per-channel costs, whose sum is
 * {@code cost}; {@code normalizedCost} is the sum of the per-channel normalised costs) and, when {@code path} is
 * true, {@code paths} (one path per channel, in channel order) instead of {@code path}.
 */
final class DtwOp implements Op {

    private static final Map<String, String> DTW_ARGUMENTS = Map.of(
            "x", "x", "y", "y", "localCost", "localCost", "stepPattern", "stepPattern", "openBegin", "openBegin");

    private static final KernelArguments ARGUMENTS = WindowField.arguments(DTW_ARGUMENTS, false);

    /** With a mask, the window's errors (wrong shape, no admissible path) are the mask's. */
    private static final KernelArguments MASK_ARGUMENTS = WindowField.arguments(DTW_ARGUMENTS, true);

    @Override
    public String name() {
        return "alignment/dtw";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        boolean wantPath = request.bool("path", true);
        boolean independent = independent(request);
        DtwOptions options;
        KernelArguments arguments = ARGUMENTS;
        try {
            Window window = WindowField.read(request);
            if (window instanceof Window.Mask) {
                arguments = MASK_ARGUMENTS;
            }
            options = new DtwOptions(localCost(request), window, stepPattern(request),
                    request.bool("openBegin", false), request.bool("openEnd", false));
        } catch (IllegalArgumentException e) {
            throw arguments.toRequestError(e);
        }
        ObjectNode answer = JsonRequest.answer();
        DtwResult result;
        try {
            if (independent) {
                return independentAnswer(Dtw.alignIndependent(matrix(request, "x"), matrix(request, "y"), options),
                        wantPath);
            } else if (options.localCost() instanceof LocalCost.Given) {
                result = Dtw.alignGiven(options);
            } else if (request.isMatrix("x") || request.isMatrix("y")) {
                result = Dtw.align(matrix(request, "x"), matrix(request, "y"), options);
            } else {
                double[] x = request.vector("x");
                double[] y = request.vector("y");
                if (!wantPath && options.equals(DtwOptions.defaults())) {
                    answer.put("cost", Dtw.distance(x, y));
                    answer.putNull("normalizedCost");
                    return answer;
                }
                result = Dtw.align(x, y, options);
            }
        } catch (IllegalArgumentException e) {
            throw arguments.toRequestError(e);
        } catch (ArithmeticException e) {
            throw new InvalidRequestException(options.localCost() instanceof LocalCost.Given ? "localCost" : "x",
                    e.getMessage());
        }
        answer.put("cost", result.cost());
        if (Double.isNaN(result.normalizedCost())) {
            answer.putNull("normalizedCost");
        } else {
            answer.put("normalizedCost", result.normalizedCost());
        }
        if (wantPath) {
            putPath(answer.putArray("path"), result.path());
        }
        return answer;
    }

    /** {@code "multivariate"}: false for dependent (the default), true for independent. */
    private static boolean independent(JsonRequest request) {
        String mode = request.optionalString("multivariate").orElse("dependent");
        return switch (mode) {
            case "dependent" -> false;
            case "independent" -> {
                if (request.has("localCost")) {
                    throw new InvalidRequestException("multivariate",
                            "multivariate independent aligns each channel of x and y, so it needs x and y, "
                                    + "not localCost");
                }
                yield true;
            }
            default -> throw new InvalidRequestException("multivariate",
                    "multivariate must be dependent or independent, got " + mode);
        };
    }

    private static ObjectNode independentAnswer(List<DtwResult> channels, boolean wantPath) {
        ObjectNode answer = JsonRequest.answer();
        double cost = 0;
        double normalized = 0;
        for (DtwResult channel : channels) {
            cost += channel.cost();
            normalized += channel.normalizedCost();
        }
        answer.put("cost", cost);
        if (Double.isNaN(normalized)) {
            answer.putNull("normalizedCost");
        } else {
            answer.put("normalizedCost", normalized);
        }
        ArrayNode costs = answer.putArray("channelCosts");
        for (DtwResult channel : channels) {
            costs.add(channel.cost());
        }
        if (wantPath) {
            ArrayNode paths = answer.putArray("paths");
            for (DtwResult channel : channels) {
                putPath(paths.addArray(), channel.path());
            }
        }
        return answer;
    }

    private static void putPath(ArrayNode cells, WarpingPath path) {
        for (int k = 0; k < path.length(); k++) {
            cells.addArray().add(path.row(k)).add(path.column(k));
        }
    }

    /** A time-major matrix; a plain vector is read as n × 1 so that it can meet a one-channel matrix. */
    private static double[][] matrix(JsonRequest request, String field) {
        if (request.isMatrix(field)) {
            return request.matrix(field);
        }
        double[] v = request.vector(field);
        double[][] rows = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            rows[i] = new double[] {v[i]};
        }
        return rows;
    }

    private static LocalCost localCost(JsonRequest request) {
        if (request.has("localCost")) {
            for (String field : new String[] {"x", "y", "cost"}) {
                if (request.has(field)) {
                    throw new InvalidRequestException(field, field + " must be absent when localCost is given");
                }
            }
            return LocalCost.given(request.matrix("localCost"));
        }
        String name = request.optionalString("cost").orElse("squared");
        return switch (name) {
            case "squared" -> LocalCost.squared();
            case "euclidean" -> LocalCost.euclidean();
            case "absolute" -> LocalCost.absolute();
            default -> throw new InvalidRequestException("cost",
                    "cost must be squared, euclidean or absolute, got " + name);
        };
    }

    private static StepPattern stepPattern(JsonRequest request) {
        return StepPattern.named(request.optionalString("stepPattern").orElse("symmetric1"));
    }
}
