package dev.fovea.serving.ops;

import static dev.fovea.serving.ops.OpsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fovea.serving.ops.OpsCommandTest.Outcome;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code sampling/affine-grid}, {@code sampling/grid-sample} and {@code attention/glimpse} through the command-line
 * edge, against values worked out by hand from PyTorch's definitions, and bad input naming its field.
 */
class SpatialOpsTest {

    @Test
    void theIdentityAffineGridWithAlignedCornersIsTheCornerCentres() throws IOException {
        Outcome outcome = run("sampling/affine-grid",
                "{\"theta\":[[[1,0,0],[0,1,0]]],\"size\":[1,3,2,2],\"alignCorners\":true}");
        assertEquals(0, outcome.status(), outcome.json().toString());
        // Aligned, 2 pixels per side: targets −1 and 1, (x, y) with y the row.
        assertEquals("[[[[-1.0,-1.0],[1.0,-1.0]],[[-1.0,1.0],[1.0,1.0]]]]", outcome.json().get("grid").toString());
        // Not aligned: centres at ±1/2.
        outcome = run("sampling/affine-grid", "{\"theta\":[[[1,0,0],[0,1,0]]],\"size\":[1,1,2,2]}");
        assertEquals(-0.5, outcome.json().at("/grid/0/0/0/0").doubleValue());
        assertEquals(0.5, outcome.json().at("/grid/0/1/1/1").doubleValue());
    }

    @Test
    void gridSampleOfATwoByTwoImage() throws IOException {
        // U = [[1, 2], [3, 4]]. Centre: the mean 2.5. (−1, −1) not aligned is the outer corner, i = (−0.5, −0.5):
        // with zeros one tap of weight 1/4 on U[0][0] = 1 → 0.25; with border → 1.
        String input = "\"input\":[[[[1,2],[3,4]]]],\"grid\":[[[[0,0],[-1,-1]]]]";
        Outcome zeros = run("sampling/grid-sample", "{" + input + ",\"padding\":\"zeros\"}");
        assertEquals(0, zeros.status(), zeros.json().toString());
        JsonNode row = zeros.json().at("/output/0/0/0");
        assertEquals(2.5, row.get(0).doubleValue(), 1e-15);
        assertEquals(0.25, row.get(1).doubleValue(), 1e-15);
        Outcome border = run("sampling/grid-sample", "{" + input + ",\"padding\":\"border\",\"mode\":\"nearest\"}");
        // Nearest: rint(0.5) = 0 (ties to even), U[0][0]; the corner clamps to U[0][0].
        assertEquals("[[[[1.0,1.0]]]]", border.json().get("output").toString());
    }

    @Test
    void theGlimpseAtTheCentreIsTheCropAndThenItsPooledSurrounding() throws IOException {
        // 1 × 4 × 6, value 10·row + column; l = 0: centre (3, 2). Patch 0 (side 2): rows 1–2, columns 2–3.
        // Patch 1 (side 4): rows 0–3, columns 1–4, 2×2 blocks: block (0, 0) mean row 0.5, mean column 1.5 → 6.5.
        String image = "[[[0,1,2,3,4,5],[10,11,12,13,14,15],[20,21,22,23,24,25],[30,31,32,33,34,35]]]";
        Outcome outcome = run("attention/glimpse",
                "{\"image\":" + image + ",\"location\":[0,0],\"patches\":2,\"size\":2,\"scale\":2}");
        assertEquals(0, outcome.status(), outcome.json().toString());
        assertEquals("[[12.0,13.0],[22.0,23.0]]", outcome.json().at("/glimpse/0/0").toString());
        assertEquals(6.5, outcome.json().at("/glimpse/1/0/0/0").doubleValue(), 1e-15);
        assertEquals(10 * 2.5 + 3.5, outcome.json().at("/glimpse/1/0/1/1").doubleValue(), 1e-15);
    }

    @Test
    void badInputExitsTwoNamingTheField() throws IOException {
        assertField("grid", "{\"input\":[[[[1,2],[3,4]]]],\"grid\":[[[[0,0,0]]]]}");
        assertField("grid[0][0][0][1]", "{\"input\":[[[[1,2],[3,4]]]],\"grid\":[[[[0,NaN]]]]}");
        assertField("grid", "{\"input\":[[[[1,2],[3,4]]]],\"grid\":[[[[0,0]]],[[[0,0]]]]}");
        assertField("mode", "{\"input\":[[[[1,2],[3,4]]]],\"grid\":[[[[0,0]]]],\"mode\":\"bicubic\"}");
        assertField("padding", "{\"input\":[[[[1,2],[3,4]]]],\"grid\":[[[[0,0]]]],\"padding\":\"wrap\"}");
        assertField("input[0][0][1]", "{\"input\":[[[[1,2],[3]]]],\"grid\":[[[[0,0]]]]}");
        // Planes of different sizes pass the JSON reader; the kernel names its argument.
        assertField("input", "{\"input\":[[[[1,2]],[[1,2],[3,4]]]],\"grid\":[[[[0,0]]]]}");
        assertField("theta[0][1]", "{\"theta\":[[[1,0,0],[0,1]]],\"size\":[1,1,2,2]}");
        assertField("theta", "{\"theta\":[[[1,0],[0,1]]],\"size\":[1,1,2,2]}");
        assertField("theta", "{\"theta\":[[[1,0,0],[0,1,0]]],\"size\":[2,1,2,2]}");
        assertField("size[2]", "{\"theta\":[[[1,0,0],[0,1,0]]],\"size\":[1,1,0.5,2]}");
        String image = "[[[0,1,2,3],[4,5,6,7]]]";
        assertField("scale", "{\"image\":" + image + ",\"location\":[0,0],\"patches\":4,\"size\":2,\"scale\":3}");
        assertField("size", "{\"image\":" + image + ",\"location\":[0,0],\"size\":17}");
        assertField("location", "{\"image\":" + image + ",\"location\":[1.5,0],\"size\":2}");
        assertField("location", "{\"image\":" + image + ",\"location\":[0,0,0],\"size\":2}");
        assertField("image[0][1]", "{\"image\":[[[0,1],[2]]],\"location\":[0,0],\"size\":2}");
    }

    static void assertField(String field, String request) throws IOException {
        String op = request.contains("\"theta\"") ? "sampling/affine-grid"
                : request.contains("\"image\"") ? "attention/glimpse" : "sampling/grid-sample";
        Outcome outcome = run(op, request);
        assertEquals(2, outcome.status(), outcome.json().toString());
        assertEquals(field, outcome.json().get("field").asText(), outcome.json().toString());
        assertTrue(outcome.json().get("detail").asText().length() > 0, outcome.json().toString());
    }
}
