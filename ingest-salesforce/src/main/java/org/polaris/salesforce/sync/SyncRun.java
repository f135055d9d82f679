package org.polaris.salesforce.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One sync: its steps in order, as they run. */
public final class SyncRun {

    public final String id;
    public final String triggeredBy;
    public final Instant startedAt = Instant.now();
    public final boolean delta;
    public final boolean validateOnly;
    public final List<StepResult> steps;
    /** Steps the flags chose that this build has no import for. */
    public final List<String> notInThisBuild;
    public volatile Instant endedAt;

    SyncRun(String id, String triggeredBy, boolean delta, boolean validateOnly, List<StepResult> steps,
            List<String> notInThisBuild) {
        this.id = id;
        this.triggeredBy = triggeredBy;
        this.delta = delta;
        this.validateOnly = validateOnly;
        this.steps = steps;
        this.notInThisBuild = notInThisBuild;
    }

    public boolean finished() {
        return endedAt != null;
    }

    public Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("syncId", id);
        j.put("triggeredBy", triggeredBy);
        j.put("startedAt", startedAt.toString());
        j.put("endedAt", endedAt == null ? null : endedAt.toString());
        j.put("delta", delta);
        j.put("validateOnly", validateOnly);
        j.put("finished", finished());
        j.put("steps", steps.stream().map(StepResult::json).toList());
        j.put("notInThisBuild", notInThisBuild);
        return j;
    }
}
