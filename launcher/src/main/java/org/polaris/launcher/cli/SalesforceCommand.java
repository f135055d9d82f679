package org.polaris.launcher.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code polaris salesforce sync|status}: the Salesforce runner (Playbook D, facts §6), global administrators only. */
@Command(name = "salesforce", description = "Sync Polaris from Salesforce, and see each import's watermark.",
        subcommands = {SalesforceCommand.Sync.class, SalesforceCommand.Status.class, SalesforceCommand.Stream.class})
final class SalesforceCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "sync", description = "Run the imports in facts §6 order (organizations, volunteers, affiliations, "
            + "events, history, schools, classes, teachers, student_participations, students, unaffiliated_events), "
            + "each one run, printing each step's summary as it ends. Exit 0: every step completed; 2: refused "
            + "(credentials, access, flags); 3: Salesforce failed or limited, or a run failed.")
    static final class Sync implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        PolarisCli.Target target;
        @Option(names = "--daily", description = "the first five steps (the default)")
        boolean daily;
        @Option(names = "--weekly", description = "the daily steps, schools, classes and teachers")
        boolean weekly;
        @Option(names = "--full", description = "every step, every record (no watermark)")
        boolean full;
        @Option(names = "--students", description = "add the student steps (only these or --full read students)")
        boolean students;
        @Option(names = "--only", split = ",", paramLabel = "STEP", description = "only these steps, e.g. --only organizations,events")
        List<String> only;
        @Option(names = "--exclude", split = ",", paramLabel = "STEP", description = "leave these steps out")
        List<String> exclude;
        @Option(names = "--delta", description = "only what changed since each import's watermark (minus SF_DELTA_OVERLAP)")
        boolean delta;
        @Option(names = "--validate-only", description = "report what would change; write nothing, move no watermark")
        boolean validateOnly;
        @Option(names = "--json", description = "print {\"steps\": [...]} with every step's counts when the sync ends")
        boolean json;
        @Option(names = "--timeout", description = "longest to wait for the sync (default PT2H)")
        Duration timeout = Duration.ofHours(2);

        @Override
        public Integer call() throws Exception {
            Map<String, Object> flags = new LinkedHashMap<>();
            flags.put("daily", daily);
            flags.put("weekly", weekly);
            flags.put("full", full);
            flags.put("students", students);
            flags.put("only", only);
            flags.put("exclude", exclude);
            flags.put("delta", delta);
            flags.put("validateOnly", validateOnly);
            ApiClient api = target.api();
            Map<String, Object> sync = api.object(api.post("api/salesforce/sync", ApiClient.JSON.writeValueAsString(flags)));
            var out = spec.commandLine().getOut();
            String id = (String) sync.get("syncId");
            if (!json) {
                out.println("Salesforce sync " + id + (validateOnly ? " (validate only)" : "") + ": "
                        + String.join(", ", steps(sync).stream().map(s -> (String) s.get("step")).toList()));
                @SuppressWarnings("unchecked")
                List<String> missing = (List<String>) sync.get("notInThisBuild");
                if (missing != null && !missing.isEmpty()) {
                    out.println("Not in this build (not run): " + String.join(", ", missing));
                }
                out.flush();
            }
            Instant deadline = Instant.now().plus(timeout);
            int printed = 0;
            while (true) {
                sync = api.object(api.get("api/salesforce/syncs/" + id));
                List<Map<String, Object>> steps = steps(sync);
                while (!json && printed < steps.size() && finished(steps.get(printed))) {
                    out.print(describe(steps.get(printed++)));
                    out.flush();
                }
                if (Boolean.TRUE.equals(sync.get("finished"))) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    spec.commandLine().getErr().println("polaris: the sync is still running after " + timeout
                            + "; follow it with bin/polaris salesforce status");
                    return PolarisCli.UNAVAILABLE;
                }
                Thread.sleep(300);
            }
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("syncId", id);
                result.put("steps", steps(sync));
                result.put("notInThisBuild", sync.get("notInThisBuild"));
                out.println(ApiClient.JSON.writeValueAsString(result));
                out.flush();
            }
            return exitCode(steps(sync));
        }

        static int exitCode(List<Map<String, Object>> steps) {
            boolean refused = steps.stream().anyMatch(s -> "REFUSED".equals(s.get("status")));
            boolean failed = steps.stream().anyMatch(s -> !"COMPLETED".equals(s.get("status")));
            return refused ? PolarisCli.REFUSED : failed ? PolarisCli.UNAVAILABLE : 0;
        }

        private static boolean finished(Map<String, Object> step) {
            return !List.of("PENDING", "RUNNING").contains(step.get("status"));
        }

        /** A step as Playbook D prints it. */
        @SuppressWarnings("unchecked")
        static String describe(Map<String, Object> s) {
            StringBuilder b = new StringBuilder();
            b.append('\n').append(s.get("step")).append(": ").append(s.get("status"));
            if (s.get("runId") != null) {
                b.append("  (run ").append(s.get("runId")).append(", ").append(s.get("window"))
                        .append(Boolean.TRUE.equals(s.get("bulk")) ? ", Bulk API 2.0" : "").append(')');
            }
            b.append('\n');
            if (s.get("message") != null) {
                b.append("  ").append(s.get("message")).append('\n');
            }
            List<String[]> rows = new ArrayList<>();
            if (s.get("unaffiliated") != null) { // facts §6's last step: no run, its own block
                rows.add(new String[] {"Unaffiliated events:", str(s.get("unaffiliated"))});
                rows.add(new String[] {"By their school:", str(s.get("bySchool"))});
                rows.add(new String[] {"By participants:", str(s.get("byParticipants"))});
                rows.add(new String[] {"Still unaffiliated:", str(s.get("stillUnaffiliated"))});
                rows.add(new String[] {"Changed:", str(s.get("updated"))});
                return b.append(lines(rows)).toString();
            }
            if (s.get("runId") == null) {
                return b.toString();
            }
            if (s.get("alreadyExist") != null) { // Playbook D6's block
                rows.add(new String[] {"Total records to process:", str(s.get("total"))});
                rows.add(new String[] {"New records created:", str(s.get("created"))});
                rows.add(new String[] {"Records already exist:", str(s.get("alreadyExist"))});
                rows.add(new String[] {"No matching contact:", str(s.get("noMatchingContact"))});
                rows.add(new String[] {"Other errors:", str(s.get("otherErrors"))});
                rows.add(new String[] {"Total skipped:", str(s.get("totalSkipped"))});
                rows.add(new String[] {"Updated:", str(s.get("updated"))});
                rows.add(new String[] {"Deleted:", str(s.get("deleted"))});
            } else {
                rows.add(new String[] {"Total Records:", str(s.get("total"))});
                rows.add(new String[] {"Successful:", str(s.get("successful"))});
                rows.add(new String[] {"Created:", str(s.get("created"))});
                rows.add(new String[] {"Updated:", str(s.get("updated"))});
                rows.add(new String[] {"Errors:", str(s.get("errors"))});
                rows.add(new String[] {"Deleted:", str(s.get("deleted"))});
            }
            if (s.get("chunks") != null) {
                rows.add(new String[] {"Chunks processed:", str(s.get("chunks"))});
            }
            if (((Number) s.getOrDefault("waiting", 0)).intValue() > 0) {
                rows.add(new String[] {"Waiting for parent:", str(s.get("waiting"))});
            }
            if (((Number) s.getOrDefault("appliedChildren", 0)).intValue() > 0) {
                rows.add(new String[] {"Waiting applied:", str(s.get("appliedChildren"))});
            }
            if (s.get("sourceCount") != null) {
                rows.add(new String[] {"Source count check:", "Salesforce " + s.get("sourceCount") + ", Polaris "
                        + s.get("polarisCount")});
            }
            b.append(lines(rows));
            for (String key : List.of("statusBreakdown", "typeBreakdown")) {
                Map<String, Object> breakdown = (Map<String, Object>) s.get(key);
                if (breakdown != null && !breakdown.isEmpty()) {
                    b.append(key.equals("statusBreakdown") ? "  Status breakdown:\n" : "  Session type breakdown:\n");
                    breakdown.forEach((k, v) -> b.append("    ").append(k).append(": ").append(v).append('\n'));
                }
            }
            return b.toString();
        }

        private static String lines(List<String[]> rows) {
            int width = Math.max(20, rows.stream().mapToInt(r -> r[0].length() + 1).max().orElse(0));
            StringBuilder b = new StringBuilder();
            for (String[] r : rows) {
                b.append(String.format("  %-" + width + "s %s%n", r[0], r[1]));
            }
            return b.toString();
        }

        @SuppressWarnings("unchecked")
        private static List<Map<String, Object>> steps(Map<String, Object> sync) {
            return (List<Map<String, Object>>) sync.get("steps");
        }
    }

    @Command(name = "status", description = "Each Salesforce import's watermark and live record count, the last sync "
            + "and the org's API usage.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        PolarisCli.Target target;
        @Option(names = "--json", description = "print the status as JSON")
        boolean json;

        @Override
        @SuppressWarnings("unchecked")
        public Integer call() throws Exception {
            ApiClient api = target.api();
            Map<String, Object> status = api.object(api.get("api/salesforce/status"));
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(ApiClient.JSON.writeValueAsString(status));
            } else {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"STEP", "KIND", "WATERMARK", "IN POLARIS"});
                for (Map<String, Object> i : (List<Map<String, Object>>) status.get("imports")) {
                    rows.add(new String[] {str(i.get("step")), str(i.get("kind")),
                        i.get("watermark") == null ? "never synced" : str(i.get("watermark")), str(i.get("polarisCount"))});
                }
                out.print(Reports.table(rows));
                Map<String, Object> last = (Map<String, Object>) status.get("lastSync");
                out.println(last == null ? "No sync since this instance started."
                        : "Last sync " + last.get("syncId") + " by " + last.get("triggeredBy") + ", started "
                        + last.get("startedAt") + (Boolean.TRUE.equals(last.get("finished")) ? ", ended " + last.get("endedAt")
                        : ", running"));
                out.println("Salesforce API usage: " + status.get("apiUsage"));
                out.println("Schedule: " + String.join("; ", (List<String>) status.get("schedule")));
            }
            out.flush();
            return 0;
        }
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    @Command(name = "stream", description = "The Streaming API subscription (Change Data Capture): status, start, stop, "
            + "roll (close the rolling runs now).")
    static final class Stream implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        PolarisCli.Target target;
        @CommandLine.Parameters(index = "0", defaultValue = "status", paramLabel = "ACTION",
                description = "status (default), start, stop or roll")
        String action;
        @Option(names = "--json", description = "print the status as JSON")
        boolean json;

        @Override
        @SuppressWarnings("unchecked")
        public Integer call() throws Exception {
            ApiClient api = target.api();
            Map<String, Object> status = switch (action) {
                case "status" -> api.object(api.get("api/salesforce/stream"));
                case "start", "stop", "roll" -> api.object(api.post("api/salesforce/stream/" + action, "{}"));
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "no stream action " + action + " (status, start, stop, roll)");
            };
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(ApiClient.JSON.writeValueAsString(status));
                return 0;
            }
            out.println("Salesforce stream: " + (Boolean.TRUE.equals(status.get("running"))
                    ? (Boolean.TRUE.equals(status.get("leader")) ? "running, this replica subscribes"
                    : "running, another replica subscribes") : "not running"));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"CHANNEL", "CONNECTED", "REPLAY ID", "LAST COMMIT", "LAG S", "EVENTS", "HEALS", "WHY / LAST HEAL"});
            for (Map<String, Object> c : (List<Map<String, Object>>) status.get("channels")) {
                rows.add(new String[] {str(c.get("channel")), Boolean.TRUE.equals(c.get("connected")) ? "yes" : "no",
                    str(c.get("replayId")), str(c.get("lastCommit")), str(c.get("lagSeconds")), str(c.get("events")),
                    str(c.get("heals")), c.get("why") != null ? str(c.get("why")) : str(c.get("lastHeal"))});
            }
            out.print(Reports.table(rows));
            Map<String, Object> open = (Map<String, Object>) status.get("openRuns");
            if (open != null && !open.isEmpty()) {
                open.forEach((kind, run) -> out.println("Open rolling run of " + kind + ": " + run));
            }
            return 0;
        }
    }
}
