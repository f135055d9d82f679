package org.polaris.schemas.kinds;

import java.util.List;
import java.util.Optional;

import org.polaris.schemas.Keys;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.NormalizedVirtualSession;
import org.polaris.schemas.avro.RawRecord;

/** Playbook C: a virtual-session sheet of an academic year (three title and note rows above the column names). */
public final class VirtualSessionsKind implements SourceKind<NormalizedVirtualSession> {

    public static final String ID = "VIRTUAL_SESSIONS";
    /** The purpose of a registered virtual-session sheet (the spec's name). */
    public static final String SHEET_PURPOSE = "virtual_sessions";
    /** Teacher registrations a run created (EventTeacher rows, status registered). */
    public static final String REGISTRATIONS = "registrations";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Virtual Session";
    }

    @Override
    public Topic<String, RawRecord> rawTopic() {
        return Topics.RAW_VIRTUAL_SESSIONS;
    }

    @Override
    public Topic<String, NormalizedVirtualSession> normalizedTopic() {
        return Topics.NORMALIZED_VIRTUAL_SESSIONS;
    }


    @Override
    public String key(NormalizedVirtualSession s) {
        return Keys.virtualSession(s.getSessionId(), s.getTitle(), s.getStart());
    }

    @Override
    public List<SummaryLine> expectedOutput() {
        return List.of(
                SummaryLine.of("Events processed", RunCounts.PROCESSED),
                SummaryLine.of("Events created", RunCounts.CREATED),
                SummaryLine.of("Events updated", RunCounts.UPDATED),
                SummaryLine.of("Teacher registrations created", REGISTRATIONS),
                SummaryLine.of("Rows skipped", RunCounts.SKIPPED),
                SummaryLine.of("Errors", RunCounts.INVALID),
                SummaryLine.of("Warnings", RunCounts.WARNINGS));
    }

    @Override
    public List<String> reportedCounts() {
        return List.of(RunCounts.PROCESSED, RunCounts.CREATED, RunCounts.UPDATED, REGISTRATIONS, RunCounts.SKIPPED,
                RunCounts.INVALID, RunCounts.WARNINGS);
    }

    @Override
    public List<Counter> counters() {
        return List.of(new Counter(REGISTRATIONS, "Teacher registrations created"));
    }

    @Override
    public Window window() {
        return Window.OPTIONAL;
    }

    @Override
    public Access access() {
        return Access.ADMINS;
    }

    @Override
    public int headerRows() {
        return 3;
    }

    @Override
    public Optional<String> sheetPurpose() {
        return Optional.of(SHEET_PURPOSE);
    }
}
