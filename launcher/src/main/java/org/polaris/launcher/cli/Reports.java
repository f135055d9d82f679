package org.polaris.launcher.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the CLI prints: a run's "Expected Output" block (its kind's labels, served by the API), the
 * runs table, one run in the import-log layout, and the progress table. Pure functions of the API's
 * JSON; no kind is named here.
 */
final class Reports {

    private Reports() {
    }

    /** The playbook's Expected Output block for a completed run, as the API gives it ({@code summary}). */
    static String summary(Map<String, Object> run) {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> line : maps(run.get("summary"))) {
            line(b, str(line.get("label")), line.get("value"));
        }
        return b.toString();
    }

    /** The one JSON object of {@code --json}: the run id and the counts the run's kind reports ({@code counts}). */
    static Map<String, Object> json(Map<String, Object> run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runId", run.get("runId"));
        if (run.get("counts") instanceof Map<?, ?> counts) {
            counts.forEach((k, v) -> out.put(k.toString(), v));
        }
        if (!"COMPLETED".equals(run.get("status"))) {
            out.put("status", run.get("status"));
            out.put("message", run.get("message"));
        }
        return out;
    }

    /** One line per run, newest first. */
    static String runsTable(List<Map<String, Object>> runs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RUN ID", "KIND", "STATUS", "STARTED (UTC)", "SOURCE", "WINDOW", "PROCESSED", "CREATED",
            "UPDATED", "SKIPPED", "UNM.TEACHER", "UNM.EVENT", "INVALID", "CHECK"});
        for (Map<String, Object> r : runs) {
            rows.add(new String[] {str(r.get("runId")), str(r.get("kind")), str(r.get("status")), time(r.get("startedAt")),
                str(r.get("sourceRef")), str(r.get("window")), progress(r), str(r.get("created")), str(r.get("updated")),
                str(r.get("skipped")), str(r.get("unmatchedTeacher")), str(r.get("unmatchedEvent")), str(r.get("invalid")),
                Boolean.TRUE.equals(r.get("countsAddUp")) ? "ok" : "MISMATCH"});
        }
        return table(rows);
    }

    /** A run in the spec's import-log layout, with the rows behind its invalid and unmatched counts. */
    static String importLog(Map<String, Object> run, List<Map<String, Object>> problemRows,
            List<Map<String, Object>> warningRows) {
        StringBuilder b = new StringBuilder();
        b.append("Import type: ").append(run.get("kindLabel") != null ? str(run.get("kindLabel")) : str(run.get("kind")))
                .append('\n');
        b.append("Run id: ").append(str(run.get("runId"))).append('\n');
        b.append("Run date/time: ").append(time(run.get("startedAt"))).append(" UTC").append('\n');
        b.append("Run by: ").append(str(run.get("triggeredBy"))).append('\n');
        b.append("File name: ").append(str(run.get("sourceRef"))).append('\n');
        b.append("Window: ").append(run.get("window") == null ? "-" : str(run.get("window")))
                .append(run.get("district") == null ? "" : " (" + run.get("district") + ")").append('\n');
        if ("VALIDATE".equals(run.get("mode"))) {
            b.append("Mode: validate only (nothing was written)\n");
        }
        b.append("Status: ").append(str(run.get("status")).toLowerCase(Locale.ROOT));
        if (run.get("message") != null) {
            b.append(" (").append(run.get("message")).append(')');
        }
        b.append('\n');
        b.append("Mapping version: ").append(run.get("mappingVersion") == null ? "-" : str(run.get("mappingVersion")))
                .append('\n');
        if (run.get("replayOf") != null) {
            b.append("Replay of: ").append(str(run.get("replayOf"))).append('\n');
        }
        for (String replay : strings(run.get("replayedBy"))) {
            b.append("Replayed by: ").append(replay).append('\n');
        }
        b.append('\n').append("Results:\n");
        int unmatched = num(run, "unmatchedTeacher") + num(run, "unmatchedEvent");
        b.append("  Processed: ").append(progress(run)).append('\n');
        b.append("  Created: ").append(str(run.get("created"))).append('\n');
        b.append("  Updated: ").append(str(run.get("updated"))).append('\n');
        b.append("  Skipped: ").append(str(run.get("skipped"))).append('\n');
        b.append("  Unmatched: ").append(unmatched).append(" (teacher: ").append(str(run.get("unmatchedTeacher")))
                .append(", event: ").append(str(run.get("unmatchedEvent"))).append(")\n");
        b.append("  Invalid: ").append(str(run.get("invalid"))).append('\n');
        b.append("  Warnings: ").append(str(run.get("warnings"))).append('\n');
        for (Map<String, Object> extra : maps(run.get("extras"))) {
            if (num(extra, "value") > 0) {
                b.append("  ").append(str(extra.get("label"))).append(": ").append(str(extra.get("value"))).append('\n');
            }
        }
        b.append("  Check: created + updated + skipped + unmatched + invalid = ")
                .append(num(run, "created") + num(run, "updated") + num(run, "skipped") + unmatched + num(run, "invalid"))
                .append(Boolean.TRUE.equals(run.get("countsAddUp")) ? " = processed (ok)" : " != processed (MISMATCH)")
                .append('\n');
        b.append('\n').append("Decisions/notes:\n");
        List<String> runWarnings = strings(run.get("runWarnings"));
        for (String warning : runWarnings) {
            b.append("  run: warning: ").append(warning).append('\n');
        }
        if (problemRows.isEmpty() && warningRows.isEmpty() && runWarnings.isEmpty()) {
            b.append("  none: every row was created, updated or skipped\n");
        }
        for (Map<String, Object> row : problemRows) {
            b.append("  row ").append(str(row.get("row"))).append(": ").append(outcomeLabel(str(row.get("outcome"))))
                    .append(": ").append(String.join("; ", strings(row.get("reasons")))).append('\n');
        }
        for (Map<String, Object> row : warningRows) {
            b.append("  row ").append(str(row.get("row"))).append(": warning: ")
                    .append(String.join("; ", strings(row.get("warnings")))).append('\n');
        }
        b.append('\n').append("Follow-ups:\n");
        if (num(run, "unmatchedTeacher") > 0) {
            b.append("  - unmatched teachers: import or update the roster of ")
                    .append(run.get("window") == null ? "the academic year" : str(run.get("window")))
                    .append(" (Playbook B): a REMATCH run then completes the rows whose event exists too "
                            + "(bin/polaris unmatched lists what is still pending)\n");
        }
        if (num(run, "unmatchedEvent") > 0) {
            b.append("  - unmatched events: create the events with these Pathful session ids (an events import): a REMATCH "
                    + "run then completes the rows whose teacher is on the roster\n");
        }
        if (num(run, "invalid") > 0) {
            b.append("  - invalid rows: fix them in the source file and re-import\n");
        }
        if ("REJECTED".equals(run.get("status"))) {
            b.append("  - rejected: fix what the status says (a missing column: the mappings command it names), then replay "
                    + "the run from its raw rows: bin/polaris replay ").append(str(run.get("runId"))).append('\n');
        }
        if (unmatched + num(run, "invalid") == 0 && !"REJECTED".equals(run.get("status"))) {
            b.append("  none\n");
        }
        return b.toString();
    }

    /**
     * What a run would change (a validate-only run's {@code changes}): the rows it would create with
     * their values, the rows it would update with each field old -> new, the entries it would deactivate.
     */
    static String diff(Map<String, Object> run, List<Map<String, Object>> changes) {
        StringBuilder b = new StringBuilder();
        boolean validate = "VALIDATE".equals(run.get("mode"));
        b.append("Run ").append(str(run.get("runId"))).append(validate ? " (validate only): what it would change\n"
                : ": it was not validate-only, so what it changed is in its import log (bin/polaris run "
                + str(run.get("runId")) + ")\n");
        for (String action : List.of("CREATE", "UPDATE", "DEACTIVATE")) {
            List<Map<String, Object>> these = changes.stream().filter(c -> action.equals(c.get("action"))).toList();
            b.append(switch (action) {
                case "CREATE" -> "Would create: ";
                case "UPDATE" -> "Would update: ";
                default -> "Would deactivate: ";
            }).append(these.size()).append('\n');
            for (Map<String, Object> c : these) {
                b.append("  ").append(c.get("row") == null ? "" : "row " + c.get("row") + ": ").append(str(c.get("entity")))
                        .append(' ').append(str(c.get("key"))).append('\n');
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) c.get("fields");
                fields.forEach((name, f) -> {
                    b.append("      ").append(name).append(": ");
                    if ("CREATE".equals(action) || java.util.Objects.equals(f.get("old"), f.get("new"))) {
                        // a field that names the entry without changing (a deactivated teacher's name)
                        b.append(shown(f.get("new")));
                    } else {
                        b.append(shown(f.get("old"))).append(" -> ").append(shown(f.get("new")));
                    }
                    b.append('\n');
                });
            }
        }
        return b.toString();
    }

    private static String shown(Object value) {
        return value == null ? "(empty)" : value.toString();
    }

    static String progressTable(List<Map<String, Object>> teachers) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"EMAIL", "NAME", "TARGET", "ATTENDED", "STATUS"});
        for (Map<String, Object> t : teachers) {
            rows.add(new String[] {str(t.get("email")), str(t.get("name")), str(t.get("targetSessions")),
                str(t.get("attended")), str(t.get("status"))});
        }
        return table(rows);
    }

    private static String outcomeLabel(String outcome) {
        return switch (outcome) {
            case "UNMATCHED_TEACHER" -> "unmatched teacher";
            case "UNMATCHED_EVENT" -> "unmatched event";
            case "WAITING" -> "waiting for parent";
            default -> outcome.toLowerCase(Locale.ROOT);
        };
    }

    private static String progress(Map<String, Object> r) {
        Object expected = r.get("expectedRows");
        return expected == null || "COMPLETED".equals(r.get("status")) ? str(r.get("processed"))
                : str(r.get("processed")) + "/" + expected;
    }

    static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                b.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String label, Object value) {
        b.append(label).append(": ").append(str(value)).append('\n');
    }

    static int num(Map<String, Object> run, String key) {
        Object v = run.get(key);
        return v instanceof Number n ? n.intValue() : 0;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String time(Object iso) {
        if (iso == null) {
            return "-";
        }
        try {
            return java.time.OffsetDateTime.parse(iso.toString()).atZoneSameInstant(java.time.ZoneOffset.UTC)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        } catch (java.time.format.DateTimeParseException e) {
            return iso.toString();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? (List<String>) l : List.of();
    }
}
