package org.polaris.writer.kinds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.AttendanceMatch;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.kinds.PathfulKind;
import org.polaris.writer.Change;
import org.polaris.writer.Effects;
import org.polaris.writer.KindStore;
import org.polaris.writer.RowRef;
import org.polaris.writer.ledger.RunLedger.CompletedRun;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.ProgressStore;
import org.polaris.writer.store.Sql;
import org.polaris.writer.store.Upsert;
import org.polaris.writer.store.Waves;

/**
 * Pathful rows the matcher matched: teacher participation in virtual sessions (EventTeacher), keyed
 * by (event, normalized teacher email). One statement per wave classifies every row: inserted =
 * created, changed = updated, identical = not returned = skipped; the first row of a key in a run
 * wins, a repeat is skipped naming it. A completed Pathful run recomputes the progress of its
 * academic year.
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
            .carried("last_row_no", "integer", m -> m.getAttendance().getRowNumber())
            .insertOnly("first_run_id", "u.last_run_id")
            // confirmed when it first became attended; cleared if the status moves away from attended
            .derived("attendance_confirmed_at", "case when u.status = 'attended' then now() end",
                    "case when excluded.status = 'attended' then coalesce(et.attendance_confirmed_at, now()) end")
            .onUpdate("updated_at = now()")
            // the first row of a key in a run wins: a row this run already wrote, or claimed, is not rewritten
            .updateOnlyIf("et.last_run_id is distinct from excluded.last_run_id")
            .updateOnlyIf("not exists (select 1 from pathful_run_row c where c.run_id = excluded.last_run_id "
                    + "and c.event_id = excluded.event_id and c.teacher_email = excluded.teacher_email)")
            .build();

    /** The first row of this run, if any, for keys a row of it did not change: its stamp, else its claim. */
    private static final String FIRST_ROWS = """
            select k.run_id::text, k.event_id, k.email,
                   coalesce(case when et.last_run_id = k.run_id then et.last_row_no end, c.row_no)
            from unnest(?::uuid[], ?::bigint[], ?::text[]) as k(run_id, event_id, email)
            left join event_teacher et on et.event_id = k.event_id and et.teacher_email = k.email
            left join pathful_run_row c on c.run_id = k.run_id and c.event_id = k.event_id and c.teacher_email = k.email
            """;

    private static final String RESOLVE = """
            update pathful_unmatched_record p set status = 'resolved', resolved_by_run = u.by_run, resolved_at = now()
            from unnest(?::uuid[], ?::int[], ?::uuid[]) as u(run_id, row_no, by_run)
            where p.run_id = u.run_id and p.row_no = u.row_no and p.status = 'pending'
            returning p.run_id::text
            """;

    private static final String CLAIM = """
            insert into pathful_run_row (run_id, event_id, teacher_email, row_no)
            select * from unnest(?::uuid[], ?::bigint[], ?::text[], ?::int[])
            on conflict do nothing
            """;

    @Override
    public String kind() {
        return PathfulKind.ID;
    }

    /** REMATCH runs' rows are Pathful rows: their completion recomputes progress too. */
    @Override
    public java.util.Set<String> kinds() {
        return java.util.Set.of(PathfulKind.ID, org.polaris.schemas.kinds.RematchKind.ID);
    }

    @Override
    public Class<AttendanceMatch> recordType() {
        return AttendanceMatch.class;
    }

    /**
     * A row writes its own participation (event, email) and its claim on that key: split by that key,
     * the rows of one participation, and with them the run's first-row rule, stay in one transaction,
     * in order. The run's counters are shared, written at the end of each transaction.
     */
    @Override
    public boolean independentRows() {
        return true;
    }

    /** The key of the row the upsert writes (event row, email), not the Kafka key it is derived from (Pathful's EventId, email). */
    @Override
    public String splitKey(AttendanceMatch m) {
        return m.getEvent() == null ? null : EVENT_TEACHER.keyOf(m);
    }

    @Override
    public RowRef row(AttendanceMatch m) {
        NormalizedAttendance a = m.getAttendance();
        return RowRef.of(a.getRunId(), a.getRowNumber(), a.getMode());
    }

    /**
     * The first row of a participation key in a run wins (facts §10: the key is EventId + email): a
     * later row of that run with the same key is skipped, with a warning naming the first, whatever
     * else it says (another SessionId, another status).
     */
    @Override
    public List<Outcome> write(Connection c, List<Change<AttendanceMatch>> changes, Effects effects) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(changes.size());
        // each row's key, built once: waves, the upsert's answer and the outcomes all look it up
        Map<AttendanceMatch, String> keys = new IdentityHashMap<>(changes.size() * 2);
        changes.forEach(ch -> keys.put(ch.record(), EVENT_TEACHER.keyOf(ch.record())));
        for (List<Change<AttendanceMatch>> wave : Waves.of(changes, ch -> keys.get(ch.record()))) {
            List<AttendanceMatch> rows = new ArrayList<>(wave.size());
            wave.forEach(ch -> rows.add(ch.record()));
            Map<String, OutcomeKind> changed = EVENT_TEACHER.upsert(c, rows);
            // rows that changed nothing: a repeat of an earlier row of the run, or a first row equal to what is stored
            List<AttendanceMatch> unchanged = changed.size() == rows.size() ? List.of()
                    : rows.stream().filter(m -> !changed.containsKey(keys.get(m))).toList();
            Map<String, Integer> firstRows = firstRows(c, unchanged);
            List<AttendanceMatch> claims = new ArrayList<>();
            for (AttendanceMatch m : rows) {
                NormalizedAttendance a = m.getAttendance();
                OutcomeKind kind = changed.get(keys.get(m));
                if (kind != null) {
                    outcomes.add(Outcome.of(a.getRunId(), a.getRowNumber(), kind, a.getWarnings()));
                    continue;
                }
                Integer first = firstRows.get(member(m));
                if (first != null && first != a.getRowNumber()) {
                    List<String> warnings = new ArrayList<>(a.getWarnings());
                    warnings.add("duplicate of row " + first + " (same EventId and TeacherEmail): the first is kept");
                    outcomes.add(Outcome.of(a.getRunId(), a.getRowNumber(), OutcomeKind.SKIPPED, warnings));
                } else {
                    claims.add(m);
                    outcomes.add(Outcome.of(a.getRunId(), a.getRowNumber(), OutcomeKind.SKIPPED, a.getWarnings()));
                }
            }
            claim(c, claims);
        }
        resolveOrigins(c, changes, effects);
        return outcomes;
    }

    /**
     * A REMATCH row matched (whatever its outcome: created, updated, or skipped as already there): the
     * unmatched row it completes is resolved, and its run counts it.
     */
    private static void resolveOrigins(Connection c, List<Change<AttendanceMatch>> changes, Effects effects)
            throws SQLException {
        List<NormalizedAttendance> rematched = changes.stream().map(ch -> ch.record().getAttendance())
                .filter(a -> a.getOriginRunId() != null && a.getOriginRowNumber() != null).toList();
        if (rematched.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(RESOLVE)) {
            ps.setArray(1, Sql.text(c, rematched.stream().map(NormalizedAttendance::getOriginRunId).toList()));
            ps.setArray(2, Sql.ints(c, rematched.stream().map(NormalizedAttendance::getOriginRowNumber).toList()));
            ps.setArray(3, Sql.text(c, rematched.stream().map(NormalizedAttendance::getRunId).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    effects.count(rs.getString(1), PathfulKind.RESOLVED, 1);
                }
            }
        }
    }

    @Override
    public void completed(Connection c, CompletedRun run, Effects effects) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from pathful_run_row where run_id = ?::uuid")) {
            ps.setString(1, run.runId());
            ps.executeUpdate();
        }
        if (run.window() != null) {
            ProgressStore.recompute(c, run.window());
        }
    }

    /** First rows that changed nothing claim their keys, so a later repeat of the run is recognised. */
    private static void claim(Connection c, List<AttendanceMatch> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setArray(1, Sql.text(c, rows.stream().map(m -> m.getAttendance().getRunId()).toList()));
            ps.setArray(2, Sql.longs(c, rows.stream().map(m -> m.getEvent().getEventDbId()).toList()));
            ps.setArray(3, Sql.text(c, rows.stream().map(m -> m.getAttendance().getTeacherEmail()).toList()));
            ps.setArray(4, Sql.ints(c, rows.stream().map(m -> m.getAttendance().getRowNumber()).toList()));
            ps.executeUpdate();
        }
    }

    /** The first row of its run, when there is one, of each key these unchanged rows carry. */
    private static Map<String, Integer> firstRows(Connection c, List<AttendanceMatch> repeats) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        if (repeats.isEmpty()) {
            return rows;
        }
        try (PreparedStatement ps = c.prepareStatement(FIRST_ROWS)) {
            ps.setArray(1, Sql.text(c, repeats.stream().map(m -> m.getAttendance().getRunId()).toList()));
            ps.setArray(2, Sql.longs(c, repeats.stream().map(m -> m.getEvent().getEventDbId()).toList()));
            ps.setArray(3, Sql.text(c, repeats.stream().map(m -> m.getAttendance().getTeacherEmail()).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int row = rs.getInt(4);
                    if (!rs.wasNull()) {
                        rows.put(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3), row);
                    }
                }
            }
        }
        return rows;
    }

    private static String member(AttendanceMatch m) {
        return m.getAttendance().getRunId() + "|" + m.getEvent().getEventDbId() + "|" + m.getAttendance().getTeacherEmail();
    }
}
