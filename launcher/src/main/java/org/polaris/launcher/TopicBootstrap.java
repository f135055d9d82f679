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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.polaris.schemas.KafkaSettings;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;

/**
 * Creates the catalogue's missing topics before the workers start, with their partitions,
 * retention and compaction. Existing topics are left alone; a partition count that differs from
 * the configured one is reported (the matcher's joins need one count for all).
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
        try (Admin admin = Admin.create(KafkaSettings.forAdmin(kafkaConfig))) {
            Set<String> existing = admin.listTopics().names().get();
            warnOnPartitionCounts(admin, existing);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<String, ?> topic : Topics.all()) {
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

    /** The matcher joins co-partitioned topics: existing ones must all have the configured count. */
    private void warnOnPartitionCounts(Admin admin, Set<String> existing) throws InterruptedException, ExecutionException {
        List<String> ours = Topics.all().stream().map(Topic::name).filter(existing::contains).toList();
        if (ours.isEmpty()) {
            return;
        }
        admin.describeTopics(ours).allTopicNames().get().forEach((name, description) -> {
            if (description.partitions().size() != config.partitions()) {
                LOG.warnf("topic %s has %d partitions, polaris.kafka.partitions says %d: the matcher needs one count "
                        + "for all its topics", name, description.partitions().size(), config.partitions());
            }
        });
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
