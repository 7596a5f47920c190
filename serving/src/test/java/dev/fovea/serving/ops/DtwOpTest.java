package dev.fovea.serving.ops;

import static dev.fovea.serving.ops.OpsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fovea.serving.ops.OpsCommandTest.Outcome;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code alignment/dtw} and {@code alignment/envelope} through the command-line edge, against hand computations. */
class DtwOpTest {

    @Test
    void todaysRequestKeepsTodaysAnswer() throws IOException {
        Outcome outcome = run("alignment/dtw", "{\"x\":[1,2,3],\"y\":[1,3]}");
        assertEquals(0, outcome.status(), outcome.json().toString());
        // By hand (DtwTest.knownSmallAnswerComputedByHand): cost 1 along (0,0), (1,0), (2,1).
        assertEquals(1.0, outcome.json().get("cost").doubleValue(), 0.0);
        assertEquals("[[0,0],[1,0],[2,1]]", outcome.json().get("path").toString());
        assertTrue(outcome.json().get("normalizedCost").isNull());
    }

    @Test
    void symmetric2WithABandAndItsNormalisation() throws IOException {
        // x = (0, 1, 2), y = (0, 2), symmetric2: (0,0) → (1,0) → diag (2,1) costs 0 + 1 + 2·0 = 1; n + m = 5.
        Outcome outcome = run("alignment/dtw", "{\"x\":[0,1,2],\"y\":[0,2],\"stepPattern\":\"symmetric2\","
                + "\"window\":{\"type\":\"sakoe-chiba\",\"radiusCells\":1}}");
        assertEquals(0, outcome.status(), outcome.json().toString());
        assertEquals(1.0, outcome.json().get("cost").doubleValue(), 0.0);
        assertEquals(0.2, outcome.json().get("normalizedCost").doubleValue(), 0.0);
        assertEquals("[[0,0],[1,0],[2,1]]", outcome.json().get("path").toString());
    }

    @Test
    void multivariateAbsoluteCostAndAGivenMatrix() throws IOException {
        // Two 2-channel frames against one: the only path pairs both with y0; L1 costs |1−0|+|2−0| and |0|+|1|.
        Outcome vectors = run("alignment/dtw", "{\"x\":[[1,2],[0,1]],\"y\":[[0,0]],\"cost\":\"absolute\"}");
        assertEquals(0, vectors.status(), vectors.json().toString());
        assertEquals(4.0, vectors.json().get("cost").doubleValue(), 0.0);
        Outcome given = run("alignment/dtw", "{\"localCost\":[[3],[1]],\"path\":false}");
        assertEquals(4.0, given.json().get("cost").doubleValue(), 0.0);
        assertTrue(given.json().get("path") == null);
    }

    @Test
    void subsequenceSearchWithOpenEnds() throws IOException {
        Outcome outcome = run("alignment/dtw", "{\"x\":[1,3],\"y\":[9,1,3,9],\"openBegin\":true,\"openEnd\":true}");
        assertEquals(0, outcome.status(), outcome.json().toString());
        assertEquals(0.0, outcome.json().get("cost").doubleValue(), 0.0);
        assertEquals("[[0,1],[1,2]]", outcome.json().get("path").toString());
    }

