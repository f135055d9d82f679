package org.polaris.normalizer.mapping;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.polaris.schemas.avro.RunKind;

/**
 * The alias mapping: for each source kind, the header names each contract field may arrive as
 * ({@code polaris.mapping.pathful.teacher-email=TeacherEmail,EducatorEmail}). The version is
 * recorded on every run, so a replay says which mapping it ran under.
 */
@ConfigMapping(prefix = "polaris.mapping")
public interface MappingConfig {

    /** Bump it with every alias change. */
    @WithDefault("1")
    String version();

    Map<String, List<String>> pathful();

    Map<String, List<String>> roster();

    Map<String, List<String>> events();

    @io.smallrye.config.WithName("virtual-sessions")
    Map<String, List<String>> virtualSessions();

    Map<String, List<String>> teachers();

    default AliasMapping toMapping() {
        Map<RunKind, Map<String, List<String>>> aliases = new EnumMap<>(RunKind.class);
        aliases.put(RunKind.PATHFUL, pathful());
        aliases.put(RunKind.ROSTER, roster());
        aliases.put(RunKind.EVENTS, events());
        aliases.put(RunKind.VIRTUAL_SESSIONS, virtualSessions());
        aliases.put(RunKind.TEACHERS, teachers());
        return new AliasMapping(version(), aliases);
    }
}
