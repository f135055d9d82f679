package org.polaris.salesforce.sync;

import java.util.LinkedHashMap;
import java.util.Map;

import org.polaris.schemas.kinds.RunCounts;
import org.polaris.schemas.kinds.salesforce.SalesforceKind;

/**
 * One step of a sync as the runner reports it: its run, its status and the playbook's counts.
 * Statuses: PENDING, RUNNING, COMPLETED; FAILED (Salesforce failed, or the run failed or stalled),
 * LIMITED (the API request limit), REFUSED (credentials or settings); NOT_RUN (an earlier step's
 * refusal or limit stopped the sync).
 */
public final class StepResult {

    public final String step;
    public final String kind;
    public volatile String status = "PENDING";
    public volatile String runId;
    public volatile String window;
    public volatile boolean bulk;
    public volatile String message;
    public volatile Map<String, Integer> counts = Map.of();
    public volatile Integer sourceCount;
    public volatile Integer polarisCount;
    public volatile String apiUsage;
    /** Chunks read (students), 0 for a step that is not chunked. */
    public volatile int chunks;

    /** The kind of a step that derives in Polaris and reads nothing ({@link Steps#LOCAL}). */
    public static final String LOCAL = "POLARIS";
    /** The unaffiliated events step's result. */
    public volatile SyncLedger.Affiliation affiliation;

    StepResult(String step, String kind) {
        this.step = step;
        this.kind = kind;
    }

    public boolean finished() {
        return !status.equals("PENDING") && !status.equals("RUNNING");
    }

    /** The {@code --json} entry: step, runId, status, the playbook's counts, then the step's own keys. */
    public Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("step", step);
        j.put("kind", kind);
        j.put("runId", runId);
        j.put("status", status);
        int created = count(RunCounts.CREATED);
        int updated = count(RunCounts.UPDATED);
        int skipped = count(RunCounts.SKIPPED);
        j.put("total", count(RunCounts.PROCESSED));
        j.put("successful", created + updated + skipped);
        j.put("created", created);
        j.put("updated", updated);
        j.put("unchanged", skipped);
        j.put("errors", count(RunCounts.INVALID));
        j.put("warnings", count(RunCounts.WARNINGS));
        j.put("deleted", count(SalesforceKind.DELETED));
        j.put("waiting", count(RunCounts.WAITING));
        j.put("appliedChildren", count(SalesforceKind.APPLIED));
        if (step.equals("history")) { // Playbook D6's block (SfHistoryKind says how it reads)
            j.put("alreadyExist", updated + skipped);
            j.put("noMatchingContact", count(RunCounts.WAITING));
            j.put("otherErrors", count(RunCounts.INVALID));
            j.put("totalSkipped", skipped + count(RunCounts.WAITING) + count(RunCounts.INVALID));
        }
        if (affiliation != null) {
            j.put("unaffiliated", affiliation.unaffiliated());
            j.put("bySchool", affiliation.bySchool());
            j.put("byParticipants", affiliation.byParticipants());
            j.put("stillUnaffiliated", affiliation.still());
        }
        if (chunks > 0) {
            j.put("chunks", chunks);
        }
        Map<String, Integer> status = breakdown("status:");
        Map<String, Integer> type = breakdown("type:");
        if (!status.isEmpty() || !type.isEmpty()) {
            j.put("statusBreakdown", status);
            j.put("typeBreakdown", type);
        }
        if (sourceCount != null) {
            j.put("sourceCount", sourceCount);
            j.put("polarisCount", polarisCount);
        }
        j.put("window", window);
        j.put("bulk", bulk);
        if (apiUsage != null) {
            j.put("apiUsage", apiUsage);
        }
        if (message != null) {
            j.put("message", message);
        }
        return j;
    }

    private int count(String name) {
        return counts.getOrDefault(name, 0);
    }

    private Map<String, Integer> breakdown(String prefix) {
        Map<String, Integer> b = new java.util.TreeMap<>();
        counts.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                b.put(k.substring(prefix.length()), v);
            }
        });
        return b;
    }
}
