package org.polaris.writer.kinds;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.AttendanceMatch;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.kinds.PathfulKind;
import org.polaris.writer.Change;
import org.polaris.writer.Changes;
import org.polaris.writer.Effects;
import org.polaris.writer.KindStore;
import org.polaris.writer.RowRef;
import org.polaris.writer.ledger.RunLedger.CompletedRun;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.ProgressStore;
import org.polaris.writer.store.Upsert;

/**
 * Pathful rows the matcher matched: teacher participation in virtual sessions (EventTeacher), keyed
 * by (event, normalized teacher email). One statement per wave classifies every row: inserted =
 * created, changed = updated, identical = not returned = skipped. A completed Pathful run recomputes
 * the progress of its academic year.
 */
@Singleton
public class AttendanceStore implements KindStore<AttendanceMatch> {

    static final Upsert<AttendanceMatch> EVENT_TEACHER = Upsert.<AttendanceMatch>into("event_teacher", "et")
            .key("event_id", "bigint", m -> m.getEvent().getEventDbId())
            .key("teacher_email", "text", m -> m.getAttendance().getTeacherEmail())
            .value("teacher_progress_id", "bigint", m -> m.getRoster().getTeacherProgressId())
            .value("status", "text", m -> m.getAttendance().getStatus().name().toLowerCase(Locale.ROOT))
            .value("session_start", "timestamptz", m -> Instant.ofEpochMilli(m.getAttendance().getSessionStart()))
            .value("pathful_session_id", "text", m -> m.getAttendance().getSessionId())
            .value("participant_type", "text", m -> m.getAttendance().getParticipantType())
            .carried("last_run_id", "uuid", m -> m.getAttendance().getRunId())
            .insertOnly("first_run_id", "u.last_run_id")
            // confirmed when it first became attended; cleared if the status moves away from attended
            .derived("attendance_confirmed_at", "case when u.status = 'attended' then now() end",
                    "case when excluded.status = 'attended' then coalesce(et.attendance_confirmed_at, now()) end")
            .onUpdate("updated_at = now()")
            .build();

    @Override
    public String kind() {
        return PathfulKind.ID;
    }

    @Override
    public Class<AttendanceMatch> recordType() {
        return AttendanceMatch.class;
    }

    @Override
    public RowRef row(AttendanceMatch m) {
        NormalizedAttendance a = m.getAttendance();
        return RowRef.of(a.getRunId(), a.getRowNumber(), a.getMode());
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<AttendanceMatch>> changes, Effects effects) throws SQLException {
        return Changes.apply(c, EVENT_TEACHER, changes, this::row, m -> m.getAttendance().getWarnings());
    }

    @Override
    public void completed(Connection c, CompletedRun run, Effects effects) throws SQLException {
        if (run.window() != null) {
            ProgressStore.recompute(c, run.window());
        }
    }
}
