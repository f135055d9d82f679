package org.polaris.schemas.kinds;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.Keys;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.AttendanceMatch;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.UnmatchedAttendance;

/**
 * Playbook A: Pathful attendance (Contract D). Valid rows are keyed academicYear|email, co-partitioned
 * with the roster table the matcher joins them with; the writer reads the matcher's output.
 */
public final class PathfulKind implements SourceKind<NormalizedAttendance> {

    public static final String ID = "PATHFUL";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Pathful";
    }

    @Override
    public Topic<String, RawRecord> rawTopic() {
        return Topics.RAW_PATHFUL;
    }

    @Override
    public Topic<String, NormalizedAttendance> normalizedTopic() {
        return Topics.NORMALIZED_PATHFUL;
    }


    @Override
    public String key(NormalizedAttendance a) {
        return Keys.roster(a.getAcademicYear(), a.getTeacherEmail());
    }

    @Override
    public List<Topic<String, ?>> writerTopics() {
        return List.of(Topics.ATTENDANCE_MATCHED, Topics.ATTENDANCE_UNMATCHED);
    }

    @Override
    public List<Class<? extends SpecificRecord>> recordTypes() {
        return List.of(NormalizedAttendance.class, AttendanceMatch.class, UnmatchedAttendance.class);
    }

    @Override
    public List<SummaryLine> expectedOutput() {
        return List.of(
                SummaryLine.of("Rows processed", RunCounts.PROCESSED),
                SummaryLine.of("Rows created", RunCounts.CREATED),
                SummaryLine.of("Rows updated", RunCounts.UPDATED),
                SummaryLine.of("Rows skipped (duplicates)", RunCounts.SKIPPED),
                SummaryLine.of("Rows unmatched (teacher)", RunCounts.UNMATCHED_TEACHER),
                SummaryLine.of("Rows unmatched (event)", RunCounts.UNMATCHED_EVENT),
                SummaryLine.of("Rows invalid", RunCounts.INVALID));
    }

    @Override
    public List<String> reportedCounts() {
        return List.of(RunCounts.PROCESSED, RunCounts.CREATED, RunCounts.UPDATED, RunCounts.SKIPPED,
                RunCounts.UNMATCHED_TEACHER, RunCounts.UNMATCHED_EVENT, RunCounts.INVALID);
    }

    /** Unmatched rows of the run that a later REMATCH run matched (they show as resolved). */
    public static final String RESOLVED = "resolved";

    @Override
    public List<Counter> counters() {
        return List.of(new Counter(RESOLVED, "Unmatched rows re-matched since"));
    }

    @Override
    public Window window() {
        return Window.REQUIRED;
    }
}
