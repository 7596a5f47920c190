package dev.fovea.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.vqa.AttentionKind;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    private static String rejection(String name, int steps, int batchSize, double learningRate) {
        return assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(name,
                AttentionKind.DISCRETE_SOFTMAX, steps, batchSize, learningRate, 1, ShapesConfig.DEFAULT)).getMessage();
    }

    @Test
    void defaultsAreThoseDocumented() {
        TrainingConfig c = TrainingConfig.defaults("demo", AttentionKind.CONTINUOUS_SOFTMAX, 5);
        assertEquals(300, c.steps());
        assertEquals(32, c.batchSize());
        assertEquals(3e-3, c.learningRate());
        assertEquals(ShapesConfig.DEFAULT, c.dataset());
        assertEquals(5, c.datasetSeed());
        assertEquals(50, c.withSteps(50).steps());
        assertEquals(9, c.withDatasetSeed(9).datasetSeed());
    }

    @Test
    void errorsNameTheFieldAndTheValue() {
        assertEquals("name must match [a-z0-9][a-z0-9-]{0,62}, got 'Bad Name'", rejection("Bad Name", 10, 8, 1e-3));
        assertEquals("name must match [a-z0-9][a-z0-9-]{0,62}, got '-lead'", rejection("-lead", 10, 8, 1e-3));
        assertEquals("name must match [a-z0-9][a-z0-9-]{0,62}, got '../up'", rejection("../up", 10, 8, 1e-3));
        assertEquals("name must match [a-z0-9][a-z0-9-]{0,62}, got null", rejection(null, 10, 8, 1e-3));
        assertEquals("name must match [a-z0-9][a-z0-9-]{0,62}, got '" + "a".repeat(64) + "'",
                rejection("a".repeat(64), 10, 8, 1e-3));
        assertEquals("steps must be in 1..100000, got 0", rejection("ok", 0, 8, 1e-3));
        assertEquals("steps must be in 1..100000, got 100001", rejection("ok", 100_001, 8, 1e-3));
        assertEquals("batchSize must be in 1..1024, got 0", rejection("ok", 10, 0, 1e-3));
        assertEquals("learningRate must be in (0, 1], got NaN", rejection("ok", 10, 8, Double.NaN));
        assertEquals("learningRate must be in (0, 1], got 0.0", rejection("ok", 10, 8, 0.0));
        assertEquals("a".repeat(63), TrainingConfig.requireValidName("a".repeat(63)));
    }
}
