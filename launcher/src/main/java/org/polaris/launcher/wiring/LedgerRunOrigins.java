package org.polaris.launcher.wiring;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.polaris.ingest.replay.RunOrigins;
import org.polaris.writer.api.ImportRun;

/** Replays' view of the run ledger, in the one-process application: read only (the writer writes it). */
@ApplicationScoped
public class LedgerRunOrigins implements RunOrigins {

    @Override
    public Optional<Origin> byId(String runId) {
        UUID id;
        try {
            id = UUID.fromString(runId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(ImportRun.<ImportRun>findById(id))
                .map(r -> new Origin(r.id.toString(), r.kind, r.status, r.sourceRef, r.window, r.district, r.mode,
                        r.header == null ? null : List.of(r.header), r.expectedRows, r.rawTopic, r.rawPartition,
                        r.rawFirstOffset, r.rawLastOffset, r.endedAt == null ? null : r.endedAt.toInstant())));
    }
}
