package org.polaris.normalizer;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Normalizer settings. */
@ConfigMapping(prefix = "polaris.normalizer")
public interface NormalizerConfig {

    /** Zone in which zone-less dates and times are read (POLARIS_NORMALIZER_ZONE). */
    @WithDefault("America/Chicago")
    ZoneId zone();
}
