package org.polaris.writer.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.polaris.schemas.ColumnNames;
import org.polaris.writer.mapping.MappingCatalog.FieldInfo;
import org.polaris.writer.mapping.MappingCatalog.KindContract;

/**
 * What an administrator's change makes of a mapping version, or why it is refused. A header name may
 * belong to one field only (two fields claiming one column would make every header ambiguous), so an
 * alias another field has, or another field's label, is refused naming that field.
 */
public final class MappingEdits {

    /** The next version's aliases and policy, and the change in words; or the refusal. */
    public record Edit(Map<String, List<String>> aliases, String extraColumns, String change, String refusal) {

        static Edit refused(String why) {
            return new Edit(null, null, null, why);
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    private MappingEdits() {
    }

    public static Edit addAlias(KindContract contract, MappingVersion current, String fieldName, String alias) {
        FieldInfo field = contract.field(fieldName).orElse(null);
        if (field == null) {
            return Edit.refused(noSuchField(contract, fieldName));
        }
        String name = alias == null ? "" : alias.strip();
        if (ColumnNames.normalize(name).isEmpty()) {
            return Edit.refused("the alias must have a letter or a digit");
        }
        for (FieldInfo other : contract.fields()) {
            boolean labelMatches = ColumnNames.normalize(other.label()).equals(ColumnNames.normalize(name));
            boolean aliasMatches = current.aliases().getOrDefault(other.key(), List.of()).stream()
                    .anyMatch(a -> ColumnNames.normalize(a).equals(ColumnNames.normalize(name)));
            if (other.equals(field) && (labelMatches || aliasMatches)) {
                return Edit.refused("\"" + name + "\" already maps to " + field.label() + " in "
                        + MappingVersion.name(contract.slug(), current.version()) + ": nothing to change");
            }
            if (!other.equals(field) && (labelMatches || aliasMatches)) {
                return Edit.refused("\"" + name + "\" already maps to " + other.label() + " in "
                        + MappingVersion.name(contract.slug(), current.version()) + ": a column can map to one field only"
                        + (labelMatches ? "" : "; remove it there first (bin/polaris mappings remove-alias "
                        + contract.slug() + " " + ColumnNames.shellWord(other.label()) + " --alias "
                        + ColumnNames.shellWord(name) + ")"));
            }
        }
        Map<String, List<String>> next = copy(current.aliases());
        next.computeIfAbsent(field.key(), k -> new ArrayList<>()).add(name);
        return new Edit(next, current.extraColumns(), "added alias \"" + name + "\" to " + field.label(), null);
    }

    public static Edit removeAlias(KindContract contract, MappingVersion current, String fieldName, String alias) {
        FieldInfo field = contract.field(fieldName).orElse(null);
        if (field == null) {
            return Edit.refused(noSuchField(contract, fieldName));
        }
        String name = alias == null ? "" : alias.strip();
        if (ColumnNames.normalize(field.label()).equals(ColumnNames.normalize(name))) {
            return Edit.refused("\"" + name + "\" is the label of " + field.label()
                    + ": a field's own label always matches and cannot be removed");
        }
        List<String> aliases = current.aliases().getOrDefault(field.key(), List.of());
        // every spelling of the name goes: one left behind would still match the column
        List<String> found = aliases.stream().filter(a -> ColumnNames.normalize(a).equals(ColumnNames.normalize(name))).toList();
        if (found.isEmpty()) {
            return Edit.refused(field.label() + " has no alias \"" + name + "\" in "
                    + MappingVersion.name(contract.slug(), current.version()) + " (its aliases: "
                    + (aliases.isEmpty() ? "none" : String.join(", ", aliases)) + ")");
        }
        Map<String, List<String>> next = copy(current.aliases());
        next.get(field.key()).removeAll(found);
        if (next.get(field.key()).isEmpty()) {
            next.remove(field.key());
        }
        return new Edit(next, current.extraColumns(), "removed alias " + String.join(", ", found.stream()
                .map(f -> "\"" + f + "\"").toList()) + " from " + field.label(), null);
    }

    public static Edit extraColumns(KindContract contract, MappingVersion current, String policy) {
        String wanted = policy == null ? "" : policy.strip().toUpperCase(Locale.ROOT);
        if (!wanted.equals("WARN") && !wanted.equals("IGNORE")) {
            return Edit.refused("extra-columns is warn or ignore (missing required columns always reject the run), not \""
                    + policy + "\"");
        }
        if (wanted.equals(current.extraColumns())) {
            return Edit.refused("the " + contract.slug() + " mapping already has extra-columns "
                    + wanted.toLowerCase(Locale.ROOT) + ": nothing to change");
        }
        return new Edit(copy(current.aliases()), wanted, "extra columns: " + current.extraColumns().toLowerCase(Locale.ROOT)
                + " -> " + wanted.toLowerCase(Locale.ROOT), null);
    }

    private static String noSuchField(KindContract contract, String name) {
        return contract.slug() + " has no field \"" + name + "\" (its fields: "
                + String.join(", ", contract.fields().stream().map(FieldInfo::label).toList()) + ")";
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> aliases) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        aliases.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }
}
