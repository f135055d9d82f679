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

import org.polaris.schemas.avro.NormalizedVirtualSession;
import org.polaris.schemas.avro.OutcomeKind;

/**
 * Playbook C: events upserted by their natural key (the Pathful session id when the row has one,
 * else lower-cased title + start), and a registration (EventTeacher, status registered) for a named
 * teacher found once on the roster of the run's academic year.
 */
public final class VirtualSessionStore {

    private static final String UPSERT_BY_SESSION_ID = """
            insert into event as e (title, start_date, local_date, status, presenter, district, pathful_session_id,
                natural_key, last_run_id)
            select u.title, u.start, u.local_date, u.status, u.presenter, u.district, u.sid, 'sid:' || u.sid, u.run_id
            from unnest(?::text[], ?::timestamptz[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[])
                 as u(title, start, local_date, status, presenter, district, sid, run_id)
            on conflict (pathful_session_id) do update set
                title = excluded.title, start_date = excluded.start_date, local_date = excluded.local_date,
                status = excluded.status, presenter = excluded.presenter, district = excluded.district,
                natural_key = excluded.natural_key, last_run_id = excluded.last_run_id, updated_at = now()
            where (e.title, e.start_date, e.status, e.presenter, e.district, e.natural_key)
                is distinct from (excluded.title, excluded.start_date, excluded.status, excluded.presenter,
                                  excluded.district, excluded.natural_key)
            returning e.natural_key, e.id, (e.xmax = 0) as inserted
            """;

    private static final String UPSERT_BY_TITLE = """
            insert into event as e (title, start_date, local_date, status, presenter, district, natural_key, last_run_id)
            select * from unnest(?::text[], ?::timestamptz[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[])
            on conflict (natural_key) do update set
                title = excluded.title, start_date = excluded.start_date, local_date = excluded.local_date,
                status = excluded.status, presenter = excluded.presenter, district = excluded.district,
                last_run_id = excluded.last_run_id, updated_at = now()
            where (e.status, e.presenter, e.district)
                is distinct from (excluded.status, excluded.presenter, excluded.district)
            returning e.natural_key, e.id, (e.xmax = 0) as inserted
            """;

    private static final String EVENT_IDS = "select natural_key, id from event where natural_key = any(?::text[])";

    private static final String ROSTER_BY_NAME = """
            select id, email, lower(regexp_replace(trim(name), '\\s+', ' ', 'g')) from teacher_progress
            where academic_year = ? and active
            """;

    private static final String REGISTER = """
            insert into event_teacher (event_id, teacher_email, teacher_progress_id, status, session_start,
                pathful_session_id, participant_type, first_run_id, last_run_id)
            select u.event_id, u.email, u.tp_id, 'registered', u.start, u.key, 'Volunteer', u.run_id, u.run_id
            from unnest(?::bigint[], ?::text[], ?::bigint[], ?::timestamptz[], ?::text[], ?::uuid[])
                 as u(event_id, email, tp_id, start, key, run_id)
            on conflict (event_id, teacher_email) do nothing
            """;

    private VirtualSessionStore() {
    }

    /** Outcomes per row, and the registrations created per run. */
    public record Result(List<Outcome> outcomes, Map<String, Integer> registrationsByRun) {
    }

