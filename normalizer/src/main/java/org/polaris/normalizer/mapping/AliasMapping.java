package org.polaris.normalizer.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Column names matched through a versioned alias mapping (configuration, not code). Matching is
 * case, space and punctuation insensitive: "Teacher Email", "teacher_email" and "TeacherEmail"
 * are one name. A required field with no column rejects the run, naming the field and the
 * closest header present; two columns claiming one field reject it too, naming both.
 */
public final class AliasMapping {

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private final String version;
    /** kind id -> field key -> the header names the field may arrive as. */
    private final Map<String, Map<String, List<String>>> aliases;

    public AliasMapping(String version, Map<String, Map<String, List<String>>> aliases) {
        this.version = version;
        this.aliases = aliases;
    }

    public String version() {
        return version;
    }

    /** The aliases of one kind: field key -> header names. */
    public Map<String, List<String>> aliasesOf(String kind) {
        return aliases.getOrDefault(kind, Map.of());
    }

    /** How a run's header maps to the kind's contract. */
    public HeaderResolution resolve(String kind, List<Field> contract, Collection<String> header) {
        Map<String, List<String>> byField = aliasesOf(kind);
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> claimed = new ArrayList<>();
        for (Field field : contract) {
            List<String> names = namesOf(field, byField);
            header.stream().filter(h -> names.contains(normalize(h))).forEach(claimed::add);
        }
        for (Field field : contract) {
            List<String> names = namesOf(field, byField);
            List<String> found = header.stream().filter(h -> names.contains(normalize(h))).toList();
            if (found.size() > 1) {
                problems.add("columns " + quoted(found) + " all map to " + field.label() + ": keep one");
            } else if (found.size() == 1) {
                columns.put(field.key(), found.get(0));
            } else if (field.required()) {
                missing.add(field.label());
                problems.add("missing required column \"" + field.label() + "\"" + closest(names, header, claimed));
            }
        }
        return new HeaderResolution(columns, problems, missing);
    }

    /** Normalized form of a column name: lower case, letters and digits only. */
    public static String normalize(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char ch : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static List<String> namesOf(Field field, Map<String, List<String>> byField) {
        List<String> names = new ArrayList<>();
        names.add(normalize(field.label()));
        byField.getOrDefault(field.key(), List.of()).forEach(a -> names.add(normalize(a)));
        return names;
    }

    /** The most similar header that no contract field claims, as a hint for the mapping fix. */
    private static String closest(List<String> names, Collection<String> header, List<String> claimed) {
        String best = null;
        double bestScore = -1;
        for (String h : header) {
            if (claimed.contains(h)) {
                continue;
            }
            for (String name : names) {
                double score = SIMILARITY.apply(name, normalize(h));
                if (score > bestScore) {
                    bestScore = score;
                    best = h;
                }
            }
        }
        return best == null ? " (no other header present)" : " (closest header present: \"" + best + "\")";
    }

    private static String quoted(List<String> names) {
        return String.join(" and ", names.stream().map(n -> "\"" + n + "\"").toList());
    }
}
