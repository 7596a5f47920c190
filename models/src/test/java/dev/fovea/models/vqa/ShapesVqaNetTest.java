package dev.fovea.models.vqa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.fovea.models.shapes.Question;
import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.shapes.ShapesDataset;
import dev.fovea.models.shapes.ShapesSample;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShapesVqaNetTest {

    private static final ShapesConfig CONFIG = ShapesConfig.DEFAULT;

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @ParameterizedTest
    @EnumSource(AttentionKind.class)
    void outputsLogitsAndAnAttentionMapThatSumsToOne(AttentionKind kind) {
        ShapesVqaNet net = new ShapesVqaNet(CONFIG, kind);
        int batch = 5;
        net.initialize(manager, DataType.FLOAT32, net.inputShapes(batch));
        List<ShapesSample> samples = new ShapesDataset(CONFIG).samples(3, 0, batch);
        NDList inputs = ShapesVqaNet.inputs(manager, CONFIG, samples.stream().map(ShapesSample::rgb).toList(),
                samples.stream().map(ShapesSample::question).toList());
        assertEquals(new Shape(batch, 3, 32, 32), inputs.get(0).getShape());
        NDList out = net.forward(new ParameterStore(manager, false), inputs, false);
        assertEquals(new Shape(batch, 5), out.get(0).getShape());
        assertEquals(new Shape(batch, 64), out.get(1).getShape());
        assertArrayEquals(net.getOutputShapes(net.inputShapes(batch)),
                new Shape[] {out.get(0).getShape(), out.get(1).getShape()});
        float[] map = out.get(1).toFloatArray();
        for (int b = 0; b < batch; b++) {
            double sum = 0;
            for (int l = 0; l < 64; l++) {
                float v = map[b * 64 + l];
                assertTrue(v >= 0f && Float.isFinite(v), kind + " cell " + l + ": " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-5, kind + " row " + b);
        }
        for (float logit : out.get(0).toFloatArray()) {
            assertTrue(Float.isFinite(logit));
        }
    }

    @Test
    void inputsPutPixelsInChannelsFirstOrderAndTheQuestionAsMultiHot() {
        float[] rgb = new float[CONFIG.pixelValueCount()];
        int x = 5;
        int y = 9;
        rgb[3 * (y * 32 + x) + 2] = 0.75f; // blue channel of pixel (x, y)
        Question q = Question.parse("how many green squares?");
        NDList inputs = ShapesVqaNet.inputs(manager, CONFIG, List.of(rgb), List.of(q));
        assertEquals(0.75f, inputs.get(0).getFloat(0, 2, y, x));
        float[] tokens = inputs.get(1).toFloatArray();
        float[] expected = new float[Question.TOKEN_COUNT];
        for (int id : q.tokenIds()) {
            expected[id] = 1f;
        }
        assertArrayEquals(expected, tokens);
    }

    @Test
    void rejectsACellSizeTheConvolutionsCannotReach() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ShapesVqaNet(new ShapesConfig(24, 8, 2, 5), AttentionKind.DISCRETE_SOFTMAX));
        assertEquals("ShapesVqaNet needs a power-of-two cell size >= 2 px, got 3 (imageSize 24, grid 8)",
                e.getMessage());
    }

    @Test
    void attentionKindIdsRoundTrip() {
        for (AttentionKind kind : AttentionKind.values()) {
            assertEquals(kind, AttentionKind.parse(kind.id()));
        }
        assertEquals("discrete-softmax", AttentionKind.DISCRETE_SOFTMAX.id());
        assertEquals("continuous-softmax", AttentionKind.CONTINUOUS_SOFTMAX.id());
        assertEquals("unknown attention kind 'sparsemax', expected one of discrete-softmax, continuous-softmax",
                assertThrows(IllegalArgumentException.class, () -> AttentionKind.parse("sparsemax")).getMessage());
    }
}
