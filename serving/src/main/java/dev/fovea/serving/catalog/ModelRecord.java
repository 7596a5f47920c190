package dev.fovea.serving.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database row of one trained model version: what it is, how it was trained, how well it did, where its weights
 * are. The weights themselves live in the model store on disk; this row is written only after they are complete.
 */
@Entity
@Table(name = "model_record", uniqueConstraints = @UniqueConstraint(columnNames = {"name", "version"}))
public class ModelRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 63)
    private String name;

    @Column(nullable = false)
    private int version;

    @Column(name = "attention_kind", nullable = false, length = 40)
    private String attentionKind;

    @Column(name = "dataset_seed", nullable = false)
    private long datasetSeed;

    @Column(nullable = false)
    private int steps;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "model_metric", joinColumns = @JoinColumn(name = "model_id"))
    @MapKeyColumn(name = "metric")
    @Column(name = "metric_value", nullable = false)
    @OrderBy("metric")
    private Map<String, Double> metrics = new LinkedHashMap<>();

    /** For JPA. */
    protected ModelRecord() {
    }

    ModelRecord(String name, int version, String attentionKind, long datasetSeed, int steps, Instant createdAt,
            Map<String, Double> metrics) {
        this.name = name;
        this.version = version;
        this.attentionKind = attentionKind;
        this.datasetSeed = datasetSeed;
        this.steps = steps;
        this.createdAt = createdAt;
        this.metrics = new LinkedHashMap<>(metrics);
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    int version() {
        return version;
    }

    String attentionKind() {
        return attentionKind;
    }

    long datasetSeed() {
        return datasetSeed;
    }

    int steps() {
        return steps;
    }

    Instant createdAt() {
        return createdAt;
    }

    Map<String, Double> metrics() {
        return metrics;
    }
}
