package org.polaris.writer.mapping;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of a kind's alias mapping, as stored: never changed once written.
 *
 * @param aliases      field key -> header names (a field's label always matches and is not listed)
 * @param extraColumns WARN or IGNORE: what a run with columns no field claims gets
 * @param change       what this version changed, in words
 */
public record MappingVersion(String kind, int version, Map<String, List<String>> aliases, String extraColumns,
        String changedBy, Instant changedAt, String change, String note) {

    /** How runs record it: {@code pathful-v3}. */
    public static String name(String slug, int version) {
        return slug + "-v" + version;
    }
}
