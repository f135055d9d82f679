package org.polaris.writer.api;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import org.polaris.schemas.kinds.RunCounts;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;
import org.polaris.schemas.kinds.SummaryLine;
import org.polaris.writer.ledger.RunLedger;

/**
 * A run for operators: identity, window, status, the outcome counts, and what its kind says of them:
 * its label ({@code kindLabel}), the playbook's Expected Output block ({@code summary}), the counts
 * {@code --json} reports ({@code counts}), and its own counters ({@code extras}, also as top-level
 * fields such as {@code deactivated}). A client prints these; it needs to know no kind. {@code runWarnings}
 * is what the header check noticed about the run as a whole; {@code replayedBy} the runs that replay it.
 */
public record RunView(String runId, String kind, String kindLabel, String status, String sourceRef, String window,
        String district, String triggeredBy, String mode, String mappingVersion, String replayOf, Integer expectedRows,
        int processed, int created, int updated, int skipped, int unmatchedTeacher, int unmatchedEvent, int invalid,
        int waiting, int warnings, String message, OffsetDateTime startedAt, OffsetDateTime completedAt, boolean countsAddUp,
        List<SummaryLine.Value> summary, Map<String, Integer> counts, List<Extra> extras, List<String> runWarnings,
        List<String> replayedBy) {

    /** One of the kind's own counters, with its label. */
    public record Extra(String name, String label, int value) {
    }

    /** The kind's counters as top-level fields (a roster run's {@code deactivated}). */
    @JsonAnyGetter
    public Map<String, Integer> counterFields() {
        Map<String, Integer> fields = new LinkedHashMap<>();
        extras.forEach(e -> fields.put(e.name(), e.value()));
        return fields;
    }

    public static RunView of(ImportRun r) {
        return of(r, List.of());
    }

    /** The run, with the ids of the runs that replay it. */
    public static RunView of(ImportRun r, List<String> replayedBy) {
        int sum = r.created + r.updated + r.skipped + r.unmatchedTeacher + r.unmatchedEvent + r.invalid + r.waiting;
        Map<String, Integer> counters = RunLedger.counters(r.counters);
        Map<String, Integer> all = RunCounts.of(r.processed, r.created, r.updated, r.skipped, r.unmatchedTeacher,
                r.unmatchedEvent, r.invalid, r.waiting, r.warnings, counters);
        Optional<SourceKind<?>> kind = SourceKinds.byId(r.kind);
        List<SummaryLine.Value> summary = kind.map(k -> k.summary(all)).orElseGet(() -> GENERIC.stream()
                .map(l -> new SummaryLine.Value(l.label(), l.valueOf(all))).toList());
        Map<String, Integer> reported = kind.map(k -> k.reported(all)).orElseGet(() -> {
            Map<String, Integer> standard = new LinkedHashMap<>();
            RunCounts.STANDARD.forEach(n -> standard.put(n, all.get(n)));
            return standard;
        });
        // the kind's declared counters (0 until counted), then any other the ledger holds, named as stored
        List<Extra> extras = new java.util.ArrayList<>();
        kind.ifPresent(k -> k.counters().forEach(c -> extras.add(new Extra(c.name(), c.label(),
                counters.getOrDefault(c.name(), 0)))));
        counters.forEach((name, value) -> {
            if (extras.stream().noneMatch(e -> e.name().equals(name))) {
                extras.add(new Extra(name, name, value));
            }
        });
        return new RunView(r.id.toString(), r.kind, kind.map(SourceKind::label).orElse(r.kind), r.status, r.sourceRef,
                r.window, r.district, r.triggeredBy, r.mode, r.mappingVersion,
                r.replayOf == null ? null : r.replayOf.toString(), r.expectedRows, r.processed, r.created, r.updated,
                r.skipped, r.unmatchedTeacher, r.unmatchedEvent, r.invalid, r.waiting, r.warnings, r.message, r.startedAt,
                r.completedAt, sum == r.processed, summary, reported, List.copyOf(extras),
                r.runWarnings == null ? List.of() : List.of(r.runWarnings), List.copyOf(replayedBy));
    }

    /** The block of a run whose kind this build does not know (a run that never started, say). */
    private static final List<SummaryLine> GENERIC = List.of(
            SummaryLine.of("Rows processed", RunCounts.PROCESSED),
            SummaryLine.of("Rows created", RunCounts.CREATED),
            SummaryLine.of("Rows updated", RunCounts.UPDATED),
            SummaryLine.of("Rows skipped", RunCounts.SKIPPED),
            SummaryLine.of("Rows unmatched (teacher)", RunCounts.UNMATCHED_TEACHER),
            SummaryLine.of("Rows unmatched (event)", RunCounts.UNMATCHED_EVENT),
            SummaryLine.of("Rows invalid", RunCounts.INVALID),
            SummaryLine.of("Warnings", RunCounts.WARNINGS));
}
