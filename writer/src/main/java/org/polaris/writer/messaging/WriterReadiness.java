package org.polaris.writer.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the writer waits for the database or the broker (its poll is tried again until they answer). */
@Readiness
@ApplicationScoped
public class WriterReadiness implements HealthCheck {

    @Inject
    WriterConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        var waiting = consumer.status().current();
        var response = HealthCheckResponse.named("writer").status(waiting.isEmpty());
        waiting.ifPresent(w -> response.withData("waiting since", w.since().toString()).withData("reason", w.reason()));
        return response.build();
    }
}
