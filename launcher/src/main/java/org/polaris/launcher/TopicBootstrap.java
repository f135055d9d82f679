package org.polaris.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;

/**
 * Creates the catalogue's missing topics before the workers start, with their partitions,
 * retention and compaction. Existing topics are left alone (and their partition count checked:
 * the matcher's joins need one count for all).
 */
@ApplicationScoped
public class TopicBootstrap {

    private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

    @Inject
    KafkaTopicsConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    void create(@Observes @Priority(10) StartupEvent event) throws InterruptedException, ExecutionException {
        if (!config.createTopics()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafkaConfig.get("bootstrap.servers")))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<String, ?> topic : Topics.ALL) {
                if (!existing.contains(topic.name())) {
                    missing.add(newTopic(topic));
                }
            }
            for (NewTopic t : missing) {
                try {
                    admin.createTopics(List.of(t)).all().get();
                    LOG.infof("created topic %s (%d partitions)", t.name(), t.numPartitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    NewTopic newTopic(Topic<String, ?> topic) {
        Map<String, String> configs = switch (topic.retention()) {
            case COMPACTED -> Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            case REPLAYABLE -> Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(config.rawRetention().toMillis()));
            case TRANSIENT -> Map.of(TopicConfig.RETENTION_MS_CONFIG,
                    Long.toString(config.transientRetention().toMillis()));
        };
        return new NewTopic(topic.name(), Optional.of(config.partitions()), Optional.of(config.replicationFactor()))
                .configs(configs);
    }
}
