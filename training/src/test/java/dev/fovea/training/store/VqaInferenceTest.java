package dev.fovea.training.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.shapes.ShapesDataset;
import dev.fovea.models.shapes.ShapesSample;
import dev.fovea.models.vqa.AttentionKind;
import dev.fovea.models.vqa.ShapesVqaNet;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VqaInferenceTest {

    @ParameterizedTest
    @EnumSource(AttentionKind.class)
    void answersWithNormalisedDistributionsAndValidatesImageAndQuestion(AttentionKind kind) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ShapesVqaNet net = new ShapesVqaNet(ShapesConfig.DEFAULT, kind);
            net.initialize(manager, DataType.FLOAT32, net.inputShapes(1));
            VqaInference inference = new VqaInference(net, manager);
            ShapesSample sample = new ShapesDataset(ShapesConfig.DEFAULT).sample(1, 0);
            Prediction p = inference.predict(sample.rgb(), sample.question().text());
            assertEquals(Integer.toString(p.answerIndex()), p.answer());
            assertEquals(5, p.answerProbabilities().length);
            assertEquals(1.0, Arrays.stream(p.answerProbabilities()).sum(), 1e-12);
            assertEquals(1.0, Arrays.stream(p.attention()).sum(), 1e-12);
            assertEquals(8, p.grid());

            assertEquals("image must have 3072 values (32×32×3), got 100", assertThrows(
                    IllegalArgumentException.class, () -> inference.predict(new float[100], "how many shapes?"))
                    .getMessage());
            float[] nan = sample.rgb().clone();
            nan[5] = Float.NaN;
            assertEquals("image must be finite, got NaN at [5]", assertThrows(IllegalArgumentException.class,
                    () -> inference.predict(nan, "how many shapes?")).getMessage());
            float[] bright = sample.rgb().clone();
            bright[7] = 1.5f;
            assertEquals("image values must be in [0, 1], got 1.5 at [7]", assertThrows(IllegalArgumentException.class,
                    () -> inference.predict(bright, "how many shapes?")).getMessage());
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> inference.predict(sample.rgb(), "how many purple shapes?")).getMessage()
                    .startsWith("question has the unknown word 'purple'"));
        }
    }
}
