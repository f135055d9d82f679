package org.polaris.launcher.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code polaris progress --academic-year Y}: the roster teachers of a year and their status. */
@Command(name = "progress", description = "Teacher progress of an academic year (Achieved, In Progress, Not Started).")
final class ProgressCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PolarisCli.Target target;

    @Option(names = "--academic-year", required = true, description = "e.g. 2024-2025")
    String academicYear;

    @Option(names = "--json", description = "print the teachers as a JSON array")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var teachers = target.api().progress(academicYear);
        var out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = teachers.stream().map(t -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (String k : List.of("email", "name", "targetSessions", "attended", "status")) {
                    m.put(k, t.get(k));
                }
                return m;
            }).toList();
            out.println(ApiClient.JSON.writeValueAsString(rows));
        } else {
            out.print(Reports.progressTable(teachers));
        }
        out.flush();
        return 0;
    }
}
