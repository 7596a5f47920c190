package dev.fovea.serving.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once start-up model work is finished, so that the first prediction finds a model. */
@Readiness
@ApplicationScoped
public class ModelsReadiness implements HealthCheck {

    private final ModelBootstrap bootstrap;

    @Inject
    ModelsReadiness(ModelBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("models").status(bootstrap.isDone()).build();
    }
}
