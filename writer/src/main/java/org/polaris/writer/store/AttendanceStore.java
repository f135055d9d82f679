package org.polaris.writer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.polaris.schemas.Keys;
import org.polaris.schemas.avro.AttendanceMatch;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.UnmatchedAttendance;

/**
 * Teacher participation in virtual sessions (EventTeacher), keyed by (event, normalized teacher
 * email). One statement per wave classifies every row: inserted = created, changed = updated,
 * identical = not returned = skipped.
 */
public final class AttendanceStore {

    private static final String UPSERT = """
            insert into event_teacher as et (event_id, teacher_email, teacher_progress_id, status, session_start,
                pathful_session_id, participant_type, attendance_confirmed_at, first_run_id, last_run_id)
            select u.event_id, u.email, u.tp_id, u.status, u.start, u.session_id, u.ptype,
                   case when u.status = 'attended' then now() end, u.run_id, u.run_id
            from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::uuid[])
                 as u(event_id, email, tp_id, status, start, session_id, ptype, run_id)
            on conflict (event_id, teacher_email) do update set
                teacher_progress_id = excluded.teacher_progress_id,
                status = excluded.status,
                session_start = excluded.session_start,
                pathful_session_id = excluded.pathful_session_id,
                participant_type = excluded.participant_type,
                attendance_confirmed_at = case when excluded.status = 'attended'
                    then coalesce(et.attendance_confirmed_at, now()) end,
                last_run_id = excluded.last_run_id,
                updated_at = now()
            where (et.teacher_progress_id, et.status, et.session_start, et.pathful_session_id, et.participant_type)
                is distinct from (excluded.teacher_progress_id, excluded.status, excluded.session_start,
                                  excluded.pathful_session_id, excluded.participant_type)
            returning et.event_id, et.teacher_email, (et.xmax = 0) as inserted
            """;

    private static final String UNMATCHED = """
            insert into pathful_unmatched_record (run_id, row_no, kind, reason, academic_year, event_id, session_id,
                teacher_email, session_start)
            select * from unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::timestamptz[])
            on conflict do nothing
            """;

    private AttendanceStore() {
    }

    /** Upserts matched rows; returns one outcome per row, in order. */
    public static List<Outcome> upsert(Connection c, List<AttendanceMatch> rows) throws SQLException {
        Map<String, OutcomeKind> classified = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (List<AttendanceMatch> wave : Waves.of(rows, AttendanceStore::key)) {
            classified.clear();
            List<Long> eventIds = new ArrayList<>(wave.size());
            List<String> emails = new ArrayList<>(wave.size());
            List<Long> progressIds = new ArrayList<>(wave.size());
            List<String> statuses = new ArrayList<>(wave.size());
            List<String> starts = new ArrayList<>(wave.size());
            List<String> sessionIds = new ArrayList<>(wave.size());
            List<String> types = new ArrayList<>(wave.size());
            List<String> runIds = new ArrayList<>(wave.size());
            for (AttendanceMatch m : wave) {
                NormalizedAttendance a = m.getAttendance();
                eventIds.add(m.getEvent().getEventDbId());
                emails.add(a.getTeacherEmail());
                progressIds.add(m.getRoster().getTeacherProgressId());
                statuses.add(a.getStatus().name().toLowerCase(Locale.ROOT));
                starts.add(Instant.ofEpochMilli(a.getSessionStart()).toString());
                sessionIds.add(a.getSessionId());
                types.add(a.getParticipantType());
                runIds.add(a.getRunId());
            }
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setArray(1, Sql.longs(c, eventIds));
                ps.setArray(2, Sql.text(c, emails));
                ps.setArray(3, Sql.longs(c, progressIds));
                ps.setArray(4, Sql.text(c, statuses));
                ps.setArray(5, Sql.text(c, starts));
                ps.setArray(6, Sql.text(c, sessionIds));
                ps.setArray(7, Sql.text(c, types));
                ps.setArray(8, Sql.text(c, runIds));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        classified.put(rs.getLong(1) + "|" + rs.getString(2),
                                rs.getBoolean(3) ? OutcomeKind.CREATED : OutcomeKind.UPDATED);
                    }
                }
            }
            for (AttendanceMatch m : wave) {
                NormalizedAttendance a = m.getAttendance();
                OutcomeKind kind = classified.getOrDefault(m.getEvent().getEventDbId() + "|" + a.getTeacherEmail(),
                        OutcomeKind.SKIPPED);
                outcomes.add(Outcome.of(a.getRunId(), a.getRowNumber(), kind, a.getWarnings()));
            }
        }
        return outcomes;
    }

    /**
     * Keeps unmatched rows for review (PathfulUnmatchedRecord, status pending); returns their
     * outcomes. Rows of a dry run (validate only) are counted, not kept.
     */
    public static List<Outcome> recordUnmatched(Connection c, List<UnmatchedAttendance> all) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(all.size());
        for (UnmatchedAttendance u : all) {
            if (u.getAttendance().getMode() == org.polaris.schemas.avro.RunMode.VALIDATE) {
                NormalizedAttendance a = u.getAttendance();
                outcomes.add(new Outcome(a.getRunId(), a.getRowNumber(), u.getReason() == org.polaris.schemas.avro.UnmatchedReason.TEACHER
                        ? OutcomeKind.UNMATCHED_TEACHER : OutcomeKind.UNMATCHED_EVENT, List.of(u.getDetail()), a.getWarnings(), null));
            }
        }
        List<UnmatchedAttendance> rows = all.stream()
                .filter(u -> u.getAttendance().getMode() != org.polaris.schemas.avro.RunMode.VALIDATE).toList();
        if (rows.isEmpty()) {
            return outcomes;
        }
        List<String> runIds = new ArrayList<>();
        List<Integer> rowNos = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> years = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        List<String> sessionIds = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        for (UnmatchedAttendance u : rows) {
            NormalizedAttendance a = u.getAttendance();
            runIds.add(a.getRunId());
            rowNos.add(a.getRowNumber());
            kinds.add(u.getReason().name());
            reasons.add(u.getDetail());
            years.add(a.getAcademicYear());
            eventIds.add(a.getEventId());
            sessionIds.add(a.getSessionId());
            emails.add(a.getTeacherEmail());
            starts.add(Instant.ofEpochMilli(a.getSessionStart()).toString());
            OutcomeKind kind = switch (u.getReason()) {
                case TEACHER -> OutcomeKind.UNMATCHED_TEACHER;
                case EVENT -> OutcomeKind.UNMATCHED_EVENT;
            };
            outcomes.add(new Outcome(a.getRunId(), a.getRowNumber(), kind, List.of(u.getDetail()), a.getWarnings(), null));
        }
        try (PreparedStatement ps = c.prepareStatement(UNMATCHED)) {
            ps.setArray(1, Sql.text(c, runIds));
            ps.setArray(2, Sql.ints(c, rowNos));
            ps.setArray(3, Sql.text(c, kinds));
            ps.setArray(4, Sql.text(c, reasons));
            ps.setArray(5, Sql.text(c, years));
            ps.setArray(6, Sql.text(c, eventIds));
            ps.setArray(7, Sql.text(c, sessionIds));
            ps.setArray(8, Sql.text(c, emails));
            ps.setArray(9, Sql.text(c, starts));
            ps.executeUpdate();
        }
        return outcomes;
    }

    private static String key(AttendanceMatch m) {
        return Keys.participation(m.getAttendance().getEventId(), m.getAttendance().getTeacherEmail());
    }
}
