package org.polaris.schemas.kinds;

import java.util.List;
import java.util.Optional;

import org.polaris.schemas.Keys;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.NormalizedRosterEntry;
import org.polaris.schemas.avro.RawRecord;

/** Playbook B: a district's teacher roster of an academic year (a Google Sheet or a file), replaced per run. */
public final class RosterKind implements SourceKind<NormalizedRosterEntry> {

    public static final String ID = "ROSTER";
    /** The purpose of a registered roster sheet (the spec's name). */
    public static final String SHEET_PURPOSE = "teacher_progress_tracking";
    /** Roster entries a run's replace deactivated. */
    public static final String DEACTIVATED = "deactivated";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Teacher Roster Import";
    }

    @Override
    public Topic<String, RawRecord> rawTopic() {
        return Topics.RAW_ROSTER;
    }

    @Override
    public Topic<String, NormalizedRosterEntry> normalizedTopic() {
        return Topics.NORMALIZED_ROSTER;
    }


    @Override
    public String key(NormalizedRosterEntry r) {
        return Keys.roster(r.getAcademicYear(), r.getEmail());
    }

    @Override
    public List<SummaryLine> expectedOutput() {
        return List.of(
                SummaryLine.of("Teachers imported", RunCounts.CREATED, RunCounts.UPDATED, RunCounts.SKIPPED),
                SummaryLine.of("Teachers created", RunCounts.CREATED),
                SummaryLine.of("Teachers updated", RunCounts.UPDATED),
                SummaryLine.of("Rows skipped", RunCounts.SKIPPED),
                SummaryLine.of("Teachers deactivated", DEACTIVATED),
                SummaryLine.of("Rows invalid", RunCounts.INVALID));
    }

    @Override
    public List<String> reportedCounts() {
        return List.of(RunCounts.PROCESSED, RunCounts.CREATED, RunCounts.UPDATED, RunCounts.SKIPPED, DEACTIVATED,
                RunCounts.INVALID, RunCounts.WARNINGS);
    }

    @Override
    public List<Counter> counters() {
        return List.of(new Counter(DEACTIVATED, "Deactivated (roster replace)"));
    }

    @Override
    public Window window() {
        return Window.OPTIONAL;
    }

    @Override
    public Access access() {
        return Access.DISTRICT;
    }

    @Override
    public Optional<String> sheetPurpose() {
        return Optional.of(SHEET_PURPOSE);
    }
}
