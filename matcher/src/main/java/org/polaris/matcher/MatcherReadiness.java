package org.polaris.matcher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the matcher's stream threads are running (tables restored). */
@Readiness
@ApplicationScoped
public class MatcherReadiness implements HealthCheck {

    @Inject
    MatcherStreams streams;

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        return HealthCheckResponse.named("matcher").status(state == KafkaStreams.State.RUNNING)
                .withData("state", state.name()).build();
    }
}
