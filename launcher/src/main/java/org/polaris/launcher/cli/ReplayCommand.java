package org.polaris.launcher.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polaris replay RUN_ID}: a past run's raw rows published again under a new run id, read through
 * the current alias mapping (after a column change: the rejected run, once the mapping is fixed).
 * Administrators only. Follows the new run and prints its summary, as {@code import} does.
 */
@Command(name = "replay", description = "Replay a completed or rejected run from its raw topic under the current "
        + "alias mapping (administrators), and wait for the new run's result.")
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PolarisCli.Target target;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run to replay")
    String runId;

    @Mixin
    RunFollow run;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        ApiClient api = target.api();
        Map<String, Object> receipt = api.object(api.post("api/runs/" + ApiClient.encode(runId) + "/replay?validateOnly="
                + run.validateOnly, null));
        String replay = receipt.get("runId").toString();
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) receipt.get("read");
        return run.follow(api, replay, "Run " + replay + " replays run " + runId + ": " + receipt.get("rows")
                + " rows read back from " + describe(read), out, err);
    }

    static String describe(Map<String, Object> read) {
        long from = ((Number) read.get("fromOffset")).longValue();
        return read.get("topic") + " partition " + read.get("partition")
                + (from < 0 ? " (the run had no rows)" : ", offsets " + from + " to " + read.get("toOffset") + " ("
                + read.get("records") + " records)");
    }
}
