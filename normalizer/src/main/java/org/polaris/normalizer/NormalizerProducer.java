package org.polaris.normalizer;

import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.polaris.normalizer.mapping.MappingConfig;

/** Builds the normalizer from typed configuration. */
@ApplicationScoped
public class NormalizerProducer {

    @Produces
    @ApplicationScoped
    Normalizer normalizer(MappingConfig mapping, NormalizerConfig config) {
        return new Normalizer(mapping.toMapping(), config.zone());
    }
}
