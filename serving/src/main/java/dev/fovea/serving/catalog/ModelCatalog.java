package dev.fovea.serving.catalog;

import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The model records in the database, on whichever persistence unit is active: the embedded H2 one by default,
 * the PostgreSQL one under the {@code pg} profile. Both map the same entity; exactly one is active at run time.
 */
@ApplicationScoped
public class ModelCatalog {

    private final InjectableInstance<Session> sessions;

    @Inject
    ModelCatalog(@Any InjectableInstance<Session> sessions) {
        this.sessions = sessions;
    }

    private Session session() {
        return sessions.getActive();
    }

    /** Every model version, newest first. */
    @Transactional
    public List<ModelSummary> list() {
        return session().createSelectionQuery("from ModelRecord order by createdAt desc, name, version desc",
                ModelRecord.class).getResultList().stream().map(ModelSummary::of).toList();
    }

    /** How many model versions there are. */
    @Transactional
    public long count() {
        return session().createSelectionQuery("select count(*) from ModelRecord", Long.class).getSingleResult();
    }

    /** One model version. */
    @Transactional
    public Optional<ModelSummary> find(String name, int version) {
        return session().createSelectionQuery("from ModelRecord where name = :name and version = :version",
                        ModelRecord.class)
                .setParameter("name", name).setParameter("version", version)
                .uniqueResultOptional().map(ModelSummary::of);
    }

    /** The highest version of a model. */
    @Transactional
    public Optional<ModelSummary> latest(String name) {
        return session().createSelectionQuery("from ModelRecord where name = :name order by version desc",
                        ModelRecord.class)
                .setParameter("name", name).setMaxResults(1)
                .uniqueResultOptional().map(ModelSummary::of);
    }

    /**
     * Records a trained model version in one transaction (the row and its metrics, or nothing).
     *
     * @throws jakarta.persistence.PersistenceException if that name and version are already recorded
     */
    @Transactional
    public ModelSummary register(String name, int version, String attentionKind, long datasetSeed, int steps,
            Instant createdAt, Map<String, Double> metrics) {
        ModelRecord record = new ModelRecord(name, version, attentionKind, datasetSeed, steps, createdAt, metrics);
        session().persist(record);
        session().flush();
        return ModelSummary.of(record);
    }
}
