package org.polaris.matcher;

import java.time.Duration;
import java.util.Properties;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the matcher topology for the life of the application. A failing stream thread is
 * replaced rather than letting the matcher die: rows it had not committed are processed again
 * and the writer drops the duplicates.
 */
@ApplicationScoped
public class MatcherStreams {

    private static final Logger LOG = Logger.getLogger(MatcherStreams.class);

    @Inject
    Topology topology;

    @Inject
    MatcherConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    private volatile KafkaStreams streams;

    void start(@Observes StartupEvent event) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitIntervalMs());
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // under load, fetch in large chunks; idle, wait at most 50 ms for them
        props.put(StreamsConfig.consumerPrefix("fetch.min.bytes"), 65536);
        props.put(StreamsConfig.consumerPrefix("fetch.max.wait.ms"), 50);
        // and send in large batches, as every other producer of the pipeline (TopicSender): the
        // default 16 KB holds ~50 matched rows, and each batch costs the broker a request
        props.put(StreamsConfig.producerPrefix("batch.size"), 256 * 1024);
        // a record that cannot be decoded (corrupt, or written by a newer schema), or that the topology
        // fails on, is dead-lettered as an invalid row of its run, instead of failing the thread on it
        // again and again (the writer records it, so the run completes)
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLettering.Deserialization.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLettering.Processing.class);
        props.putAll(config.streams());
        streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> {
            // the class only: an exception's message may quote a record's values
            LOG.errorf("matcher stream thread failed (%s); replacing it", e.getClass().getName());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
    }

    /** RUNNING once the tables are restored and rows flow; the readiness check reports it. */
    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }
}
