package org.polaris.normalizer.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the normalizer waits for the broker to take its outputs (its poll is being sent again). */
@Readiness
@ApplicationScoped
public class NormalizerReadiness implements HealthCheck {

    @Inject
    RawRowConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        var waiting = consumer.status().current();
        var response = HealthCheckResponse.named("normalizer").status(waiting.isEmpty());
        waiting.ifPresent(w -> response.withData("waiting since", w.since().toString()).withData("reason", w.reason()));
        return response.build();
    }
}
