package org.polaris.normalizer.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.polaris.normalizer.Normalizer;
import org.polaris.normalizer.Normalizer.Destination;
import org.polaris.normalizer.Normalizer.Output;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RunKind;
import org.polaris.schemas.serde.AnyAvroDeserializer.Undecodable;

/**
 * Thin glue: one poll of the raw topics is normalized, its outputs are sent, and the poll is
 * acknowledged once the broker has them all. A record that cannot be decoded or normalized is
 * dead-lettered with the reason; the worker goes on.
 */
@ApplicationScoped
public class RawRowConsumer {

    public static final String CHANNEL = "raw-in";
    public static final String NORMALIZED_PATHFUL = "normalized-pathful-out";
    public static final String NORMALIZED_ROSTER = "normalized-roster-out";
    public static final String NORMALIZED_EVENTS = "normalized-events-out";
    public static final String DEAD_LETTERS = "normalizer-dead-letters-out";
    public static final String RUN_EVENTS = "run-events-out";

    private static final Logger LOG = Logger.getLogger(RawRowConsumer.class);
    private static final int BUFFER = 50_000;
    private static final Duration ACK_TIMEOUT = Duration.ofMinutes(2);

    @Inject
    Normalizer normalizer;

    @Inject
    @Channel(NORMALIZED_PATHFUL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
    MutinyEmitter<SpecificRecord> pathful;

    @Inject
    @Channel(NORMALIZED_ROSTER)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
    MutinyEmitter<SpecificRecord> roster;

    @Inject
    @Channel(NORMALIZED_EVENTS)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
    MutinyEmitter<SpecificRecord> events;

    @Inject
    @Channel(DEAD_LETTERS)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
    MutinyEmitter<SpecificRecord> deadLetters;

    @Inject
    @Channel(RUN_EVENTS)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
    MutinyEmitter<SpecificRecord> runEvents;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(List<Object> payloads) {
        Map<Destination, MutinyEmitter<SpecificRecord>> emitters = emitters();
        List<Uni<Void>> acks = new ArrayList<>(payloads.size());
        for (Object payload : payloads) {
            for (Output out : normalize(payload)) {
                Message<SpecificRecord> message = Message.of(out.value())
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(out.key()).build());
                acks.add(emitters.get(out.destination()).sendMessage(message));
            }
        }
        if (!acks.isEmpty()) {
            Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
        }
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
        return List.of(new Output(Destination.DEAD_LETTER, "unknown", DeadLetter.newBuilder().setRunId("")
                .setKind(RunKind.UNKNOWN).setRowNumber(0).setSourceRef("").setStage("normalizer")
                .setReasons(List.of(reason)).setCells(Map.of()).setFailedAt(Instant.now()).build()));
    }

    private static Output failed(RawRecord raw, String reason) {
        if (raw.getPayload() instanceof org.polaris.schemas.avro.RawRow row) {
            return new Output(Destination.DEAD_LETTER, row.getRunId(), DeadLetter.newBuilder()
                    .setRunId(row.getRunId()).setKind(row.getKind()).setRowNumber(row.getRowNumber())
                    .setSourceRef(row.getSourceRef()).setStage("normalizer").setReasons(List.of(reason))
                    .setCells(row.getCells()).setFailedAt(Instant.now()).build());
        }
        return new Output(Destination.DEAD_LETTER, "unknown", DeadLetter.newBuilder().setRunId("")
                .setKind(RunKind.UNKNOWN).setRowNumber(0).setSourceRef("").setStage("normalizer")
                .setReasons(List.of(reason)).setCells(Map.of()).setFailedAt(Instant.now()).build());
    }

    private Map<Destination, MutinyEmitter<SpecificRecord>> emitters() {
        Map<Destination, MutinyEmitter<SpecificRecord>> m = new EnumMap<>(Destination.class);
        m.put(Destination.NORMALIZED_PATHFUL, pathful);
        m.put(Destination.NORMALIZED_ROSTER, roster);
        m.put(Destination.NORMALIZED_EVENTS, events);
        m.put(Destination.DEAD_LETTER, deadLetters);
        m.put(Destination.RUN_EVENTS, runEvents);
        return m;
    }
}
