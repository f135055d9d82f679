package org.polaris.writer.kinds;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.UnmatchedAttendance;
import org.polaris.schemas.avro.UnmatchedReason;
import org.polaris.schemas.kinds.PathfulKind;
import org.polaris.writer.Change;
import org.polaris.writer.Effects;
import org.polaris.writer.KindStore;
import org.polaris.writer.RowRef;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.Upsert;

/**
 * Pathful rows whose teacher or event is unknown: kept for review (PathfulUnmatchedRecord, status
 * pending), never turned into records; the outcome is the unmatched kind with the matcher's reason.
 */
@Singleton
public class UnmatchedAttendanceStore implements KindStore<UnmatchedAttendance> {

    static final Upsert<UnmatchedAttendance> UNMATCHED = Upsert.<UnmatchedAttendance>into("pathful_unmatched_record", "p")
            .key("run_id", "uuid", u -> u.getAttendance().getRunId())
            .key("row_no", "integer", u -> u.getAttendance().getRowNumber())
            .carried("kind", "text", u -> u.getReason().name())
            .carried("reason", "text", UnmatchedAttendance::getDetail)
            .carried("academic_year", "text", u -> u.getAttendance().getAcademicYear())
            .carried("event_id", "text", u -> u.getAttendance().getEventId())
            .carried("session_id", "text", u -> u.getAttendance().getSessionId())
            .carried("teacher_email", "text", u -> u.getAttendance().getTeacherEmail())
            .carried("session_start", "timestamptz", u -> Instant.ofEpochMilli(u.getAttendance().getSessionStart()))
            // what a REMATCH run needs to publish the row again
            .carried("attendance_status", "text", u -> u.getAttendance().getStatus().name().toLowerCase(Locale.ROOT))
            .carried("participant_type", "text", u -> u.getAttendance().getParticipantType())
            .build();

    @Override
    public String kind() {
        return PathfulKind.ID;
    }

    @Override
    public Class<UnmatchedAttendance> recordType() {
        return UnmatchedAttendance.class;
    }

    @Override
    public RowRef row(UnmatchedAttendance u) {
        NormalizedAttendance a = u.getAttendance();
        return RowRef.of(a.getRunId(), a.getRowNumber(), a.getMode());
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<UnmatchedAttendance>> changes, Effects effects)
            throws SQLException {
        // one row per (run, row): a row is recorded once by the ledger, so its review record is new
        UNMATCHED.upsert(c, changes.stream().map(Change::record).toList());
        return changes.stream().map(Change::record).map(u -> new Outcome(u.getAttendance().getRunId(),
                u.getAttendance().getRowNumber(), u.getReason() == UnmatchedReason.TEACHER
                        ? OutcomeKind.UNMATCHED_TEACHER : OutcomeKind.UNMATCHED_EVENT,
                List.of(u.getDetail()), u.getAttendance().getWarnings(), null)).toList();
    }
}
