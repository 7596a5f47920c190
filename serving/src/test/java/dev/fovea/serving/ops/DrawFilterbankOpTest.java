package dev.fovea.serving.ops;

import static dev.fovea.serving.ops.OpsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fovea.serving.ops.OpsCommandTest.Outcome;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code attention/draw-filterbank} through the command-line edge, checked against the paper's formulas here. */
class DrawFilterbankOpTest {

    static String request(String width, String height, String glimpses, String centerX, String logVariance) {
        return "{\"width\":" + width + ",\"height\":" + height + ",\"glimpses\":" + glimpses + ",\"centerX\":"
                + centerX + ",\"centerY\":0.5,\"logStride\":0,\"logVariance\":" + logVariance
                + ",\"logIntensity\":0.25}";
    }

    @Test
    void centresAndFiltersFollowThePaper() throws IOException {
        // A = 9, B = 5, N = 3, δ̃ = 1: δ = (9 - 1)/2 = 4. Paper, 1-based: gX = 5, μX = 1, 5, 9; gY = 3·1.5 = 4.5,
        // μY = 0.5, 4.5, 8.5. 0-based: one less.
        Outcome outcome = run("attention/draw-filterbank", request("9", "5", "3", "0", "0.3"));
        assertEquals(0, outcome.status(), outcome.json().toString());
        JsonNode json = outcome.json();
        double[] meansX = {0, 4, 8};
        double[] meansY = {-0.5, 3.5, 7.5};
        for (int i = 0; i < 3; i++) {
            assertEquals(meansX[i], json.at("/meansX/" + i).doubleValue(), 1e-15);
            assertEquals(meansY[i], json.at("/meansY/" + i).doubleValue(), 1e-15);
        }
        double variance = Math.exp(0.3);
        for (int i = 0; i < 3; i++) {
            double z = 0.0;
            for (int a = 0; a < 9; a++) {
                z += Math.exp(-(a - meansX[i]) * (a - meansX[i]) / (2 * variance));
            }
            for (int a = 0; a < 9; a++) {
                assertEquals(Math.exp(-(a - meansX[i]) * (a - meansX[i]) / (2 * variance)) / z,
                        json.at("/filterX/" + i + "/" + a).doubleValue(), 1e-15);
            }
        }
        assertEquals(3, json.get("filterY").size());
        assertEquals(5, json.get("filterY").get(0).size());
        assertEquals(4.0, json.get("stride").doubleValue(), 0.0);
        assertEquals(Math.exp(0.25), json.get("intensity").doubleValue(), 1e-15);
    }

    @Test
    void badInputExitsTwoNamingTheField() throws IOException {
        assertField("glimpses", request("9", "5", "0", "0", "0"));
        assertField("width", request("0", "5", "3", "0", "0"));
        assertField("height", request("9", "-2", "3", "0", "0"));
        assertField("width", request("9.5", "5", "3", "0", "0"));
        assertField("centerX", request("9", "5", "3", "NaN", "0"));
        assertField("logVariance", request("9", "5", "3", "0", "1e6"));
        assertField("glimpses", "{\"width\":9,\"height\":5,\"centerX\":0,\"centerY\":0,\"logStride\":0,"
                + "\"logVariance\":0,\"logIntensity\":0}");
    }

    static void assertField(String field, String request) throws IOException {
        Outcome outcome = run("attention/draw-filterbank", request);
        assertEquals(2, outcome.status(), outcome.json().toString());
        assertEquals(field, outcome.json().get("field").asText(), outcome.json().toString());
    }
}
