package org.polaris.launcher.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code polaris mappings list|show|set|remove-alias|policy|history}: the alias mappings, versioned in
 * the database (administrators). A change makes the next version; runs that start after it read their
 * header through it, on every replica, with no restart.
 */
@Command(name = "mappings", description = "The alias mapping of each source kind: which header names each field may "
        + "arrive as (administrators; without a subcommand: every kind's current version).",
        subcommands = {MappingsCommand.ListKinds.class, MappingsCommand.Show.class, MappingsCommand.Set.class,
            MappingsCommand.RemoveAlias.class, MappingsCommand.Policy.class, MappingsCommand.History.class})
final class MappingsCommand extends ApiCommand {

    @Override
    public Integer call() throws Exception {
        return new ListKinds().from(this).call();
    }

    @Command(name = "list", description = "Every kind's current mapping version.")
    static final class ListKinds extends ApiCommand {
        @Override
        public Integer call() throws Exception {
            ApiClient api = target.api();
            String body = api.get("api/mappings");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"KIND", "VERSION", "EXTRA COLUMNS", "CHANGED BY", "CHANGED AT"});
            for (Map<String, Object> m : api.list(body)) {
                rows.add(new String[] {str(m.get("slug")), str(m.get("name")), lower(m.get("extraColumns")),
                    str(m.get("changedBy")), str(m.get("changedAt"))});
            }
            return print(body, b -> Reports.table(rows));
        }
    }

    @Command(name = "show", description = "A kind's fields and the header names each matches (current version, or --version).")
    static final class Show extends ApiCommand {
        @Parameters(index = "0", paramLabel = "KIND", description = "pathful, roster, events, virtual_sessions, teachers, ...")
        String kind;
        @Option(names = "--version", paramLabel = "N", description = "a past version")
        Integer version;

        @Override
        public Integer call() throws Exception {
            return printVersion(this, target.api().get(path(kind) + (version == null ? "" : "?version=" + version)));
        }
    }

    @Command(name = "set", description = "Let FIELD also arrive as the column NAME (makes the next version).")
    static final class Set extends ApiCommand {
        @Parameters(index = "0", paramLabel = "KIND")
        String kind;
        @Parameters(index = "1", paramLabel = "FIELD", description = "the field's label or key, e.g. TeacherEmail or teacher-email")
        String field;
        @Option(names = "--alias", required = true, paramLabel = "NAME", description = "the header name to accept")
        String alias;
        @Option(names = "--note", paramLabel = "TEXT", description = "why, for the history")
        String note;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("field", field);
            body.put("alias", alias);
            body.put("note", note);
            return printVersion(this, target.api().post(path(kind) + "/aliases", ApiClient.JSON.writeValueAsString(body)));
        }
    }

    @Command(name = "remove-alias", description = "Stop accepting the column NAME for FIELD (makes the next version).")
    static final class RemoveAlias extends ApiCommand {
        @Parameters(index = "0", paramLabel = "KIND")
        String kind;
        @Parameters(index = "1", paramLabel = "FIELD")
        String field;
        @Option(names = "--alias", required = true, paramLabel = "NAME")
        String alias;
        @Option(names = "--note", paramLabel = "TEXT", description = "why, for the history")
        String note;

        @Override
        public Integer call() throws Exception {
            return printVersion(this, target.api().delete(path(kind) + "/aliases?field=" + ApiClient.encode(field) + "&alias="
                    + ApiClient.encode(alias) + (note == null ? "" : "&note=" + ApiClient.encode(note))));
        }
    }

    @Command(name = "policy", description = "What a run whose header has columns no field claims gets: a warning "
            + "(warn, the default) or nothing (ignore). A missing required column always rejects the run.")
    static final class Policy extends ApiCommand {
        @Parameters(index = "0", paramLabel = "KIND")
        String kind;
        @Option(names = "--extra-columns", required = true, paramLabel = "warn|ignore")
        String extraColumns;
        @Option(names = "--note", paramLabel = "TEXT", description = "why, for the history")
        String note;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("extraColumns", extraColumns);
            body.put("note", note);
            return printVersion(this, target.api().put(path(kind) + "/policy", ApiClient.JSON.writeValueAsString(body)));
        }
    }

    @Command(name = "history", description = "Every version of a kind's mapping: who changed what, when, and why.")
    static final class History extends ApiCommand {
        @Parameters(index = "0", paramLabel = "KIND")
        String kind;

        @Override
        public Integer call() throws Exception {
            ApiClient api = target.api();
            String body = api.get(path(kind) + "/history");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"VERSION", "CHANGED AT", "BY", "CHANGE", "NOTE"});
            for (Map<String, Object> h : api.list(body)) {
                rows.add(new String[] {str(h.get("name")), str(h.get("changedAt")), str(h.get("changedBy")),
                    str(h.get("change")), str(h.get("note"))});
            }
            return print(body, b -> Reports.table(rows));
        }
    }

    /** A version as operators read it: each field, required or not, with the names it matches. */
    static String describe(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        b.append("Mapping ").append(m.get("name")).append(" (").append(m.get("slug")).append(")\n");
        b.append("Changed: ").append(m.get("changedAt")).append(" by ").append(m.get("changedBy")).append(": ")
                .append(m.get("change")).append(m.get("note") == null ? "" : " (" + m.get("note") + ")").append('\n');
        b.append("Extra columns: ").append(lower(m.get("extraColumns"))).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"FIELD", "KEY", "REQUIRED", "MATCHES"});
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) m.get("fields");
        for (Map<String, Object> f : fields) {
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) f.get("aliases");
            List<String> names = new ArrayList<>();
            names.add(str(f.get("label")));
            aliases.stream().filter(a -> !a.equals(f.get("label"))).forEach(names::add);
            rows.add(new String[] {str(f.get("label")), str(f.get("key")), Boolean.TRUE.equals(f.get("required")) ? "yes" : "no",
                String.join(", ", names)});
        }
        b.append(Reports.table(rows));
        return b.toString();
    }

    /** Prints one mapping version. */
    private static int printVersion(ApiCommand command, String body) throws Exception {
        Map<String, Object> version = command.target.api().object(body);
        return command.print(body, b -> describe(version));
    }

    private static String path(String kind) {
        return "api/mappings/" + ApiClient.encode(kind);
    }

    private static String lower(Object o) {
        return o == null ? "" : o.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
