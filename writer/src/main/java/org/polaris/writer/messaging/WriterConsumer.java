package org.polaris.writer.messaging;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.RunSummary;
import org.polaris.writer.Batch;
import org.polaris.writer.BatchWriter;
import org.polaris.writer.BatchWriter.Written;
import org.polaris.writer.Stores;

/**
 * Thin glue: one poll of the writer's topics becomes one batch. The batch commits in the
 * database, its outputs are acknowledged by the broker, and only then does this method return,
 * which acknowledges the input offsets. A batch the database refuses is retried, then split so
 * that the one refused row is recorded as invalid (with the reason) and the rest go through.
 */
@ApplicationScoped
public class WriterConsumer {

    public static final String CHANNEL = "writer-in";

    private static final Logger LOG = Logger.getLogger(WriterConsumer.class);
    private static final int ATTEMPTS_BEFORE_ISOLATING = 3;

    @Inject
    BatchWriter writer;

    @Inject
    Publisher publisher;

    @Inject
    Stores stores;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(List<Object> payloads) {
        // A failure here would stop the channel, and with it the writer: retry the poll instead
        // (nothing of it is acknowledged until it went through), with backoff, logging why.
        Duration backoff = Duration.ofSeconds(1);
        while (true) {
            try {
                process(payloads);
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "a poll of %d records failed; retrying in %d s", payloads.size(), backoff.toSeconds());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void process(List<Object> payloads) {
        Batch batch = Batch.of(payloads, stores);
        batch.undecodable().forEach(u -> LOG.errorf(
                "skipped an undecodable record on %s (%d bytes): %s", u.topic(), u.size(), u.reason()));
        batch.unexpected().forEach(o -> LOG.errorf("skipped a record no run can claim: %s", o.getClass().getSimpleName()));
        if (batch.size() == 0) {
            return;
        }
        Written written = write(batch);
        publisher.publish(written);
        // a second, short transaction, once the batch's reference rows are on the broker
        List<String> complete = written.progress().stream()
                .filter(s -> s.getExpectedRows() != null && s.getProcessed() >= s.getExpectedRows()
                        && s.getStatus() == org.polaris.schemas.avro.RunStatus.RUNNING)
                .map(RunSummary::getRunId).toList();
        if (!complete.isEmpty()) {
            untilItWorks("complete runs", () -> writer.complete(complete, publisher::completed));
        }
    }

    private Written write(Batch batch) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS_BEFORE_ISOLATING; attempt++) {
            try {
                return committed(writer.write(batch));
            } catch (RuntimeException e) {
                last = e;
                if (Failures.isConflict(e)) {
                    // another writer recorded some of these rows (a rebalance): reload and filter again
                    writer.forget(batch.runIds());
                    continue;
                }
                if (Failures.isTransient(e)) {
                    // the database is away: nothing to isolate, wait for it (never ack what is not recorded)
                    return committed(untilItWorks("write batch", () -> writer.write(batch)));
                }
                LOG.warnf("batch of %d records refused (attempt %d): %s", batch.size(), attempt, Failures.describe(e));
            }
        }
        LOG.warnf("isolating the refused record(s) of a batch of %d: %s", batch.size(), Failures.describe(last));
        Written all = Written.NONE;
        for (Batch single : batch.singles(stores)) {
            try {
                all = all.plus(committed(writer.write(single)));
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    all = all.plus(committed(untilItWorks("write record", () -> writer.write(single))));
                    continue;
                }
                writer.forget(single.runIds());
                String reason = Failures.describe(e);
                all = all.plus(committed(untilItWorks("record refused row", () -> writer.writeRefused(single, reason))));
                single.rowKeys().forEach(k -> publisher.deadLetter(DeadLetter.newBuilder()
                        .setRunId(k.runId()).setRowNumber(k.rowNumber()).setKind("UNKNOWN")
                        .setSourceRef("").setStage("writer").setReasons(List.of(reason))
                        .setCells(java.util.Map.of()).setFailedAt(System.currentTimeMillis()).build()));
            }
        }
        return all;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Written committed(Written written) {
        writer.committed(written);
        return written;
    }

    private static <T> T untilItWorks(String what, Supplier<T> action) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("%s: database unavailable (%s); retrying in %d ms", what, Failures.describe(e), backoff.toMillis());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
    }
}
