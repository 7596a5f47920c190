package dev.fovea.training.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.vqa.AttentionKind;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * The {@code model.json} format, version {@value #FORMAT}: a file record separate from {@link ModelMetadata} so that
 * renaming a Java component never changes the files on disk.
 *
 * <pre>{@code
 * { "format": 1, "name": "shapes-demo", "version": 2, "attentionKind": "continuous-softmax",
 *   "metrics": { "loss": 0.81, ... }, "datasetSeed": 1, "steps": 300,
 *   "dataset": { "imageSize": 32, "grid": 8, "maxShapes": 4, "shapeSize": 7 },
 *   "createdAt": "2025-11-20T22:30:00Z" }
 * }</pre>
 * Unknown fields are ignored (a newer writer may add some); a missing field or another format number is an error.
 */
final class ModelMetadataJson {

    static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private ModelMetadataJson() {
    }

    record DatasetJson(int imageSize, int grid, int maxShapes, int shapeSize) {
    }

    record FileJson(int format, String name, int version, String attentionKind, LinkedHashMap<String, Double> metrics,
            long datasetSeed, int steps, DatasetJson dataset, Instant createdAt) {
    }

    static String write(ModelMetadata m) {
        ShapesConfig s = m.dataset();
        FileJson file = new FileJson(FORMAT, m.name(), m.version(), m.attentionKind().id(),
                new LinkedHashMap<>(m.metrics()), m.datasetSeed(), m.steps(),
                new DatasetJson(s.imageSize(), s.grid(), s.maxShapes(), s.shapeSize()), m.createdAt());
        try {
            return MAPPER.writeValueAsString(file) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise metadata of " + m.name() + " v" + m.version(), e);
        }
    }

    /**
     * @throws IllegalArgumentException if the text is not valid JSON of this format or a value is invalid
     */
    static ModelMetadata read(String json) {
        FileJson file;
        try {
            file = MAPPER.readValue(json, FileJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model.json is not valid: " + e.getOriginalMessage(), e);
        }
        if (file.format() != FORMAT) {
            throw new IllegalArgumentException(
                    "model.json has format " + file.format() + ", this build reads format " + FORMAT);
        }
        if (file.dataset() == null || file.metrics() == null) {
            throw new IllegalArgumentException("model.json must have 'dataset' and 'metrics'");
        }
        DatasetJson s = file.dataset();
        return new ModelMetadata(file.name(), file.version(), AttentionKind.parse(file.attentionKind()),
                file.metrics(), file.datasetSeed(), file.steps(),
                new ShapesConfig(s.imageSize(), s.grid(), s.maxShapes(), s.shapeSize()), file.createdAt());
    }
}