    @Test
    void aMaskAdmitsExactlyItsCells() throws IOException {
        // x = (1, 2, 3), y = (1, 3): unrestricted, (0,0),(1,0),(2,1) costs 0 + 1 + 0 (todaysRequestKeepsTodaysAnswer).
        // Forbidding (1,0) leaves (0,0),(1,1),(2,1), which also costs 1 but is a different path; forbidding (1,1)
        // too leaves no path.
        Outcome open = run("alignment/dtw", "{\"x\":[1,2,3],\"y\":[1,3],\"window\":{\"type\":\"mask\","
                + "\"mask\":[[true,true],[true,true],[true,true]]}}");
        assertEquals(0, open.status(), open.json().toString());
        assertEquals("[[0,0],[1,0],[2,1]]", open.json().get("path").toString());
        Outcome masked = run("alignment/dtw", "{\"x\":[1,2,3],\"y\":[1,3],\"window\":{\"type\":\"mask\","
                + "\"mask\":[[true,false],[false,true],[false,true]]}}");
        assertEquals(0, masked.status(), masked.json().toString());
        assertEquals("[[0,0],[1,1],[2,1]]", masked.json().get("path").toString());
        assertEquals(1.0, masked.json().get("cost").doubleValue(), 0.0);
        // A mask that forces a costlier path: x = (0, 5, 0), y = (0, 0) with (1,0) forbidden: (0,0),(1,1),(2,1) = 25.
        Outcome forced = run("alignment/dtw", "{\"x\":[0,5,0],\"y\":[0,0],\"window\":{\"type\":\"mask\","
                + "\"mask\":[[true,false],[false,true],[true,true]]}}");
        assertEquals(25.0, forced.json().get("cost").doubleValue(), 0.0);
        assertField("window.mask", "{\"x\":[1,2,3],\"y\":[1,3],\"window\":{\"type\":\"mask\","
                + "\"mask\":[[true,false],[false,false],[false,true]]}}");
        Outcome shape = run("alignment/dtw", "{\"x\":[1,2,3],\"y\":[1,3],\"window\":{\"type\":\"mask\","
                + "\"mask\":[[true,true],[true,true]]}}");
        assertEquals(2, shape.status());
        assertEquals("window.mask", shape.json().get("field").asText());
        assertEquals("window: the mask is 2 x 2 but the sequences need 3 x 2", shape.json().get("detail").asText());
        assertField("window.mask[1]", "{\"x\":[1,2],\"y\":[1,3],\"window\":{\"type\":\"mask\","
                + "\"mask\":[[true,true],[true]]}}");
        assertField("window.mask[0][1]", "{\"x\":[1,2],\"y\":[1,3],\"window\":{\"type\":\"mask\","
                + "\"mask\":[[true,1],[true,true]]}}");
        assertField("window.mask", "{\"x\":[1,2],\"y\":[1,3],\"window\":{\"type\":\"mask\"}}");
    }

    @Test
    void independentMultivariateDtwAlignsEachChannelOnItsOwn() throws IOException {
        // Channel 0: (1, 1, 3) vs (1, 3), best path (0,0),(1,0),(2,1), cost 0. Channel 1: (0, 4, 4) vs (0, 4), best
        // path (0,0),(1,1),(2,1), cost 0. So DTW_I = 0, while one shared path (DTW_D) pays 4 at best:
        // (1,0) costs 0 + 16, (1,1) costs 4 + 0.
        String xy = "\"x\":[[1,0],[1,4],[3,4]],\"y\":[[1,0],[3,4]]";
        Outcome independent = run("alignment/dtw", "{" + xy + ",\"multivariate\":\"independent\"}");
        assertEquals(0, independent.status(), independent.json().toString());
        JsonNode answer = independent.json();
        assertEquals(0.0, answer.get("cost").doubleValue(), 0.0);
        assertEquals("[0.0,0.0]", answer.get("channelCosts").toString());
        assertEquals("[[[0,0],[1,0],[2,1]],[[0,0],[1,1],[2,1]]]", answer.get("paths").toString());
        assertTrue(answer.get("path") == null, "DTW_I has no single path");
        Outcome dependent = run("alignment/dtw", "{" + xy + ",\"multivariate\":\"dependent\"}");
        assertEquals(4.0, dependent.json().get("cost").doubleValue(), 0.0);
        assertEquals("[[0,0],[1,1],[2,1]]", dependent.json().get("path").toString());
        assertEquals(dependent.json(), run("alignment/dtw", "{" + xy + "}").json(), "dependent is the default");
    }

    @Test
    void independentCostIsTheSumOfOneDimensionalRequests() throws IOException {
        // Independent route: each channel sent alone as a 1-D request, with a pattern that normalises and a band.
        double[][] x = {{0.5, -1, 2}, {1.5, 0, 2.5}, {3, 1, 0}, {2, 2, 1}, {0, 1, 1}};
        double[][] y = {{1, 0, 1}, {2, -1, 2}, {2.5, 1.5, 0.5}, {0.5, 1, 2}};
        String options = ",\"stepPattern\":\"symmetric2\",\"window\":{\"type\":\"sakoe-chiba\",\"radiusCells\":2}";
        Outcome all = run("alignment/dtw", "{\"x\":" + json(x) + ",\"y\":" + json(y)
                + ",\"multivariate\":\"independent\"" + options + "}");
        assertEquals(0, all.status(), all.json().toString());
        double cost = 0;
        double normalized = 0;
        for (int k = 0; k < 3; k++) {
            Outcome one = run("alignment/dtw", "{\"x\":" + channel(x, k) + ",\"y\":" + channel(y, k) + options + "}");
            cost += one.json().get("cost").doubleValue();
            normalized += one.json().get("normalizedCost").doubleValue();
            assertEquals(one.json().get("cost").doubleValue(),
                    all.json().get("channelCosts").get(k).doubleValue(), 0.0);
            assertEquals(one.json().get("path"), all.json().get("paths").get(k));
        }
        assertEquals(cost, all.json().get("cost").doubleValue(), 1e-12);
        assertEquals(normalized, all.json().get("normalizedCost").doubleValue(), 1e-12);
        Outcome noPath = run("alignment/dtw", "{\"x\":" + json(x) + ",\"y\":" + json(y)
                + ",\"multivariate\":\"independent\",\"path\":false" + options + "}");
        assertTrue(noPath.json().get("paths") == null);
        assertEquals(cost, noPath.json().get("cost").doubleValue(), 1e-12);
    }

