package dev.fovea.serving.ops;

import static dev.fovea.serving.ops.OpsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fovea.serving.ops.OpsCommandTest.Outcome;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code alignment/soft-dtw} through the command-line edge, checked against values written out here. */
class SoftDtwOpTest {

    @Test
    void oneByOneIsTheSquaredDifference() throws IOException {
        // One cell: R = δ = (1 − 3)² = 4, gradient 2(x − y) = −4; sdtw(x, x) = sdtw(y, y) = 0 so D = 4.
        Outcome outcome = run("alignment/soft-dtw", "{\"x\":[1],\"y\":[3],\"gamma\":0.5}");
        assertEquals(0, outcome.status(), outcome.json().toString());
        assertEquals(4.0, outcome.json().get("value").doubleValue(), 0.0);
        assertEquals(4.0, outcome.json().get("divergence").doubleValue(), 0.0);
        assertEquals(-4.0, outcome.json().at("/gradient/0").doubleValue(), 0.0);
    }

    @Test
    void twoByOneWrittenOut() throws IOException {
        // x = (0, 1), y = (0): the only path is (0,0),(1,0), cost 0 + 1 = 1; sdtw(y, y) = 0;
        // sdtw(x, x) = 0 + 0 + softmin(0, 1, 1) ... over the 2×2 grid: R11 = 0, R12 = R21 = 1,
        // R22 = 0 − γ log(e^0 + 2e^{−1/γ}).
        double gamma = 0.5;
        Outcome outcome = run("alignment/soft-dtw", "{\"x\":[[0],[1]],\"y\":[[0]],\"gamma\":0.5}");
        assertEquals(0, outcome.status(), outcome.json().toString());
        double self = -gamma * Math.log(1 + 2 * Math.exp(-1 / gamma));
        assertEquals(1.0, outcome.json().get("value").doubleValue(), 1e-15);
        assertEquals(1.0 - 0.5 * self, outcome.json().get("divergence").doubleValue(), 1e-15);
        JsonNode g = outcome.json().get("gradient");
        assertEquals(2, g.size());
        assertEquals(0.0, g.get(0).get(0).doubleValue(), 1e-15);
        assertEquals(2.0, g.get(1).get(0).doubleValue(), 1e-15);
    }

