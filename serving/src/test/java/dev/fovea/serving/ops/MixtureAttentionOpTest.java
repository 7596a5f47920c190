package dev.fovea.serving.ops;

import static dev.fovea.serving.ops.OpsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fovea.serving.ops.OpsCommandTest.Outcome;
import java.io.IOException;
import java.util.Locale;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** {@code attention/mixture} through the command-line edge. */
class MixtureAttentionOpTest {

    /** Cell centres of a 14×14 grid on the unit square and weights from two round bumps, normalised. */
    static String bimodal(String settings) {
        int grid = 14;
        StringJoiner points = new StringJoiner(",", "[", "]");
        double[] w = new double[grid * grid];
        double total = 0;
        for (int r = 0; r < grid; r++) {
            for (int c = 0; c < grid; c++) {
                double x = (c + 0.5) / grid;
                double y = (r + 0.5) / grid;
                points.add(String.format(Locale.ROOT, "[%.17g,%.17g]", x, y));
                w[r * grid + c] = bump(x, y, 0.25, 0.3) + bump(x, y, 0.75, 0.7);
                total += w[r * grid + c];
            }
        }
        StringJoiner weights = new StringJoiner(",", "[", "]");
        for (double v : w) {
            weights.add(String.format(Locale.ROOT, "%.17g", v / total));
        }
        return "{\"points\":" + points + ",\"weights\":" + weights + settings + "}";
    }

    static double bump(double x, double y, double cx, double cy) {
        return Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * 0.01));
    }

    @Test
    void selectsTwoComponentsOnTwoBumps() throws IOException {
        Outcome outcome = run("attention/mixture", bimodal(",\"maxComponents\":3,\"iterations\":30,\"seed\":1"));
        assertEquals(0, outcome.status(), outcome.json().toString());
        JsonNode fit = outcome.json();
        assertEquals(2, fit.get("selectedComponents").asInt(), fit.toString());
        assertEquals(2, fit.get("components").size());
        double weights = 0;
        for (JsonNode c : fit.get("components")) {
            weights += c.get("weight").doubleValue();
            double x = c.at("/mean/0").doubleValue();
            double y = c.at("/mean/1").doubleValue();
            boolean nearA = Math.hypot(x - 0.25, y - 0.3) < 0.02;
            boolean nearB = Math.hypot(x - 0.75, y - 0.7) < 0.02;
            assertTrue(nearA || nearB, "component mean " + x + ", " + y);
            assertEquals(0.5, c.get("weight").doubleValue(), 0.02);
        }
        assertEquals(1.0, weights, 1e-12);
        // C = −2 Σ w log p + λK with the default λ = 1.
        assertEquals(-2 * fit.get("logLikelihood").doubleValue() + 2, fit.get("criterion").doubleValue(), 1e-9);
    }

    @Test
    void givenInitialMeansAndComponents() throws IOException {
        Outcome outcome = run("attention/mixture",
                bimodal(",\"components\":2,\"iterations\":5,\"init\":{\"means\":[[0.2,0.2],[0.8,0.8]]}"));
        assertEquals(0, outcome.status(), outcome.json().toString());
        assertEquals(2, outcome.json().get("selectedComponents").asInt());
    }

    @Test
    void badInputNamesTheField() throws IOException {
        assertField("components", bimodal(",\"components\":2,\"maxComponents\":3"));
        assertField("components", bimodal(""));
        assertField("init.means", bimodal(",\"components\":2,\"init\":{\"means\":[[0.2,0.2]]}"));
        assertField("weights", "{\"points\":[[0,0],[1,1]],\"weights\":[0.5,0.4],\"components\":1}");
        assertField("weights", "{\"points\":[[0,0],[1,1]],\"weights\":[0.5],\"components\":1}");
        assertField("points[1][1]", "{\"points\":[[0,0],[1,NaN]],\"weights\":[0.5,0.5],\"components\":1}");
        assertField("components", "{\"points\":[[0,0],[1,1]],\"weights\":[0.5,0.5],\"components\":3}");
        assertField("penalty", bimodal(",\"maxComponents\":2,\"penalty\":-1"));
        // Without a floor, a component on three collinear points has a singular covariance.
        assertField("covarianceFloor", "{\"points\":[[0,0],[0.5,0.5],[1,1]],\"weights\":[0.25,0.5,0.25],"
                + "\"components\":1,\"covarianceFloor\":0}");
    }

    static void assertField(String field, String request) throws IOException {
        Outcome outcome = run("attention/mixture", request);
        assertEquals(2, outcome.status(), outcome.json().toString());
        assertEquals(field, outcome.json().get("field").asText(), outcome.json().toString());
    }
}
