package dev.fovea.serving.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fovea.serving.request.JsonRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpsCommandTest {

    record Outcome(int status, JsonNode json) {
    }

    static Outcome run(String op, String request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = OpsCommand.run(op == null ? new String[0] : new String[] {op},
                new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Outcome(status, JsonRequest.MAPPER.readTree(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void softmaxOfOneTwoThree() throws IOException {
        Outcome outcome = run("attention/discrete", "{\"mapping\":\"softmax\",\"scores\":[1,2,3]}");
        assertEquals(0, outcome.status());
        // Independent route: e^k / (e + e^2 + e^3) written out directly.
        double z = Math.E + Math.exp(2) + Math.exp(3);
        JsonNode p = outcome.json().get("probabilities");
        assertEquals(3, p.size());
        for (int k = 0; k < 3; k++) {
            assertEquals(Math.exp(k + 1) / z, p.get(k).doubleValue(), 1e-15);
        }
    }

    @Test
    void softmaxOfEachRowOfAMatrix() throws IOException {
        Outcome outcome = run("attention/discrete", "{\"mapping\":\"softmax\",\"scores\":[[0,0],[0,1000]]}");
        assertEquals(0, outcome.status());
        JsonNode rows = outcome.json().get("probabilities");
        assertEquals(0.5, rows.get(0).get(0).doubleValue(), 1e-15);
        assertEquals(1.0, rows.get(1).get(1).doubleValue(), 1e-15);
        assertEquals(0.0, rows.get(1).get(0).doubleValue(), 1e-300);
    }

    @Test
    void malformedJsonExitsTwoNamingTheBody() throws IOException {
        Outcome outcome = run("attention/discrete", "{\"mapping\":\"softmax\",\"scores\":[1,2,");
        assertEquals(OpsCommand.INVALID_REQUEST, outcome.status());
        assertEquals("body", outcome.json().get("field").asText());
        assertEquals(400, outcome.json().get("status").asInt());
    }

    @Test
    void missingScoresExitsTwoNamingTheField() throws IOException {
        Outcome outcome = run("attention/discrete", "{\"mapping\":\"softmax\"}");
        assertEquals(2, outcome.status());
        assertEquals("scores", outcome.json().get("field").asText());
    }

    @Test
    void wrongTypeNamesTheElement() throws IOException {
        Outcome outcome = run("attention/discrete", "{\"mapping\":\"softmax\",\"scores\":[1,\"two\",3]}");
        assertEquals(2, outcome.status());
        assertEquals("scores[1]", outcome.json().get("field").asText());
    }

    @Test
    void nanIsRejectedWithItsIndex() throws IOException {
        Outcome outcome = run("attention/discrete", "{\"mapping\":\"softmax\",\"scores\":[[1,2],[3,NaN]]}");
        assertEquals(2, outcome.status());
        assertEquals("scores[1][1]", outcome.json().get("field").asText());
        assertTrue(outcome.json().get("detail").asText().contains("NaN"), outcome.json().toString());
    }

    @Test
    void raggedMatrixIsRejected() throws IOException {
        Outcome outcome = run("attention/discrete", "{\"mapping\":\"softmax\",\"scores\":[[1,2],[3]]}");
        assertEquals(2, outcome.status());
        assertEquals("scores[1]", outcome.json().get("field").asText());
    }

    @Test
    void sparsemaxByHand() throws IOException {
        // z = (0, 0.5, 1): the support is the top two (1 + 2·0.5 > 1.5, 1 + 3·0 ≤ 1.5), τ = (1.5 − 1)/2 = 0.25.
        JsonNode p = run("attention/discrete", "{\"mapping\":\"sparsemax\",\"scores\":[0,0.5,1]}")
                .json().get("probabilities");
        assertEquals(0.0, p.get(0).doubleValue(), 0.0);
        assertEquals(0.25, p.get(1).doubleValue(), 1e-15);
        assertEquals(0.75, p.get(2).doubleValue(), 1e-15);
    }

    @Test
    void entmaxWithAlphaAgreesWithItsSpecialCases() throws IOException {
        String scores = "\"scores\":[[0.3,-1.2,2.0,0.9],[5,5,4,-3]]";
        assertProbabilitiesClose(run("attention/discrete", "{\"mapping\":\"sparsemax\"," + scores + "}"),
                run("attention/discrete", "{\"mapping\":\"entmax\",\"alpha\":2," + scores + "}"));
        assertProbabilitiesClose(run("attention/discrete", "{\"mapping\":\"entmax15\"," + scores + "}"),
                run("attention/discrete", "{\"mapping\":\"entmax\",\"alpha\":1.5," + scores + "}"));
    }

    static void assertProbabilitiesClose(Outcome expected, Outcome actual) {
        assertEquals(0, expected.status());
        assertEquals(0, actual.status());
        JsonNode e = expected.json().get("probabilities");
        JsonNode a = actual.json().get("probabilities");
        for (int r = 0; r < e.size(); r++) {
            for (int i = 0; i < e.get(r).size(); i++) {
                assertEquals(e.get(r).get(i).doubleValue(), a.get(r).get(i).doubleValue(), 1e-12, "[" + r + "][" + i + "]");
            }
        }
    }

    @Test
    void alphaMustBeAboveOneAndOnlyForEntmax() throws IOException {
        Outcome low = run("attention/discrete", "{\"mapping\":\"entmax\",\"alpha\":1,\"scores\":[1,2]}");
        assertEquals(2, low.status());
        assertEquals("alpha", low.json().get("field").asText());
        assertTrue(low.json().get("detail").asText().contains("alpha must be > 1"), low.json().toString());
        assertEquals("alpha", run("attention/discrete", "{\"mapping\":\"entmax\",\"scores\":[1,2]}")
                .json().get("field").asText());
        assertEquals("alpha", run("attention/discrete",
                "{\"mapping\":\"softmax\",\"alpha\":1.5,\"scores\":[1,2]}").json().get("field").asText());
    }

    @Test
    void unknownMappingListsTheAvailableOnes() throws IOException {
        Outcome outcome = run("attention/discrete", "{\"mapping\":\"softermax\",\"scores\":[1]}");
        assertEquals(2, outcome.status());
        assertEquals("mapping", outcome.json().get("field").asText());
        assertTrue(outcome.json().get("detail").asText().contains("sparsemax, entmax15, entmax"));
    }

    @Test
    void unknownOpOrNoneIsAnErrorOnOp() throws IOException {
        assertEquals("op", run("attention/nothing", "{}").json().get("field").asText());
        assertEquals(2, run(null, "{}").status());
    }

    @Test
    void dtwCostAndPath() throws IOException {
        // x = [0, 1, 2], y = [0, 2]: the best path matches 0–0, 1–2 or 1–0 (cost 1 either way), 2–2.
        Outcome outcome = run("alignment/dtw", "{\"x\":[0,1,2],\"y\":[0,2]}");
        assertEquals(0, outcome.status());
        assertEquals(1.0, outcome.json().get("cost").doubleValue(), 0.0);
        JsonNode path = outcome.json().get("path");
        assertEquals("[0,0]", path.get(0).toString());
        assertEquals("[2,1]", path.get(path.size() - 1).toString());
        Outcome costOnly = run("alignment/dtw", "{\"x\":[0,1,2],\"y\":[0,2],\"path\":false}");
        assertEquals(1.0, costOnly.json().get("cost").doubleValue(), 0.0);
        assertTrue(costOnly.json().get("path") == null);
    }

    @Test
    void dtwRejectsAnEmptySequence() throws IOException {
        Outcome outcome = run("alignment/dtw", "{\"x\":[],\"y\":[1]}");
        assertEquals(2, outcome.status());
        assertEquals("x", outcome.json().get("field").asText());
    }
}
