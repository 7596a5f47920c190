package dev.fovea.training.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.vqa.AttentionKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelMetadataJsonTest {

    static ModelMetadata example() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", 0.8125);
        metrics.put("accuracy", 0.65625);
        metrics.put("majorityAccuracy", 0.546875);
        metrics.put("attentionOnRelevant", 0.25);
        return new ModelMetadata("shapes-demo", 2, AttentionKind.CONTINUOUS_SOFTMAX, metrics, 7, 300,
                ShapesConfig.DEFAULT, Instant.parse("2025-11-20T22:30:00Z"));
    }

    private static String golden() throws IOException {
        try (InputStream in = ModelMetadataJsonTest.class.getResourceAsStream("model-format-1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesTheGoldenFile() throws IOException {
        assertEquals(golden(), ModelMetadataJson.write(example()));
    }

    @Test
    void readsTheGoldenFileBackWithMetricsInOrder() throws IOException {
        ModelMetadata read = ModelMetadataJson.read(golden());
        assertEquals(example(), read);
        assertEquals(List.of("loss", "accuracy", "majorityAccuracy", "attentionOnRelevant"),
                List.copyOf(read.metrics().keySet()));
    }

    @Test
    void ignoresUnknownFieldsAndRejectsOtherFormatsAndMissingFields() throws IOException {
        String golden = golden();
        assertEquals(example(), ModelMetadataJson.read(golden.replace("\"format\" : 1,",
                "\"format\" : 1, \"addedLater\" : [1, 2],")));
        assertEquals("model.json has format 2, this build reads format 1", assertThrows(IllegalArgumentException.class,
                () -> ModelMetadataJson.read(golden.replace("\"format\" : 1", "\"format\" : 2"))).getMessage());
        var missing = assertThrows(IllegalArgumentException.class,
                () -> ModelMetadataJson.read(golden.replace("\"steps\" : 300,", "")));
        assertTrue(missing.getMessage().startsWith("model.json is not valid: "), missing.getMessage());
        assertTrue(missing.getMessage().contains("steps"), missing.getMessage());
        assertEquals("unknown attention kind 'sparsemax', expected one of discrete-softmax, continuous-softmax",
                assertThrows(IllegalArgumentException.class, () -> ModelMetadataJson.read(
                        golden.replace("continuous-softmax", "sparsemax"))).getMessage());
    }

    @Test
    void metadataValidatesItsFields() {
        ModelMetadata m = example();
        assertEquals("version must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new ModelMetadata(m.name(), 0, m.attentionKind(), m.metrics(), 1, 1, m.dataset(),
                        m.createdAt())).getMessage());
        assertEquals("metrics must have names and finite values, got loss = NaN",
                assertThrows(IllegalArgumentException.class, () -> new ModelMetadata(m.name(), 1, m.attentionKind(),
                        Map.of("loss", Double.NaN), 1, 1, m.dataset(), m.createdAt())).getMessage());
    }
}