    private static String json(double[][] m) {
        return Json.addAll(JsonNodeFactory.instance.arrayNode(), m).toString();
    }

    private static String channel(double[][] m, int k) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (double[] row : m) {
            out.add(row[k]);
        }
        return out.toString();
    }

    @Test
    void badInputExitsTwoNamingTheField() throws IOException {
        assertField("x", "{\"x\":[],\"y\":[1]}");
        assertField("y[1]", "{\"x\":[1],\"y\":[1,\"NaN\"]}");
        assertField("y", "{\"x\":[[1,2]],\"y\":[[1,2,3]]}");
        assertField("window", "{\"x\":[1,2,3,4],\"y\":[1],\"window\":{\"type\":\"sakoe-chiba\",\"radiusCells\":1}}");
        assertField("window.radiusCells", "{\"x\":[1],\"y\":[1],\"window\":{\"type\":\"sakoe-chiba\"}}");
        assertField("window.maxSlope", "{\"x\":[1],\"y\":[1],\"window\":{\"type\":\"itakura\",\"maxSlope\":0.5}}");
        assertField("window.type", "{\"x\":[1],\"y\":[1],\"window\":{\"type\":\"ring\"}}");
        assertField("stepPattern", "{\"x\":[1],\"y\":[1],\"stepPattern\":\"zigzag\"}");
        assertField("stepPattern", "{\"x\":[1,2],\"y\":[1,2,3,4],\"stepPattern\":\"asymmetric\"}");
        assertField("openBegin", "{\"x\":[1],\"y\":[1],\"stepPattern\":\"symmetric2\",\"openBegin\":true}");
        assertField("cost", "{\"x\":[1],\"y\":[1],\"cost\":\"cosine\"}");
        assertField("x", "{\"x\":[1],\"localCost\":[[1]]}");
        assertField("localCost[1]", "{\"localCost\":[[1,2],[3]]}");
        assertField("x", "{\"x\":[1e200],\"y\":[-1e200]}");
        assertField("multivariate", "{\"x\":[1],\"y\":[1],\"multivariate\":\"joint\"}");
        assertField("multivariate", "{\"localCost\":[[1]],\"multivariate\":\"independent\"}");
        assertField("y", "{\"x\":[[1,2]],\"y\":[[1,2,3]],\"multivariate\":\"independent\"}");
    }

    private static void assertField(String field, String request) throws IOException {
        Outcome outcome = run("alignment/dtw", request);
        assertEquals(2, outcome.status(), request + " → " + outcome.json());
        assertEquals(field, outcome.json().get("field").asText(), request + " → " + outcome.json());
    }

    @Test
    void envelopeByHandAndBadInput() throws IOException {
        Outcome outcome = run("alignment/envelope", "{\"x\":[0,3,1,2],\"radiusCells\":1}");
        assertEquals(0, outcome.status(), outcome.json().toString());
        // Windows {0,3}, {0,3,1}, {3,1,2}, {1,2}.
        assertEquals("[0.0,0.0,1.0,1.0]", outcome.json().get("lower").toString());
        assertEquals("[3.0,3.0,3.0,2.0]", outcome.json().get("upper").toString());
        JsonNode bad = run("alignment/envelope", "{\"x\":[1],\"radiusCells\":-1}").json();
        assertEquals("radiusCells", bad.get("field").asText());
        assertEquals("radiusCells", run("alignment/envelope", "{\"x\":[1]}").json().get("field").asText());
        assertEquals("x", run("alignment/envelope", "{\"x\":[],\"radiusCells\":1}").json().get("field").asText());
    }
}
