package org.polaris.ingest.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.polaris.ingest.publish.RunPublisher;
import org.polaris.ingest.publish.RunReceipt;
import org.polaris.ingest.publish.RunRequest;
import org.polaris.ingest.replay.RunOrigins.Origin;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;

/**
 * A replay: a past run's raw rows, read back from the offsets its end marker recorded, published
 * again under a new run id (linked to the original), read through the alias mapping current now.
 * The idempotent writer makes a replay of a completed run safe: unchanged rows are skipped. A run
 * whose rows the raw topic no longer holds (past retention) is refused with the date they expired;
 * a read that finds fewer rows than the run had publishes nothing.
 */
@ApplicationScoped
public class Replays {

    @Inject
    RunOrigins origins;

    @Inject
    RunPublisher publisher;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    /** How long raw topics keep runs (the topics are created with it; see polaris.kafka.raw-retention). */
    @ConfigProperty(name = "polaris.kafka.raw-retention", defaultValue = "P30D")
    Duration retention;

    /** What a replay published and what it read. */
    public record Replay(RunReceipt receipt, String replayOf, RunMode mode, RawRunReader.Read read) {
    }

    /** Why a run cannot be replayed, with the HTTP status that says so (404, 409, 410). */
    public static final class Refused extends RuntimeException {
        public final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    public Replay replay(String runId, boolean validateOnly, String user) {
        Origin run = origins.byId(runId).orElseThrow(() -> new Refused(404, "no run " + runId));
        SourceKind<?> kind = SourceKinds.byId(run.kind() == null ? "" : run.kind()).orElseThrow(() -> new Refused(409,
                "run " + runId + " is of kind " + run.kind() + ", which this build does not import"));
        if ("RUNNING".equals(run.status()) || "STALLED".equals(run.status())) {
            throw new Refused(409, "run " + runId + " is " + run.status().toLowerCase(java.util.Locale.ROOT)
                    + ": replay it once it has completed or been rejected");
        }
        if (run.rawTopic() == null || run.endedAt() == null || run.expectedRows() == null
                || (run.expectedRows() > 0 && (run.firstOffset() == null || run.lastOffset() == null))) {
            throw new Refused(409, "run " + runId + " has no end marker in the ledger, so where its rows lie is unknown; "
                    + "import its source again instead");
        }
        RawRunReader reader = new RawRunReader(kafka);
        Instant expires = run.endedAt().plus(retention);
        if (run.expectedRows() > 0 && reader.earliestOffset(run.rawTopic(), run.rawPartition()) > run.firstOffset()) {
            throw new Refused(410, "the raw rows of run " + runId + " expired on " + expires.atOffset(ZoneOffset.UTC)
                    .toLocalDate() + " (" + run.rawTopic() + " keeps a run's rows " + retention.toDays()
                    + " days after it ends: polaris.kafka.raw-retention); import its source again instead");
        }
        List<String> header = run.header() != null ? run.header() : headerOfFirstRow(reader, run);
        RunMode mode = validateOnly ? RunMode.VALIDATE : RunMode.COMMIT;
        RunRequest request = new RunRequest(kind, run.sourceRef(), run.window(), run.district(), user, mode, runId);
        AtomicReference<RawRunReader.Read> read = new AtomicReference<>(new RawRunReader.Read(run.rawTopic(),
                run.rawPartition(), -1, -1, 0, 0));
        RunReceipt receipt;
        try {
            receipt = publisher.republish(request, header, rows -> {
                if (run.expectedRows() == 0) {
                    return;
                }
                RawRunReader.Read r = reader.read(run.rawTopic(), run.rawPartition(), run.firstOffset(), run.lastOffset(),
                        runId, rows);
                if (r.rows() != run.expectedRows()) {
                    // thrown inside the publish: its transaction is aborted, nothing of the replay is visible
                    throw new RawRunReader.RowsGone("read " + r.rows() + " of the run's " + run.expectedRows() + " rows");
                }
                read.set(r);
            });
        } catch (RawRunReader.RowsGone e) {
            throw new Refused(410, "the raw topic no longer holds every row of run " + runId + " (" + e.getMessage()
                    + "); they expire " + retention.toDays() + " days after the run (" + expires.atOffset(ZoneOffset.UTC)
                    .toLocalDate() + "); nothing was replayed");
        }
        return new Replay(receipt, runId, mode, read.get());
    }

    /** Runs recorded before headers were kept: the header is the first row's columns. */
    private static List<String> headerOfFirstRow(RawRunReader reader, Origin run) {
        if (run.expectedRows() == 0) {
            return List.of();
        }
        List<String> header = new ArrayList<>();
        reader.read(run.rawTopic(), run.rawPartition(), run.firstOffset(), run.firstOffset(), run.runId(),
                row -> header.addAll(row.getCells().keySet()));
        return header;
    }
}
