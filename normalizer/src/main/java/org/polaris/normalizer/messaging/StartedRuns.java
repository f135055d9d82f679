package org.polaris.normalizer.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.polaris.schemas.KafkaSettings;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RunStarted;
import org.polaris.schemas.serde.AvroCodec;

/**
 * Which runs have a start marker on their raw topic. A row of a run that never started (a stray or
 * forged record) must never be written, and a restarted normalizer resumes mid-run, past the start
 * markers of runs still flowing: so a run this instance has not seen start is looked up on the raw
 * partition itself, from {@code lookback} before the row (a run is published in one transaction, so
 * its start marker is at most the transaction timeout older than its rows) up to the row. Answers are
 * kept (the most recent runs), so the look-up happens once per run, not per row.
 */
final class StartedRuns {

    private static final Logger LOG = Logger.getLogger(StartedRuns.class);
    private static final int KEPT = 50_000;
    private static final Duration SCAN_LIMIT = Duration.ofSeconds(60);

    private final Map<String, Object> kafka;
    private final Duration lookback;
    private final Map<String, Boolean> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KEPT;
        }
    };

    StartedRuns(Map<String, Object> kafka, Duration lookback) {
        this.kafka = kafka;
        this.lookback = lookback;
    }

    synchronized void started(String runId) {
        known.put(runId, true);
    }

    /** Whether the run of this raw record has its start marker before the record, in its partition. */
    synchronized boolean started(String runId, ConsumerRecord<String, ?> record) {
        Boolean answer = known.get(runId);
        if (answer == null) {
            answer = lookUp(runId, record);
            if (answer != null) {
                known.put(runId, answer);
            }
        }
        // cannot tell (the broker did not answer the look-up): let the row through rather than lose it
        return answer == null || answer;
    }

    /** True or false when the partition answered, null when it could not be read. */
    private Boolean lookUp(String runId, ConsumerRecord<String, ?> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        Map<String, Object> props = new HashMap<>(KafkaSettings.forConsumer(kafka));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "polaris-normalizer-start-markers");
        long deadline = System.nanoTime() + SCAN_LIMIT.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            OffsetAndTimestamp from = consumer.offsetsForTimes(Map.of(tp, Math.max(0, record.timestamp()
                    - lookback.toMillis()))).get(tp);
            if (from == null || from.offset() >= record.offset()) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, from.offset());
            }
            while (consumer.position(tp) < record.offset()) {
                if (System.nanoTime() > deadline) {
                    return null;
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= record.offset()) {
                        return false;
                    }
                    // raw topics are keyed by run id: only this run's records are decoded
                    if (runId.equals(r.key()) && r.value() != null && isStartOf(runId, r.value())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (RuntimeException e) {
            LOG.warnf("could not look up the start marker of a run on %s (%s); the row is let through", tp,
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private static boolean isStartOf(String runId, byte[] value) {
        try {
            return AvroCodec.get().decode(value) instanceof RawRecord raw && raw.getPayload() instanceof RunStarted s
                    && runId.equals(s.getRunId());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
