package org.polaris.normalizer;

import java.util.Map;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.polaris.normalizer.mapping.MappingConfig;
import org.polaris.normalizer.messaging.NormalizerOutput;
import org.polaris.schemas.TopicSender;

/** Builds the normalizer and its producer from typed configuration. */
@ApplicationScoped
public class NormalizerProducer {

    @Produces
    @ApplicationScoped
    Normalizer normalizer(MappingConfig mapping, NormalizerConfig config) {
        return new Normalizer(mapping.toMapping(), config.zone());
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
