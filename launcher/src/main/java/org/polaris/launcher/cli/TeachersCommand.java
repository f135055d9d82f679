package org.polaris.launcher.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polaris teachers unmatched|match|unmatch|auto-match}: linking roster entries to VMS teachers. */
@Command(name = "teachers", description = "Match roster teachers to VMS teachers (Playbook B, Post-Import).",
        subcommands = {TeachersCommand.Unmatched.class, TeachersCommand.Match.class, TeachersCommand.Unmatch.class,
            TeachersCommand.AutoMatch.class})
final class TeachersCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code bin/polaris teachers} alone: which subcommand, as usage (refused: exit 2). */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("polaris: teachers needs a subcommand: unmatched, match, unmatch or auto-match");
        spec.commandLine().usage(spec.commandLine().getErr());
        return PolarisCli.REFUSED;
    }

    @Command(name = "unmatched", description = "Roster entries without a VMS teacher, with the candidates to review.")
    static final class Unmatched implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        PolarisCli.Target target;
        @Option(names = "--academic-year", required = true)
        String academicYear;
        @Option(names = "--all", description = "every roster entry, linked or not")
        boolean all;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            ApiClient api = target.api();
            List<Map<String, Object>> rows = api.list(api.get("api/teachers/roster?academicYear=" + academicYear
                    + "&unmatchedOnly=" + !all));
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(ApiClient.JSON.writeValueAsString(rows));
            } else {
                List<String[]> table = new ArrayList<>();
                table.add(new String[] {"EMAIL", "NAME", "BUILDING", "STATUS", "TEACHER", "CANDIDATES (id name score)"});
                for (Map<String, Object> r : rows) {
                    StringBuilder candidates = new StringBuilder();
                    for (Object c : (List<?>) r.get("candidates")) {
                        Map<?, ?> m = (Map<?, ?>) c;
                        candidates.append(candidates.length() == 0 ? "" : "; ").append(m.get("teacherId")).append(' ')
                                .append(m.get("name")).append(' ').append(m.get("score"));
                    }
                    table.add(new String[] {str(r.get("email")), str(r.get("name")), str(r.get("building")),
                        str(r.get("status")), r.get("teacherId") == null ? "" : r.get("teacherId") + " " + r.get("teacherName"),
                        candidates.toString()});
                }
                out.print(Reports.table(table));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "match", description = "Link a roster entry to a VMS teacher by hand (never changed by auto-match).")
    static final class Match implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        PolarisCli.Target target;
        @Parameters(index = "0", paramLabel = "EMAIL", description = "the roster entry's teacher email")
        String email;
        @Parameters(index = "1", paramLabel = "TEACHER_ID", description = "the VMS teacher's id")
        long teacherId;
        @Option(names = "--academic-year", required = true)
        String academicYear;
        @Option(names = "--json", description = "print the API's answer as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return post(spec, target, "api/teachers/match", academicYear, email, teacherId, json);
        }
    }

    @Command(name = "unmatch", description = "Remove a roster entry's link (kept unlinked by auto-match).")
    static final class Unmatch implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        PolarisCli.Target target;
        @Parameters(index = "0", paramLabel = "EMAIL")
        String email;
        @Option(names = "--academic-year", required = true)
        String academicYear;
        @Option(names = "--json", description = "print the API's answer as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return post(spec, target, "api/teachers/unmatch", academicYear, email, null, json);
        }
    }

    @Command(name = "auto-match", description = "Run the auto-match again for a year (email, then name).")
    static final class AutoMatch implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        PolarisCli.Target target;
        @Option(names = "--academic-year", required = true)
        String academicYear;
        @Option(names = "--json", description = "print the API's answer as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            ApiClient api = target.api();
            Map<String, Object> r = api.object(api.post("api/teachers/auto-match?academicYear="
                    + ApiClient.encode(academicYear), null));
            spec.commandLine().getOut().println(json ? ApiClient.JSON.writeValueAsString(r)
                    : "Auto-match " + academicYear + ": " + r.get("linked") + " roster entries linked");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static int post(CommandLine.Model.CommandSpec spec, PolarisCli.Target target, String path, String year,
            String email, Long teacherId, boolean json) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("academicYear", year);
        body.put("email", email);
        body.put("teacherId", teacherId);
        ApiClient api = target.api();
        String answer = api.post(path, ApiClient.JSON.writeValueAsString(body));
        spec.commandLine().getOut().println(json ? answer.strip() : teacherId == null ? "Unlinked " + email + " (" + year + ")"
                : "Linked " + email + " (" + year + ") to teacher #" + teacherId);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
