package org.polaris.normalizer.mapping;

/**
 * A column of a source contract: the key that names it in the alias configuration
 * ({@code polaris.mapping.<kind>.<key>}), the label operators know it by, and whether a run
 * without it is rejected.
 */
public record Field(String key, String label, boolean required) {

    public static Field required(String key, String label) {
        return new Field(key, label, true);
    }

    public static Field optional(String key, String label) {
        return new Field(key, label, false);
    }
}
