package dev.fovea.models.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapesDatasetTest {

    private static final ShapesConfig CONFIG = ShapesConfig.DEFAULT;
    private static final ShapesDataset DATASET = new ShapesDataset(CONFIG);

    @Test
    void isDeterministicInSeedAndIndex() {
        for (int index : new int[] {0, 1, 17, 1_000_000}) {
            assertEquals(DATASET.sample(42, index), new ShapesDataset(CONFIG).sample(42, index));
        }
        assertNotEquals(DATASET.sample(42, 3), DATASET.sample(42, 4));
        assertNotEquals(DATASET.sample(42, 3).shapes(), DATASET.sample(43, 3).shapes());
        assertEquals(DATASET.samples(7, 10, 3), List.of(DATASET.sample(7, 10), DATASET.sample(7, 11),
                DATASET.sample(7, 12)));
    }

    /** A connected region of one colour found in the pixels, independently of the generator's shape list. */
    private record Blob(Colour colour, List<int[]> pixels) {
        ShapeKind kind() {
            // A square fills its box; the inscribed disc leaves the corners out.
            int s = CONFIG.shapeSize();
            return pixels.size() == s * s ? ShapeKind.SQUARE : ShapeKind.CIRCLE;
        }
    }

    private static List<Blob> blobs(float[] rgb) {
        int side = CONFIG.imageSize();
        boolean[] seen = new boolean[side * side];
        List<Blob> blobs = new ArrayList<>();
        for (int start = 0; start < side * side; start++) {
            Colour colour = colourAt(rgb, start);
            if (seen[start] || colour == null) {
                continue;
            }
            List<int[]> pixels = new ArrayList<>();
            List<Integer> stack = new ArrayList<>(List.of(start));
            seen[start] = true;
            while (!stack.isEmpty()) {
                int p = stack.removeLast();
                int x = p % side;
                int y = p / side;
                pixels.add(new int[] {x, y});
                int[][] neighbours = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
                for (int[] n : neighbours) {
                    if (n[0] >= 0 && n[1] >= 0 && n[0] < side && n[1] < side) {
                        int q = n[1] * side + n[0];
                        if (!seen[q] && colourAt(rgb, q) == colour) {
                            seen[q] = true;
                            stack.add(q);
                        }
                    }
                }
            }
            blobs.add(new Blob(colour, pixels));
        }
        return blobs;
    }

    private static Colour colourAt(float[] rgb, int pixel) {
        for (Colour c : Colour.values()) {
            float[] v = c.rgb();
            if (rgb[3 * pixel] == v[0] && rgb[3 * pixel + 1] == v[1] && rgb[3 * pixel + 2] == v[2]) {
                return c;
            }
        }
        return null;
    }

    @Test
    void answersAndRelevanceAgreeWithTheDrawnPixels() {
        int[] answerCounts = new int[CONFIG.answerCount()];
        for (int index = 0; index < 300; index++) {
            ShapesSample sample = DATASET.sample(5, index);
            List<Blob> blobs = blobs(sample.rgb());
            assertEquals(sample.shapes().size(), blobs.size(), "shapes do not touch, so each is one blob: " + sample);
            Question q = sample.question();
            List<Blob> asked = blobs.stream()
                    .filter(b -> q.colour().map(c -> c == b.colour()).orElse(true))
                    .filter(b -> q.kind().map(k -> k == b.kind()).orElse(true))
                    .toList();
            assertEquals(asked.size(), sample.answer(), sample.toString());
            answerCounts[sample.answer()]++;

            double[] expected = new double[CONFIG.cellCount()];
            int cell = CONFIG.cellSize();
            for (Blob b : asked) {
                for (int[] p : b.pixels()) {
                    expected[(p[1] / cell) * CONFIG.grid() + p[0] / cell] += 1.0 / (cell * cell);
                }
            }
            for (int l = 0; l < expected.length; l++) {
                assertEquals(expected[l], sample.relevance()[l], 1e-12, sample + " cell " + l);
                assertEquals(expected[l] > 0, sample.relevance()[l] > 0, sample + " cell " + l);
                assertTrue(sample.relevance()[l] <= 1.0);
            }
            for (float v : sample.rgb()) {
                assertTrue(v >= 0f && v <= 1f);
            }
        }
        // Every answer occurs, so the task is not a constant.
        for (int a = 0; a < answerCounts.length; a++) {
            assertTrue(answerCounts[a] > 0, "answer " + a + " never occurs");
        }
    }

    @Test
    void rejectsANegativeIndex() {
        assertEquals("index must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> DATASET.sample(1, -1)).getMessage());
    }

    @Test
    void configValidationNamesTheField() {
        assertEquals("grid must be >= 1 and divide imageSize 32, got 5",
                assertThrows(IllegalArgumentException.class, () -> new ShapesConfig(32, 5, 4, 7)).getMessage());
        assertEquals("imageSize must be in 8..256, got 4",
                assertThrows(IllegalArgumentException.class, () -> new ShapesConfig(4, 2, 1, 3)).getMessage());
        assertEquals("shapeSize must be in 3..10 for imageSize 32, got 11",
                assertThrows(IllegalArgumentException.class, () -> new ShapesConfig(32, 8, 4, 11)).getMessage());
        assertEquals("maxShapes must be in 1..9, got 0",
                assertThrows(IllegalArgumentException.class, () -> new ShapesConfig(32, 8, 0, 7)).getMessage());
        assertEquals(4, ShapesConfig.DEFAULT.cellSize());
        assertEquals(5, ShapesConfig.DEFAULT.answerCount());
    }
}
