package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.alignment.dtw.Dtw;
import dev.fovea.alignment.dtw.DtwResult;
import dev.fovea.alignment.dtw.WarpingPath;
import dev.fovea.serving.request.JsonRequest;

/**
 * {@code alignment/dtw}: dynamic time warping of two 1-D sequences (squared local cost, symmetric1 steps).
 *
 * <pre>{"x":[0,1,2],"y":[0,2],"path":true}  →  {"cost":1.0,"path":[[0,0],[1,1],[2,1]]}</pre>
 * Path cells are 0-based (i into x, j into y). With {@code "path":false} only the cost is computed, in memory linear
 * in the shorter sequence.
 */
final class DtwOp implements Op {

    @Override
    public String name() {
        return "alignment/dtw";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        double[] x = request.vector("x");
        double[] y = request.vector("y");
        boolean wantPath = request.bool("path", true);
        ObjectNode answer = JsonRequest.answer();
        if (!wantPath) {
            answer.put("cost", Dtw.distance(x, y));
            return answer;
        }
        DtwResult result = Dtw.align(x, y);
        answer.put("cost", result.cost());
        ArrayNode cells = answer.putArray("path");
        WarpingPath path = result.path();
        for (int k = 0; k < path.length(); k++) {
            cells.addArray().add(path.row(k)).add(path.column(k));
        }
        return answer;
    }
}
