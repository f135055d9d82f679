package org.polaris.launcher.metrics;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.polaris.schemas.avro.RunSummary;

/**
 * Ops dashboards over runs: counts every final run summary into Prometheus counters
 * ({@code /q/metrics}): {@code polaris_runs_total{kind,status}} and
 * {@code polaris_rows_total{kind,outcome}}. One consumer group across replicas, so each run is
 * counted once however many instances run.
 */
@ApplicationScoped
public class RunMetrics {

    public static final String CHANNEL = "run-summaries-in";

    @Inject
    MeterRegistry registry;

    @Incoming(CHANNEL)
    public void onSummary(Object payload) {
        if (!(payload instanceof RunSummary s) || !s.getFinalSummary()) {
            return; // progress summaries and undecodable bytes are not counted
        }
        String kind = s.getKind().toLowerCase(Locale.ROOT);
        registry.counter("polaris.runs", "kind", kind, "status", s.getStatus().name().toLowerCase(Locale.ROOT)).increment();
        rows(kind, "created", s.getCreated());
        rows(kind, "updated", s.getUpdated());
        rows(kind, "skipped", s.getSkipped());
        rows(kind, "unmatched_teacher", s.getUnmatchedTeacher());
        rows(kind, "unmatched_event", s.getUnmatchedEvent());
        rows(kind, "invalid", s.getInvalid());
        rows(kind, "waiting", s.getWaiting());
    }

    private void rows(String kind, String outcome, int n) {
        registry.counter("polaris.rows", "kind", kind, "outcome", outcome).increment(n);
    }
}
