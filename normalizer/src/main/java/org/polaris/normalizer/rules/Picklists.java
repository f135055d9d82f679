package org.polaris.normalizer.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picklist-to-vocabulary tables (salesforce.md, "Picklists"): configuration, one table per
 * vocabulary ({@code polaris.mapping.picklists.gender=Female=female,Male=male,...}). Values match
 * ignoring case and surrounding space. A value no table knows never drops a record: the field is
 * left empty and the row carries a warning naming the field and the value, so the table can be
 * extended and the object synced again.
 */
public final class Picklists {

    private final Map<String, Map<String, String>> tables = new HashMap<>();

    /** Tables as configured: table name -> entries {@code Salesforce value=vocabulary code}. */
    public Picklists(Map<String, List<String>> configured) {
        configured.forEach((table, entries) -> {
            Map<String, String> t = new HashMap<>();
            for (String entry : entries) {
                int eq = entry.lastIndexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException("polaris.mapping.picklists." + table + ": \"" + entry
                            + "\" is not Value=code");
                }
                t.put(fold(entry.substring(0, eq)), entry.substring(eq + 1).strip());
            }
            tables.put(table, t);
        });
    }

    /**
     * The vocabulary code of a value; empty for a blank value; empty with a warning added for a
     * value the table does not know.
     */
    public Optional<String> resolve(String table, String field, String value, List<String> warnings) {
        String v = Text.clean(value);
        if (v == null) {
            return Optional.empty();
        }
        String code = tables.getOrDefault(table, Map.of()).get(fold(v));
        if (code == null) {
            warnings.add(field + " value \"" + v + "\" is not in the " + table + " table "
                    + "(polaris.mapping.picklists." + table + "): left empty");
            return Optional.empty();
        }
        return Optional.of(code);
    }

    private static String fold(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
