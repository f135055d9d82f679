package org.polaris.ingest.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.polaris.schemas.KafkaSettings;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.serde.AvroCodec;

/**
 * Reads one run's rows back from its raw topic: only the offsets its end marker recorded (first row
 * to last row, in its one partition), never a scan. Records of other runs between them (runs that
 * shared the partition) are passed over by their key without being decoded.
 */
public final class RawRunReader {

    /** How long the broker may give nothing before the read is given up. */
    private static final Duration STALL = Duration.ofSeconds(30);

    private final Map<String, Object> kafka;

    public RawRunReader(Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** What a read consumed: the partition, the offsets read, the records seen and the run's rows among them. */
    public record Read(String topic, int partition, long fromOffset, long toOffset, int records, int rows) {
    }

    /** The first offset the partition still holds (a run's rows before it are gone: past retention). */
    public long earliestOffset(String topic, int partition) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            return consumer.beginningOffsets(List.of(tp)).get(tp);
        }
    }

    /** Hands each of the run's rows to {@code rows}, in order; throws if the partition no longer holds them all. */
    public Read read(String topic, int partition, long first, long last, String runId, Consumer<RawRow> rows) {
        TopicPartition tp = new TopicPartition(topic, partition);
        int records = 0;
        int found = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(List.of(tp));
            long earliest = consumer.beginningOffsets(List.of(tp)).get(tp);
            if (earliest > first) {
                throw new RowsGone("the partition starts at offset " + earliest + " now, after the run's first row (offset "
                        + first + ")");
            }
            consumer.seek(tp, first);
            long lastProgress = System.nanoTime();
            while (consumer.position(tp) <= last) {
                var polled = consumer.poll(Duration.ofMillis(500));
                if (polled.isEmpty()) {
                    if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                        throw new RowsGone("the broker gave nothing from offset " + consumer.position(tp) + " for "
                                + STALL.toSeconds() + " s");
                    }
                    continue;
                }
                lastProgress = System.nanoTime();
                for (ConsumerRecord<String, byte[]> r : polled) {
                    if (r.offset() > last) {
                        break;
                    }
                    records++;
                    if (!runId.equals(r.key()) || r.value() == null) {
                        continue;
                    }
                    if (AvroCodec.get().decode(r.value()) instanceof RawRecord raw && raw.getPayload() instanceof RawRow row
                            && runId.equals(row.getRunId())) {
                        found++;
                        rows.accept(row);
                    }
                }
            }
        }
        return new Read(topic, partition, first, last, records, found);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> props = new HashMap<>(KafkaSettings.forConsumer(kafka));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "polaris-replay");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The partition no longer holds all of the run's rows. */
    public static final class RowsGone extends RuntimeException {
        RowsGone(String message) {
            super(message);
        }
    }
}
