package org.polaris.normalizer.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;

/**
 * The alias mapping: for each source kind (its import name, dashes or underscores), the header
 * names each contract field may arrive as
 * ({@code polaris.mapping.aliases.pathful.teacher-email=TeacherEmail,EducatorEmail}). The version is
 * recorded on every run, so a replay says which mapping it ran under.
 */
@ConfigMapping(prefix = "polaris.mapping")
public interface MappingConfig {

    /** Bump it with every alias change. */
    @WithDefault("1")
    String version();

    /**
     * Picklist tables: table -> entries {@code Salesforce value=vocabulary code}
     * ({@link org.polaris.normalizer.rules.Picklists}).
     */
    Map<String, List<String>> picklists();

    /** kind -> field -> aliases. */
    Map<String, Map<String, List<String>>> aliases();

    /** The typed mapping: kind id -> field -> aliases. A kind name no registered kind has is refused. */
    default AliasMapping toMapping() {
        Map<String, Map<String, List<String>>> byKind = new HashMap<>();
        aliases().forEach((name, fields) -> {
            SourceKind<?> kind = SourceKinds.bySlug(name).orElseThrow(() -> new IllegalStateException(
                    "polaris.mapping.aliases." + name + ": no source kind is called " + name + " (known: "
                            + String.join(", ", SourceKinds.slugs()) + ")"));
            byKind.put(kind.id(), Map.copyOf(fields));
        });
        return new AliasMapping(version(), byKind);
    }
}
