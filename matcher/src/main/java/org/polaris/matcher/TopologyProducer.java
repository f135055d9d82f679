package org.polaris.matcher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;

/** The one place the matcher's topology enters CDI. */
@ApplicationScoped
public class TopologyProducer {

    // @Singleton, not @ApplicationScoped: KafkaStreams reads the topology's fields, which a client proxy lacks
    @Produces
    @Singleton
    Topology topology() {
        return MatcherTopology.build();
    }
}
