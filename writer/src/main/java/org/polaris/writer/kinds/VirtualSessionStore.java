package org.polaris.writer.kinds;

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

import jakarta.inject.Singleton;
import org.polaris.schemas.Keys;
import org.polaris.schemas.avro.NormalizedVirtualSession;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.kinds.VirtualSessionsKind;
import org.polaris.writer.Change;
import org.polaris.writer.Effects;
import org.polaris.writer.KindStore;
import org.polaris.writer.Publication;
import org.polaris.writer.RowRef;
import org.polaris.writer.ledger.RunLedger.CompletedRun;
import org.polaris.writer.store.EventSessions;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.ProgressStore;
import org.polaris.writer.store.Sql;
import org.polaris.writer.store.Upsert;
import org.polaris.writer.store.Waves;

/**
 * Playbook C: events upserted by their natural key (the Pathful session id when the row has one,
 * else lower-cased title + start), and a registration (EventTeacher, status registered) for a named
 * teacher found once on the roster of the run's academic year.
 */
@Singleton
public class VirtualSessionStore implements KindStore<NormalizedVirtualSession> {

    /** A row with a Pathful session id: its event is the one with that id. */
    static final Upsert<NormalizedVirtualSession> BY_SESSION_ID = Upsert.<NormalizedVirtualSession>into("event", "e")
            .key("pathful_session_id", "text", NormalizedVirtualSession::getSessionId)
            .value("title", "text", NormalizedVirtualSession::getTitle)
            .value("start_date", "timestamptz", r -> Instant.ofEpochMilli(r.getStart()))
            .carried("local_date", "date", NormalizedVirtualSession::getLocalDate)
            .value("status", "text", NormalizedVirtualSession::getStatus)
            .value("presenter", "text", NormalizedVirtualSession::getPresenter)
            .value("district", "text", NormalizedVirtualSession::getDistrict)
            .value("natural_key", "text", VirtualSessionStore::naturalKey)
            .carried("last_run_id", "uuid", NormalizedVirtualSession::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    /** A row without one: its event is the one with its title and start. */
    static final Upsert<NormalizedVirtualSession> BY_TITLE = Upsert.<NormalizedVirtualSession>into("event", "e")
            .key("natural_key", "text", VirtualSessionStore::naturalKey)
            .carried("title", "text", NormalizedVirtualSession::getTitle)
            .carried("start_date", "timestamptz", r -> Instant.ofEpochMilli(r.getStart()))
            .carried("local_date", "date", NormalizedVirtualSession::getLocalDate)
            .value("status", "text", NormalizedVirtualSession::getStatus)
            .value("presenter", "text", NormalizedVirtualSession::getPresenter)
            .value("district", "text", NormalizedVirtualSession::getDistrict)
            .carried("last_run_id", "uuid", NormalizedVirtualSession::getRunId)
            .onUpdate("updated_at = now()")
            .build();

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
            returning last_run_id::text
            """;

    @Override
    public String kind() {
        return VirtualSessionsKind.ID;
    }

    @Override
    public Class<NormalizedVirtualSession> recordType() {
        return NormalizedVirtualSession.class;
    }

    @Override
    public RowRef row(NormalizedVirtualSession r) {
        return RowRef.of(r.getRunId(), r.getRowNumber(), r.getMode());
    }

    @Override
    public List<Publication> references(Connection c, List<NormalizedVirtualSession> records) throws SQLException {
        return EventSessions.current(c, records.stream().map(NormalizedVirtualSession::getSessionId)
                .filter(java.util.Objects::nonNull).distinct().toList());
    }

    @Override
    public void completed(Connection c, CompletedRun run, Effects effects) throws SQLException {
        if (run.window() != null) {
            ProgressStore.recompute(c, run.window());
        }
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<NormalizedVirtualSession>> changes, Effects effects)
            throws SQLException {
        List<NormalizedVirtualSession> rows = changes.stream().map(Change::record).toList();
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        Map<String, Map<String, Roster>> rosters = new HashMap<>();
        for (List<NormalizedVirtualSession> wave : Waves.of(rows, VirtualSessionStore::naturalKey)) {
            Map<String, OutcomeKind> classified = new HashMap<>();
            Map<String, Long> eventIds = new HashMap<>();
            List<NormalizedVirtualSession> withId = wave.stream().filter(r -> r.getSessionId() != null).toList();
            List<NormalizedVirtualSession> byTitle = wave.stream().filter(r -> r.getSessionId() == null).toList();
            BY_SESSION_ID.upsert(c, withId).forEach((sessionId, kind) -> classified.put("sid:" + sessionId, kind));
            classified.putAll(BY_TITLE.upsert(c, byTitle));
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
                    Map<String, Integer> created = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            created.merge(rs.getString(1), 1, Integer::sum);
                        }
                    }
                    for (Map.Entry<String, Integer> run : created.entrySet()) {
                        effects.count(run.getKey(), VirtualSessionsKind.REGISTRATIONS, run.getValue());
                    }
                }
            }
        }
        return outcomes;
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
        return Keys.virtualSession(s.getSessionId(), s.getTitle(), s.getStart());
    }

    private record Roster(long id, String email, boolean ambiguous) {
    }
}
