package org.polaris.writer.messaging;

import java.util.List;
import java.util.Map;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.polaris.schemas.Topics;
import org.polaris.schemas.TopicSender;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.RowOutcome;
import org.polaris.schemas.avro.RunSummary;
import org.polaris.writer.BatchWriter.Written;

/**
 * Publishes what a committed batch produced and waits for the broker's acknowledgement, so the
 * caller acknowledges its input only once the outputs are durable. Row outcomes are published for
 * the rows that need an operator (invalid, unmatched); every outcome is in the ledger.
 */
@ApplicationScoped
public class Publisher {

    private TopicSender sender;

    @Inject
    void init(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        sender = new TopicSender(kafka, "polaris-writer");
    }

    public void publish(Written written) {
        written.roster().forEach((key, entry) -> sender.send(Topics.REF_ROSTER, key, entry));
        written.events().forEach((key, event) -> sender.sendToAllPartitions(Topics.REF_EVENT_SESSIONS, key, event));
        for (RowOutcome o : written.outcomes()) {
            if (needsAttention(o.getOutcome())) {
                sender.send(Topics.ROW_OUTCOMES, o.getRunId(), o);
            }
        }
        for (RunSummary s : written.progress()) {
            sender.send(Topics.RUN_SUMMARIES, s.getRunId(), s);
        }
        sender.flush();
    }

    /** A roster replace's deactivations (tombstones for the matcher's table), then the final summaries. */
    public void completed(org.polaris.writer.BatchWriter.Completed done) {
        done.deactivatedRosterKeys().forEach(key -> sender.send(Topics.REF_ROSTER, key, null));
        done.summaries().forEach(s -> sender.send(Topics.RUN_SUMMARIES, s.getRunId(), s));
        sender.flush();
    }

    public void deadLetter(DeadLetter d) {
        sender.send(Topics.DEAD_LETTER, d.getRunId(), d);
        sender.flush();
    }

    static boolean needsAttention(OutcomeKind kind) {
        return kind == OutcomeKind.INVALID || kind == OutcomeKind.UNMATCHED_TEACHER || kind == OutcomeKind.UNMATCHED_EVENT;
    }

    @PreDestroy
    void close() {
        sender.close();
    }
}
