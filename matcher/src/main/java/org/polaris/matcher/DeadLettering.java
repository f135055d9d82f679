package org.polaris.matcher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;
import org.polaris.schemas.KafkaSettings;
import org.polaris.schemas.RecordHeaders;
import org.polaris.schemas.RecordPlace;
import org.polaris.schemas.TopicSender;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.AttendanceMatch;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;

/**
 * The matcher's error handlers: a record it cannot decode, or one its topology fails on, is
 * dead-lettered as an invalid row of its run (its value or headers say which) and the stream goes
 * on; nothing is re-read forever and no stream thread is lost to one record. A record no run can
 * claim is dead-lettered with its topic, partition and offset.
 */
public final class DeadLettering {

    private static final Logger LOG = Logger.getLogger(DeadLettering.class);
    private static final Map<String, TopicSender> SENDERS = new ConcurrentHashMap<>();

    private DeadLettering() {
    }

    /** Undecodable input (corrupt, another schema, a newer version): a dead letter, then on. */
    public static final class Deserialization implements DeserializationExceptionHandler {
        private Map<String, Object> kafka;

        @Override
        public void configure(Map<String, ?> configs) {
            kafka = KafkaSettings.forProducer(Map.copyOf(configs));
        }

        @Override
        public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                Exception exception) {
            String reason = "the matcher could not decode the record at " + where(record.topic(), record.partition(),
                    record.offset()) + " (" + (record.value() == null ? 0 : record.value().length) + " bytes): "
                    + exception.getMessage();
            return send(kafka, deadLetter(record.topic(), record.partition(), record.offset(), record.headers(), null,
                    reason)) ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
        }
    }

    /** The topology threw on a record: a dead letter for its row, then on. */
    public static final class Processing implements ProcessingExceptionHandler {
        private Map<String, Object> kafka;

        @Override
        public void configure(Map<String, ?> configs) {
            kafka = KafkaSettings.forProducer(Map.copyOf(configs));
        }

        @Override
        public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            String reason = "the matcher failed on this row (" + exception.getClass().getSimpleName() + ")";
            return send(kafka, deadLetter(context.topic(), context.partition(), context.offset(), context.headers(),
                    record.value(), reason)) ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
        }
    }

    /** The dead letter of a record the matcher read at this place: its run and row from its value, else its headers. */
    static DeadLetter deadLetter(String topic, int partition, long offset, Headers headers, Object value, String reason) {
        String runId = RecordHeaders.runOf(headers, null);
        int row = RecordHeaders.rowOf(headers);
        NormalizedAttendance a = value instanceof NormalizedAttendance n ? n
                : value instanceof AttendanceMatch m ? m.getAttendance() : null;
        if (a != null) {
            runId = a.getRunId();
            row = a.getRowNumber();
        }
        String kind = SourceKinds.all().stream().filter(k -> k.normalizedTopic().name().equals(topic)
                || k.writerTopics().stream().anyMatch(t -> t.name().equals(topic))).map(SourceKind::id)
                .findFirst().orElse("UNKNOWN");
        return DeadLetter.newBuilder().setRunId(runId == null ? "" : runId).setKind(kind)
                .setRowNumber(runId == null ? 0 : row > 0 ? row : new RecordPlace(topic, partition, offset).syntheticRow())
                .setSourceRef("").setStage("matcher").setReasons(List.of(reason)).setCells(Map.of())
                .setFailedAt(System.currentTimeMillis()).setSourceTopic(topic).setSourcePartition(partition)
                .setSourceOffset(offset).build();
    }

    private static boolean send(Map<String, Object> kafka, DeadLetter d) {
        LOG.warnf("%s%s", d.getReasons().get(0), d.getRunId().isEmpty() ? " (no run can claim it)" : "");
        try {
            TopicSender sender = SENDERS.computeIfAbsent(String.valueOf(kafka.get("bootstrap.servers")),
                    k -> new TopicSender(kafka, "polaris-matcher-dead-letters"));
            sender.sendAny(Topics.DEAD_LETTER, d.getRunId().isEmpty() ? "unknown" : d.getRunId(), d);
            sender.flush();
            return true;
        } catch (RuntimeException e) {
            // the broker did not take it: fail, so the record is read again once the thread is replaced
            LOG.errorf("could not dead-letter a record (%s)", e.getClass().getSimpleName());
            return false;
        }
    }

    private static String where(String topic, int partition, long offset) {
        return new RecordPlace(topic, partition, offset).toString();
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SENDERS.values().forEach(TopicSender::close),
                "matcher-dead-letters-close"));
    }
}
