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
import org.polaris.writer.Publication;

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
        written.publications().forEach(this::send);
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

    /** What the completions publish (a roster replace's tombstones for the matcher's table), then the final summaries. */
    public void completed(org.polaris.writer.BatchWriter.Completed done) {
        done.publications().forEach(this::send);
        done.summaries().forEach(s -> sender.send(Topics.RUN_SUMMARIES, s.getRunId(), s));
        sender.flush();
    }

    private void send(Publication p) {
        if (p.everyPartition()) {
            sender.sendToAllPartitions(p.topic(), p.key(), p.value());
        } else {
            sender.sendAny(p.topic(), p.key(), p.value());
        }
    }

    /** Summaries outside a batch (runs marked stalled). */
    public void summaries(java.util.List<RunSummary> summaries) {
        summaries.forEach(s -> sender.send(Topics.RUN_SUMMARIES, s.getRunId(), s));
        sender.flush();
    }

    public void deadLetter(DeadLetter d) {
        sender.send(Topics.DEAD_LETTER, d.getRunId(), d);
        sender.flush();
    }

    static boolean needsAttention(OutcomeKind kind) {
        return kind == OutcomeKind.INVALID || kind == OutcomeKind.UNMATCHED_TEACHER || kind == OutcomeKind.UNMATCHED_EVENT
                || kind == OutcomeKind.WAITING;
    }

    @PreDestroy
    void close() {
        sender.close();
    }
}
