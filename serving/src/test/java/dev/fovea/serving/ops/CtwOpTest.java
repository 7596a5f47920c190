package dev.fovea.serving.ops;

import static dev.fovea.serving.ops.OpsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fovea.serving.ops.OpsCommandTest.Outcome;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code alignment/ctw} through the command-line edge. */
class CtwOpTest {

    /** y is an affine image of x (scaled, shifted, one channel more) with frames 2 and 5 repeated. */
    static String body(String extra) {
        double[][] x = new double[8][2];
        StringBuilder xs = new StringBuilder("[");
        StringBuilder ys = new StringBuilder("[");
        int[] source = {0, 1, 2, 2, 3, 4, 5, 5, 6, 7};
        for (int i = 0; i < 8; i++) {
            x[i][0] = Math.cos(0.7 * i);
            x[i][1] = Math.sin(1.3 * i) + 0.1 * i;
            xs.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.17g,%.17g]", x[i][0], x[i][1]));
        }
        for (int k = 0; k < source.length; k++) {
            double[] f = x[source[k]];
            ys.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.17g,%.17g,%.17g]", 2 * f[0] + 1,
                    f[0] - f[1], 3 * f[1] - 2));
        }
        return "{\"x\":" + xs + "],\"y\":" + ys + "]" + extra + "}";
    }

    @Test
    void recoversTheRepetitionsOfAnAffineImage() throws IOException {
        Outcome outcome = run("alignment/ctw", body(",\"regularization\":0"));
        assertEquals(0, outcome.status(), outcome.json().toString());
        JsonNode path = outcome.json().get("path");
        // The exact alignment: x frame 2 with y frames 2 and 3, x frame 5 with y frames 6 and 7, the rest diagonal.
        int[][] expected = {{0, 0}, {1, 1}, {2, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {5, 7}, {6, 8}, {7, 9}};
        assertEquals(expected.length, path.size(), path.toString());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k][0], path.get(k).get(0).asInt());
            assertEquals(expected[k][1], path.get(k).get(1).asInt());
        }
        assertEquals(0.0, outcome.json().get("cost").doubleValue(), 1e-9);
        int iterations = outcome.json().get("iterations").asInt();
        assertEquals(iterations, outcome.json().get("objective").size());
        assertEquals(outcome.json().get("cost").doubleValue(),
                outcome.json().get("objective").get(iterations - 1).doubleValue(), 0.0);
    }

    @Test
    void badInputExitsTwoNamingTheField() throws IOException {
        SoftDtwOpTest.assertField("alignment/ctw", "maxIterations", body(",\"maxIterations\":0"), "maxIterations must be between 1");
        SoftDtwOpTest.assertField("alignment/ctw", "energy", body(",\"energy\":1.5"), "energy must be in (0, 1]");
        SoftDtwOpTest.assertField("alignment/ctw", "regularization", body(",\"regularization\":-1"), "regularization must be finite and >= 0");
        SoftDtwOpTest.assertField("alignment/ctw", "x", "{\"x\":[],\"y\":[[1]]}", "x must not be empty");
        SoftDtwOpTest.assertField("alignment/ctw", "y", "{\"x\":[[1],[2]]}", "y is required");
        SoftDtwOpTest.assertField("alignment/ctw", "y[1]", "{\"x\":[[1],[2]],\"y\":[[1],[2,3]]}", "must be rectangular");
    }
}
