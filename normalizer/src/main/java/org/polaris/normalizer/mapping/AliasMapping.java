package org.polaris.normalizer.mapping;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.polaris.schemas.ColumnNames;
import org.polaris.schemas.kinds.SourceKinds;

/**
 * The alias mapping of every kind as the configuration gives it
 * ({@code polaris.mapping.aliases.<kind>.<field>}): the mapping the database is seeded from, and
 * the only version where there is no database. Each kind's version is named
 * {@code <kind>-v<polaris.mapping.version>}.
 */
public final class AliasMapping implements MappingSource {

    private final String version;
    /** kind id -> field key -> the header names the field may arrive as. */
    private final Map<String, Map<String, List<String>>> aliases;

    public AliasMapping(String version, Map<String, Map<String, List<String>>> aliases) {
        this.version = version;
        this.aliases = aliases;
    }

    /** The configuration's version number. */
    public String version() {
        return version;
    }

    /** The aliases of one kind: field key -> header names. */
    public Map<String, List<String>> aliasesOf(String kind) {
        return aliases.getOrDefault(kind, Map.of());
    }

    @Override
    public KindMapping current(String kind) {
        String slug = SourceKinds.byId(kind).map(k -> k.slug()).orElse(kind.toLowerCase(java.util.Locale.ROOT));
        return new KindMapping(kind, slug + "-v" + version, aliasesOf(kind), KindMapping.ExtraColumns.WARN);
    }

    @Override
    public KindMapping asOf(String kind, long epochMillis) {
        return current(kind);
    }

    /** How a run's header maps to the kind's contract under the configuration's mapping. */
    public HeaderResolution resolve(String kind, List<Field> contract, Collection<String> header) {
        return current(kind).resolve(contract, header);
    }

    /** Normalized form of a column name: lower case, letters and digits only. */
    public static String normalize(String name) {
        return ColumnNames.normalize(name);
    }
}
