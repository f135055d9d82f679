package org.polaris.normalizer.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.polaris.schemas.ColumnNames;
import org.polaris.schemas.kinds.SourceKinds;

/**
 * One version of one kind's alias mapping: the header names each contract field may arrive as, and
 * what a run with columns the contract does not know gets. Matching is case, space and punctuation
 * insensitive ("Teacher Email", "teacher_email" and "TeacherEmail" are one name) and a field's own
 * label always matches. A required field with no column rejects the run, naming the field, the
 * closest header present and the command that would map it; two columns claiming one field reject
 * it too, naming both.
 *
 * @param kind         the source kind's id
 * @param version      how runs record it, e.g. {@code pathful-v3}
 * @param aliases      field key -> header names
 * @param extraColumns what a run whose header has columns no field claims gets
 */
public record KindMapping(String kind, String version, Map<String, List<String>> aliases, ExtraColumns extraColumns) {

    /** The drift policy for columns the contract does not know (a missing required column always rejects). */
    public enum ExtraColumns {
        /** Listed as a warning on the run: a source that adds columns is noticed. */
        WARN,
        /** Not mentioned. */
        IGNORE;

        public static Optional<ExtraColumns> parse(String s) {
            for (ExtraColumns e : values()) {
                if (e.name().equalsIgnoreCase(s == null ? "" : s.strip())) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    public KindMapping {
        aliases = Map.copyOf(aliases);
    }

    /** How a run's header maps to the kind's contract. */
    public HeaderResolution resolve(List<Field> contract, Collection<String> header) {
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> claimed = new ArrayList<>();
        for (Field field : contract) {
            List<String> names = namesOf(field);
            header.stream().filter(h -> names.contains(ColumnNames.normalize(h))).forEach(claimed::add);
        }
        for (Field field : contract) {
            List<String> names = namesOf(field);
            List<String> found = header.stream().filter(h -> names.contains(ColumnNames.normalize(h))).toList();
            if (found.size() > 1) {
                problems.add("columns " + quoted(found) + " all map to " + field.label() + ": keep one");
            } else if (found.size() == 1) {
                columns.put(field.key(), found.get(0));
            } else if (field.required()) {
                missing.add(field.label());
                problems.add(missingProblem(field, names, header, claimed));
            }
        }
        List<String> extra = header.stream().filter(h -> !claimed.contains(h) && !h.isBlank()).toList();
        return new HeaderResolution(columns, problems, missing, extra);
    }

    /** The warning a run whose header has {@code extra} columns gets under this mapping, if any. */
    public Optional<String> extraColumnsWarning(List<String> extra) {
        if (extra.isEmpty() || extraColumns == ExtraColumns.IGNORE) {
            return Optional.empty();
        }
        return Optional.of((extra.size() == 1 ? "column " : "columns ") + quoted(extra) + " "
                + (extra.size() == 1 ? "is" : "are") + " not in the " + slug() + " mapping (" + version
                + ") and " + (extra.size() == 1 ? "was" : "were") + " not read; map one with bin/polaris mappings set "
                + slug() + " FIELD --alias NAME, or hide this warning with bin/polaris mappings policy " + slug()
                + " --extra-columns ignore");
    }

    private String slug() {
        return SourceKinds.byId(kind).map(k -> k.slug()).orElse(kind.toLowerCase(java.util.Locale.ROOT));
    }

    private List<String> namesOf(Field field) {
        List<String> names = new ArrayList<>();
        names.add(ColumnNames.normalize(field.label()));
        aliases.getOrDefault(field.key(), List.of()).forEach(a -> names.add(ColumnNames.normalize(a)));
        return names;
    }

    /** The missing column, the most similar header no field claims, and the command that maps it. */
    private String missingProblem(Field field, List<String> names, Collection<String> header, List<String> claimed) {
        String best = null;
        double bestScore = -1;
        for (String h : header) {
            if (claimed.contains(h) || h.isBlank()) {
                continue;
            }
            for (String name : names) {
                double score = SIMILARITY.apply(name, ColumnNames.normalize(h));
                if (score > bestScore) {
                    bestScore = score;
                    best = h;
                }
            }
        }
        String problem = "missing required column \"" + field.label() + "\"";
        if (best == null) {
            return problem + " (no other header present)";
        }
        return problem + " (closest header present: \"" + best + "\"; if it is that column: bin/polaris mappings set "
                + slug() + " " + ColumnNames.shellWord(field.label()) + " --alias " + ColumnNames.shellWord(best) + ")";
    }

    private static String quoted(List<String> names) {
        return String.join(" and ", names.stream().map(n -> "\"" + n + "\"").toList());
    }
}