    @Test
    void gradientMatchesCentralDifferencesThroughTheOp() throws IOException {
        double[] x = {0.3, -1.2, 0.8, 2.0};
        double h = 1e-6;
        JsonNode g = run("alignment/soft-dtw", request(x)).json().get("gradient");
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + h;
            double plus = run("alignment/soft-dtw", request(x)).json().get("value").doubleValue();
            x[i] = keep - h;
            double minus = run("alignment/soft-dtw", request(x)).json().get("value").doubleValue();
            x[i] = keep;
            double fd = (plus - minus) / (2 * h);
            assertEquals(fd, g.get(i).doubleValue(), 1e-6 * Math.max(1, Math.abs(fd)));
        }
    }

    static String request(double[] x) {
        StringBuilder s = new StringBuilder("{\"gamma\":0.3,\"y\":[0,1,1.5],\"x\":[");
        for (int i = 0; i < x.length; i++) {
            s.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", x[i]));
        }
        return s.append("]}").toString();
    }

    @Test
    void badInputExitsTwoNamingTheField() throws IOException {
        assertField("alignment/soft-dtw", "gamma", "{\"x\":[1],\"y\":[3],\"gamma\":0}", "gamma must be > 0");
        assertField("alignment/soft-dtw", "gamma", "{\"x\":[1],\"y\":[3],\"gamma\":-1}", "gamma must be > 0");
        assertField("alignment/soft-dtw", "gamma", "{\"x\":[1],\"y\":[3]}", "gamma is required");
        assertField("alignment/soft-dtw", "x", "{\"x\":[],\"y\":[3],\"gamma\":1}", "x must not be empty");
        assertField("alignment/soft-dtw", "y[1]", "{\"x\":[1],\"y\":[3,\"NaN\"],\"gamma\":1}", "must be a number");
        assertField("alignment/soft-dtw", "y", "{\"x\":[[1,2]],\"y\":[[3]],\"gamma\":1}", "y has 1 channels, x has 2");
        assertField("alignment/soft-dtw", "radiusCells", "{\"x\":[1,2,3,4],\"y\":[3],\"gamma\":1,\"radiusCells\":1}",
                "window: a Sakoe-Chiba band |i - j| <= 1 cannot reach (n - 1, m - 1) for n = 4, m = 1");
        assertField("alignment/soft-dtw", "radiusCells", "{\"x\":[1],\"y\":[3],\"gamma\":1,\"radiusCells\":-1}",
                "radiusCells");
        assertField("alignment/soft-dtw", "radiusCells", "{\"x\":[1],\"y\":[3],\"gamma\":1,\"radiusCells\":1,"
                + "\"window\":{\"type\":\"none\"}}", "radiusCells must be absent when window is given");
    }

    @Test
    void aBandOfRadiusZeroIsTheSquaredEuclideanDistance() throws IOException {
        // x = (0, 1, 3), y = (1, 1, 1), |i − j| <= 0: the diagonal alone, value (0−1)² + 0² + (3−1)² = 5 for any γ,
        // gradient 2(x_i − y_i) = (−2, 0, 4); the self-terms are diagonals of zero cost, so the divergence is 5 too.
        // The Itakura parallelogram on a 3 × 3 grid admits only the diagonal as well (j <= s i and
        // (n−1−i) <= s (m−1−j) exclude (0, 1), (1, 0), (1, 2), (2, 1) for s = 2).
        for (String window : new String[] {"{\"type\":\"sakoe-chiba\",\"radiusCells\":0}",
                "{\"type\":\"itakura\",\"maxSlope\":2}"}) {
            Outcome outcome = run("alignment/soft-dtw", "{\"x\":[0,1,3],\"y\":[1,1,1],\"gamma\":0.7,\"window\":"
                    + window + "}");
            assertEquals(0, outcome.status(), outcome.json().toString());
            assertEquals(5.0, outcome.json().get("value").doubleValue(), 1e-15, window);
            assertEquals(5.0, outcome.json().get("divergence").doubleValue(), 1e-15, window);
            assertEquals("[-2.0,0.0,4.0]", outcome.json().get("gradient").toString(), window);
        }
        // Without a window the soft minimum over all paths is below the diagonal's 5.
        Outcome free = run("alignment/soft-dtw", "{\"x\":[0,1,3],\"y\":[1,1,1],\"gamma\":0.7}");
        assertTrue(free.json().get("value").doubleValue() < 5.0, free.json().toString());
        // The top-level shorthand is the same band.
        Outcome shorthand = run("alignment/soft-dtw", "{\"x\":[0,1,3],\"y\":[1,1,1],\"gamma\":0.7,\"radiusCells\":0}");
        assertEquals(5.0, shorthand.json().get("value").doubleValue(), 1e-15);
    }

    @Test
    void aMaskWithOnePathHasThatPathsCostAndNoDivergence() throws IOException {
        // x = (1, 2, 3), y = (1, 3); the mask admits (0,0), (0,1), (1,1), (2,1), so two paths remain:
        // (0,0),(1,1),(2,1) of cost 0 + 1 + 0 = 1 and (0,0),(0,1),(1,1),(2,1) of cost 0 + 4 + 1 + 0 = 5, and
        // value = −γ log(e^{−1/γ} + e^{−5/γ}).
        double gamma = 0.8;
        Outcome outcome = run("alignment/soft-dtw", "{\"x\":[1,2,3],\"y\":[1,3],\"gamma\":0.8,\"window\":"
                + "{\"type\":\"mask\",\"mask\":[[true,true],[false,true],[false,true]]}}");
        assertEquals(0, outcome.status(), outcome.json().toString());
        double p = Math.exp(-1 / gamma) / (Math.exp(-1 / gamma) + Math.exp(-5 / gamma));
        assertEquals(-gamma * Math.log(Math.exp(-1 / gamma) + Math.exp(-5 / gamma)),
                outcome.json().get("value").doubleValue(), 1e-14);
        assertTrue(outcome.json().get("divergence").isNull(), outcome.json().toString());
        // Gradient: x0 meets y0 (cost 0) on both paths and y1 = 3 on the second, with probability 1 − p:
        // 2(1 − 3)(1 − p); x1 meets y1 on both: 2(2 − 3); x2 meets y1 on both: 0.
        JsonNode g = outcome.json().get("gradient");
        assertEquals(-4 * (1 - p), g.get(0).doubleValue(), 1e-14);
        assertEquals(-2.0, g.get(1).doubleValue(), 1e-14);
        assertEquals(0.0, g.get(2).doubleValue(), 1e-14);
    }

    @Test
    void windowErrorsAreDtwsErrors() throws IOException {
        String[] windows = {
            "{\"type\":\"sakoe-chiba\",\"radiusCells\":1}",
            "{\"type\":\"sakoe-chiba\"}",
            "{\"type\":\"sakoe-chiba\",\"radiusCells\":-2}",
            "{\"type\":\"itakura\",\"maxSlope\":0.5}",
            "{\"type\":\"itakura\",\"maxSlope\":1.5}",
            "{\"type\":\"ring\"}",
            "{}",
            "{\"type\":\"mask\"}",
            "{\"type\":\"mask\",\"mask\":[[true,true],[true,true]]}",
            "{\"type\":\"mask\",\"mask\":[[true,false],[false,false],[false,false],[false,true]]}",
            "{\"type\":\"mask\",\"mask\":[[true,false],[true]]}",
            "{\"type\":\"mask\",\"mask\":[[true,1],[true,true]]}",
        };
        String[] fields = {"window", "window.radiusCells", "window.radiusCells", "window.maxSlope", "window",
            "window.type", "window.type", "window.mask", "window.mask", "window.mask", "window.mask[1]",
            "window.mask[0][1]"};
        for (int k = 0; k < windows.length; k++) {
            String body = "{\"x\":[1,2,3,4],\"y\":[1,3],\"gamma\":1,\"window\":" + windows[k] + "}";
            Outcome soft = run("alignment/soft-dtw", body);
            Outcome dtw = run("alignment/dtw", body.replace("\"gamma\":1,", ""));
            assertEquals(OpsCommand.INVALID_REQUEST, soft.status(), windows[k] + " " + soft.json());
            assertEquals(fields[k], soft.json().get("field").asText(), windows[k] + " " + soft.json());
            assertEquals(dtw.json().get("field"), soft.json().get("field"), windows[k]);
            assertEquals(dtw.json().get("detail"), soft.json().get("detail"), windows[k]);
        }
    }

    /** Exit status 2, a 400 problem on {@code field}, the detail containing {@code fragment}. */
    static void assertField(String op, String field, String body, String fragment) throws IOException {
        Outcome outcome = run(op, body);
        assertEquals(OpsCommand.INVALID_REQUEST, outcome.status(), outcome.json().toString());
        assertEquals(field, outcome.json().get("field").asText(), outcome.json().toString());
        assertEquals(400, outcome.json().get("status").asInt());
        assertTrue(outcome.json().toString().contains(fragment), outcome.json().toString());
    }
}