    public static Result upsert(Connection c, List<NormalizedVirtualSession> rows) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        Map<String, Integer> registrations = new HashMap<>();
        Map<String, Map<String, Roster>> rosters = new HashMap<>();
        for (List<NormalizedVirtualSession> wave : Waves.of(rows, VirtualSessionStore::naturalKey)) {
            Map<String, OutcomeKind> classified = new HashMap<>();
            Map<String, Long> eventIds = new HashMap<>();
            List<NormalizedVirtualSession> withId = wave.stream().filter(r -> r.getSessionId() != null).toList();
            List<NormalizedVirtualSession> byTitle = wave.stream().filter(r -> r.getSessionId() == null).toList();
            run(c, UPSERT_BY_SESSION_ID, withId, true, classified, eventIds);
            run(c, UPSERT_BY_TITLE, byTitle, false, classified, eventIds);
            lookUp(c, wave, eventIds);

            List<Long> regEvents = new ArrayList<>();
            List<String> regEmails = new ArrayList<>();
            List<Long> regProgress = new ArrayList<>();
            List<String> regStarts = new ArrayList<>();
            List<String> regKeys = new ArrayList<>();
            List<String> regRuns = new ArrayList<>();
            for (NormalizedVirtualSession r : wave) {
                List<String> warnings = new ArrayList<>(r.getWarnings());
                if (r.getTeacherName() != null && r.getAcademicYear() != null) {
                    Map<String, Roster> roster = rosters.computeIfAbsent(r.getAcademicYear(), y -> roster(c, y));
                    Roster teacher = roster.get(nameKey(r.getTeacherName()));
                    if (teacher == null || teacher.ambiguous()) {
                        warnings.add("Teacher Name " + (teacher == null ? "is not on" : "matches several teachers of")
                                + " the " + r.getAcademicYear() + " roster: no registration");
                    } else {
                        regEvents.add(eventIds.get(naturalKey(r)));
                        regEmails.add(teacher.email());
                        regProgress.add(teacher.id());
                        regStarts.add(Instant.ofEpochMilli(r.getStart()).toString());
                        regKeys.add(r.getSessionId() != null ? r.getSessionId() : naturalKey(r));
                        regRuns.add(r.getRunId());
                    }
                }
                outcomes.add(Outcome.of(r.getRunId(), r.getRowNumber(),
                        classified.getOrDefault(naturalKey(r), OutcomeKind.SKIPPED), warnings));
            }
            if (!regEvents.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(REGISTER)) {
                    ps.setArray(1, Sql.longs(c, regEvents));
                    ps.setArray(2, Sql.text(c, regEmails));
                    ps.setArray(3, Sql.longs(c, regProgress));
                    ps.setArray(4, Sql.text(c, regStarts));
                    ps.setArray(5, Sql.text(c, regKeys));
                    ps.setArray(6, Sql.text(c, regRuns));
                    int created = ps.executeUpdate();
                    // registrations of one wave may span runs only in theory (one run per sheet import)
                    registrations.merge(regRuns.get(0), created, Integer::sum);
                }
            }
        }
        return new Result(outcomes, registrations);
    }

    private static void run(Connection c, String sql, List<NormalizedVirtualSession> rows, boolean bySessionId,
            Map<String, OutcomeKind> classified, Map<String, Long> eventIds) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, rows.stream().map(NormalizedVirtualSession::getTitle).toList()));
            ps.setArray(2, Sql.text(c, rows.stream().map(r -> Instant.ofEpochMilli(r.getStart()).toString()).toList()));
            ps.setArray(3, Sql.text(c, rows.stream().map(NormalizedVirtualSession::getLocalDate).toList()));
            ps.setArray(4, Sql.text(c, nullable(rows, NormalizedVirtualSession::getStatus)));
            ps.setArray(5, Sql.text(c, nullable(rows, NormalizedVirtualSession::getPresenter)));
            ps.setArray(6, Sql.text(c, nullable(rows, NormalizedVirtualSession::getDistrict)));
            ps.setArray(7, Sql.text(c, rows.stream().map(r -> bySessionId ? r.getSessionId() : naturalKey(r)).toList()));
            ps.setArray(8, Sql.text(c, rows.stream().map(NormalizedVirtualSession::getRunId).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    classified.put(rs.getString(1), rs.getBoolean(3) ? OutcomeKind.CREATED : OutcomeKind.UPDATED);
                    eventIds.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
    }

    private static void lookUp(Connection c, List<NormalizedVirtualSession> rows, Map<String, Long> eventIds)
            throws SQLException {
        List<String> missing = rows.stream().map(VirtualSessionStore::naturalKey).filter(k -> !eventIds.containsKey(k))
                .distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(EVENT_IDS)) {
            ps.setArray(1, Sql.text(c, missing));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    eventIds.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
    }

    private static Map<String, Roster> roster(Connection c, String year) {
        Map<String, Roster> byName = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ROSTER_BY_NAME)) {
            ps.setString(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = nameKey(rs.getString(3));
                    Roster found = new Roster(rs.getLong(1), rs.getString(2), false);
                    byName.merge(name, found, (a, b) -> new Roster(a.id(), a.email(), true));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return byName;
    }

    /** A name as written in two orders ("Garcia, Ana" and "Ana Garcia") compares equal. */
    static String nameKey(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        int comma = n.indexOf(',');
        if (comma > 0) {
            n = (n.substring(comma + 1).strip() + " " + n.substring(0, comma).strip()).strip();
        }
        return n;
    }

    /** The event's natural key; the normalizer keys its topic the same way. */
    static String naturalKey(NormalizedVirtualSession s) {
        return s.getSessionId() != null ? "sid:" + s.getSessionId()
                : "title:" + s.getTitle().toLowerCase(Locale.ROOT) + "|" + Instant.ofEpochMilli(s.getStart());
    }

    private static List<String> nullable(List<NormalizedVirtualSession> rows,
            java.util.function.Function<NormalizedVirtualSession, String> f) {
        List<String> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(f.apply(r)));
        return out;
    }

    private record Roster(long id, String email, boolean ambiguous) {
    }
}
