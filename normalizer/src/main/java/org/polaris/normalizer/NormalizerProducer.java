package org.polaris.normalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;
import io.quarkus.arc.DefaultBean;
import org.polaris.normalizer.mapping.MappingConfig;
import org.polaris.normalizer.mapping.MappingSource;
import org.polaris.normalizer.messaging.NormalizerOutput;
import org.polaris.schemas.TopicSender;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;

/** Builds the normalizer from typed configuration and every kind's rules (CDI beans), and its producer. */
@ApplicationScoped
public class NormalizerProducer {

    private static final Logger LOG = Logger.getLogger(NormalizerProducer.class);

    @Produces
    @ApplicationScoped
    Normalizer normalizer(MappingSource mappings, NormalizerConfig config, @Any Instance<KindRules<?>> rules) {
        List<KindRules<?>> all = new ArrayList<>();
        rules.forEach(all::add);
        Normalizer normalizer = new Normalizer(mappings, config.zone(), all);
        for (KindRules<?> r : all) {
            if (SourceKinds.byId(r.kind().id()).isEmpty()) {
                // ingest cannot start a run of it: the rules are never used
                LOG.warnf("%s are rules of kind %s, which no META-INF/services registration names",
                        r.getClass().getName(), r.kind().id());
            }
        }
        for (SourceKind<?> kind : SourceKinds.all()) {
            if (!normalizer.kinds().contains(kind.id())) {
                // its runs are rejected ("unknown run kind"), nothing is lost: they stay on the raw topic
                LOG.warnf("source kind %s is registered but this build has no normalizer rules for it", kind.id());
            }
        }
        return normalizer;
    }

    /**
     * The configuration's alias mapping, unless the application provides a source of its own (the
     * one-process application reads the versions administrators set from the database).
     */
    @Produces
    @ApplicationScoped
    @DefaultBean
    MappingSource configuredMappings(MappingConfig mapping) {
        return mapping.toMapping();
    }

    /** The picklist-to-vocabulary tables the Salesforce kinds' rules read values through. */
    @Produces
    @ApplicationScoped
    org.polaris.normalizer.rules.Picklists picklists(MappingConfig mapping) {
        return new org.polaris.normalizer.rules.Picklists(mapping.picklists());
    }

    @Produces
    @ApplicationScoped
    @NormalizerOutput
    TopicSender sender(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        return new TopicSender(kafka, "polaris-normalizer");
    }

    void close(@Disposes @NormalizerOutput TopicSender sender) {
        sender.close();
    }
}
