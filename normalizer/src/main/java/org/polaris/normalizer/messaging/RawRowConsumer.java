package org.polaris.normalizer.messaging;

import java.util.List;
import java.util.Map;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.polaris.normalizer.Normalizer;
import org.polaris.normalizer.Normalizer.Output;
import org.polaris.schemas.Topics;
import org.polaris.schemas.TopicSender;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.serde.AnyAvroDeserializer.Undecodable;

/**
 * Thin glue: one poll of the raw topics is normalized, its outputs are sent and flushed, and the
 * poll is acknowledged once the broker has them all. A record that cannot be decoded or normalized
 * is dead-lettered with the reason; the worker goes on.
 */
@ApplicationScoped
public class RawRowConsumer {

    public static final String CHANNEL = "raw-in";

    private static final Logger LOG = Logger.getLogger(RawRowConsumer.class);

    @Inject
    Normalizer normalizer;

    @Inject
    @NormalizerOutput
    TopicSender sender;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(List<Object> payloads) {
        // A failure to send (the broker away) must not stop the channel: the whole poll is sent again
        // with backoff, and nothing of it is acknowledged before it went through. Downstream copies of
        // the first attempt are recognised by the writer (one outcome per run and row).
        java.time.Duration backoff = java.time.Duration.ofSeconds(1);
        while (true) {
            try {
                for (Object payload : payloads) {
                    for (Output out : normalize(payload)) {
                        send(out);
                    }
                }
                sender.flush();
                return;
            } catch (RuntimeException e) {
                LOG.errorf("sending a poll of %d records failed (%s); retrying in %d s", payloads.size(), e.getMessage(),
                        backoff.toSeconds());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = backoff.multipliedBy(2).compareTo(java.time.Duration.ofSeconds(60)) > 0
                        ? java.time.Duration.ofSeconds(60) : backoff.multipliedBy(2);
            }
        }
    }

    private void send(Output out) {
        sender.sendAny(out.topic(), out.key(), out.value());
    }

    private List<Output> normalize(Object payload) {
        if (payload instanceof RawRecord raw) {
            try {
                return normalizer.apply(raw);
            } catch (RuntimeException e) {
                // a rule bug must not stop the worker: the row is dead-lettered with the failure
                LOG.errorf(e, "normalizer failed on a raw record");
                return List.of(failed(raw, "the normalizer failed on this row: " + e));
            }
        }
        String reason = payload instanceof Undecodable u
                ? "undecodable record on " + u.topic() + " (" + u.size() + " bytes): " + u.reason()
                : "unexpected record type " + (payload == null ? "null" : payload.getClass().getName());
        LOG.error(reason);
        return List.of(unattributed(reason));
    }

    private static Output failed(RawRecord raw, String reason) {
        if (raw.getPayload() instanceof RawRow row) {
            return new Output(Topics.DEAD_LETTER, row.getRunId(), DeadLetter.newBuilder()
                    .setRunId(row.getRunId()).setKind(row.getKind()).setRowNumber(row.getRowNumber())
                    .setSourceRef(row.getSourceRef()).setStage("normalizer").setReasons(List.of(reason))
                    .setCells(row.getCells()).setFailedAt(System.currentTimeMillis()).build());
        }
        return unattributed(reason);
    }

    /** A dead letter no run can claim: kept on the dead-letter topic for operators; the writer skips it. */
    private static Output unattributed(String reason) {
        return new Output(Topics.DEAD_LETTER, "unknown", DeadLetter.newBuilder().setRunId("")
                .setKind("UNKNOWN").setRowNumber(0).setSourceRef("").setStage("normalizer")
                .setReasons(List.of(reason)).setCells(Map.of()).setFailedAt(System.currentTimeMillis()).build());
    }
}
