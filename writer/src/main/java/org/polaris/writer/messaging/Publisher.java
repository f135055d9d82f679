package org.polaris.writer.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.EventSession;
import org.polaris.schemas.avro.RosterEntry;
import org.polaris.schemas.avro.RowOutcome;
import org.polaris.schemas.avro.RunSummary;
import org.polaris.writer.BatchWriter.Written;

/**
 * Publishes what a committed batch produced and waits for the broker's acknowledgement, so the
 * caller acknowledges its input only once the outputs are durable.
 */
@ApplicationScoped
public class Publisher {

    public static final String REF_ROSTER = "ref-roster-out";
    public static final String REF_EVENT_SESSIONS = "ref-event-sessions-out";
    public static final String ROW_OUTCOMES = "row-outcomes-out";
    public static final String RUN_SUMMARIES = "run-summaries-out";
    public static final String DEAD_LETTERS = "writer-dead-letters-out";

    /** Larger than any batch: a batch's sends are queued at once, then awaited together. */
    private static final int BUFFER = 50_000;
    private static final Duration ACK_TIMEOUT = Duration.ofMinutes(2);

    @Inject
    @Channel(REF_ROSTER)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
    MutinyEmitter<RosterEntry> refRoster;

    @Inject
    @Channel(REF_EVENT_SESSIONS)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
    MutinyEmitter<EventSession> refEvents;

    @Inject
    @Channel(ROW_OUTCOMES)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
    MutinyEmitter<RowOutcome> outcomes;

    @Inject
    @Channel(RUN_SUMMARIES)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
    MutinyEmitter<RunSummary> summaries;

    @Inject
    @Channel(DEAD_LETTERS)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
    MutinyEmitter<DeadLetter> deadLetters;

    public void publish(Written written) {
        List<Uni<Void>> acks = new ArrayList<>();
        for (Map.Entry<String, RosterEntry> e : written.roster().entrySet()) {
            acks.add(refRoster.sendMessage(keyed(e.getKey(), e.getValue())));
        }
        for (Map.Entry<String, EventSession> e : written.events().entrySet()) {
            acks.add(refEvents.sendMessage(keyed(e.getKey(), e.getValue())));
        }
        for (RowOutcome o : written.outcomes()) {
            acks.add(outcomes.sendMessage(keyed(o.getRunId(), o)));
        }
        for (RunSummary s : written.progress()) {
            acks.add(summaries.sendMessage(keyed(s.getRunId(), s)));
        }
        await(acks);
    }

    public void summaries(List<RunSummary> finals) {
        List<Uni<Void>> acks = new ArrayList<>();
        for (RunSummary s : finals) {
            acks.add(summaries.sendMessage(keyed(s.getRunId(), s)));
        }
        await(acks);
    }

    public void deadLetter(DeadLetter d) {
        await(List.of(deadLetters.sendMessage(keyed(d.getRunId(), d))));
    }

    private static void await(List<Uni<Void>> acks) {
        if (!acks.isEmpty()) {
            Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
        }
    }

    static <T> Message<T> keyed(String key, T value) {
        return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }
}
