package org.polaris.writer.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.polaris.schemas.ColumnNames;

/**
 * The kinds that read their header through an alias mapping: each kind's contract fields and the
 * aliases the configuration gives them (version 1 of the kind's mapping). The normalizer knows these;
 * the application that assembles both stages hands them to the writer, the only writer of the table.
 */
public interface MappingCatalog {

    /** Every kind with a mapping, in a stable order. */
    List<KindContract> kinds();

    /** The kind by its import name or id; case, dashes and underscores do not matter. */
    default Optional<KindContract> bySlugOrId(String name) {
        String wanted = canonical(name == null ? "" : name);
        return kinds().stream().filter(k -> canonical(k.slug()).equals(wanted) || canonical(k.kind()).equals(wanted))
                .findFirst();
    }

    private static String canonical(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** One contract column: the key the mapping stores it under, the label operators know it by. */
    record FieldInfo(String key, String label, boolean required) {
    }

    /** A kind's contract and its configured aliases (field key -> header names). */
    record KindContract(String kind, String slug, List<FieldInfo> fields, Map<String, List<String>> configured) {

        /** The field named by its label or its key, compared as headers are (case, spaces, punctuation ignored). */
        public Optional<FieldInfo> field(String name) {
            String wanted = ColumnNames.normalize(name == null ? "" : name);
            return fields.stream().filter(f -> ColumnNames.normalize(f.label()).equals(wanted)
                    || ColumnNames.normalize(f.key()).equals(wanted)).findFirst();
        }
    }
}
