package dev.quoteline.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the start-up seed load has run (the database check comes with the datasource extension). */
@Readiness
@ApplicationScoped
public class SeedLoadReadiness implements HealthCheck {
    @Inject
    SeedLoader seeds;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("seed-load").status(seeds.finished()).build();
    }
}
