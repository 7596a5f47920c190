package dev.fovea.serving.models;

import dev.fovea.models.vqa.AttentionKind;
import dev.fovea.training.TrainingConfig;
import dev.fovea.training.TrainingDivergedException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives a fresh installation something to look at: when the catalog is empty at start-up, trains one model per
 * attention kind ({@code shapes-discrete}, {@code shapes-continuous}) in the background. The platform reports ready
 * once this is done.
 */
@ApplicationScoped
public class ModelBootstrap {

    private static final Logger LOG = Logger.getLogger(ModelBootstrap.class);

    /** Seed of the default models' dataset, so that every fresh installation shows the same samples. */
    static final long DATASET_SEED = 7L;
    /** How many further seeds a diverged default model is tried on. */
    static final int DIVERGENCE_RETRIES = 2;

    private final ModelService models;
    private final boolean enabled;
    private final int steps;
    private final int port;
    private volatile CompletableFuture<Void> done = new CompletableFuture<>();

    @Inject
    ModelBootstrap(ModelService models, @ConfigProperty(name = "fovea.models.bootstrap") boolean enabled,
            @ConfigProperty(name = "fovea.models.bootstrap-steps") int steps,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        this.models = models;
        this.enabled = enabled;
        this.steps = steps;
        this.port = port;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled || !models.isEmpty()) {
            announce();
            done.complete(null);
            return;
        }
        done = CompletableFuture.runAsync(() -> {
            for (AttentionKind kind : AttentionKind.values()) {
                String name = "shapes-" + kind.id().substring(0, kind.id().indexOf('-'));
                LOG.infof("the catalog is empty: training %s (%s, %d steps)", name, kind.id(), steps);
                trainDefault(TrainingConfig.defaults(name, kind, DATASET_SEED).withSteps(steps));
            }
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("training the default models failed; the platform runs without them", failure);
            }
            announce();
        });
    }

    /**
     * Trains one default model; a run that diverges is tried again on the next dataset seeds (the seed used is
     * recorded with the model), because a fresh installation should not start without its models.
     */
    private void trainDefault(TrainingConfig config) {
        for (int attempt = 0; ; attempt++) {
            try {
                models.train(config.withDatasetSeed(config.datasetSeed() + attempt));
                return;
            } catch (TrainingDivergedException e) {
                if (attempt == DIVERGENCE_RETRIES) {
                    throw e;
                }
                LOG.warnf("%s; trying dataset seed %d", e.getMessage(), config.datasetSeed() + attempt + 1);
            }
        }
    }

    private void announce() {
        LOG.infof("Fovea is ready: http://localhost:%d/", port);
    }

    /** Whether start-up work is finished (successfully or not). */
    public boolean isDone() {
        return done.isDone();
    }
}
