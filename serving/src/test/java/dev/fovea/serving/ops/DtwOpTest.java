package dev.fovea.serving.ops;

import static dev.fovea.serving.ops.OpsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
