package org.polaris.writer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.polaris.schemas.avro.EventSession;
import org.polaris.schemas.avro.NormalizedEventSession;
import org.polaris.schemas.avro.OutcomeKind;

/** Virtual-session events, keyed by their Pathful session id. */
public final class EventStore {

    private static final String UPSERT = """
            insert into event as e (title, start_date, local_date, pathful_session_id, natural_key, last_run_id)
            select u.title, u.start, u.local_date, u.session_id, 'sid:' || u.session_id, u.run_id
            from unnest(?::text[], ?::timestamptz[], ?::date[], ?::text[], ?::uuid[])
                 as u(title, start, local_date, session_id, run_id)
            on conflict (pathful_session_id) do update set
                title = excluded.title, start_date = excluded.start_date, local_date = excluded.local_date,
                last_run_id = excluded.last_run_id, updated_at = now()
            where (e.title, e.start_date, e.local_date) is distinct from (excluded.title, excluded.start_date, excluded.local_date)
            returning e.pathful_session_id, (e.xmax = 0) as inserted
            """;

    private static final String CURRENT = """
            select id, pathful_session_id, title, start_date from event where pathful_session_id = any(?::text[])
            """;

    private EventStore() {
    }

    public static List<Outcome> upsert(Connection c, List<NormalizedEventSession> rows) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        Map<String, OutcomeKind> classified = new HashMap<>();
        for (List<NormalizedEventSession> wave : Waves.of(rows, NormalizedEventSession::getSessionId)) {
            classified.clear();
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setArray(1, Sql.text(c, wave.stream().map(NormalizedEventSession::getTitle).toList()));
                ps.setArray(2, Sql.text(c, wave.stream().map(e -> Instant.ofEpochMilli(e.getStart()).toString()).toList()));
                ps.setArray(3, Sql.text(c, wave.stream().map(NormalizedEventSession::getLocalDate).toList()));
                ps.setArray(4, Sql.text(c, wave.stream().map(NormalizedEventSession::getSessionId).toList()));
                ps.setArray(5, Sql.text(c, wave.stream().map(NormalizedEventSession::getRunId).toList()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        classified.put(rs.getString(1), rs.getBoolean(2) ? OutcomeKind.CREATED : OutcomeKind.UPDATED);
                    }
                }
            }
            for (NormalizedEventSession e : wave) {
                OutcomeKind kind = classified.getOrDefault(e.getSessionId(), OutcomeKind.SKIPPED);
                outcomes.add(Outcome.of(e.getRunId(), e.getRowNumber(), kind, e.getWarnings()));
            }
        }
        return outcomes;
    }

    public static Map<String, EventSession> current(Connection c, List<String> sessionIds) throws SQLException {
        Map<String, EventSession> refs = new LinkedHashMap<>();
        if (sessionIds.isEmpty()) {
            return refs;
        }
        try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
            ps.setArray(1, Sql.text(c, sessionIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EventSession s = EventSession.newBuilder().setEventDbId(rs.getLong(1)).setSessionId(rs.getString(2))
                            .setTitle(rs.getString(3)).setStart(rs.getTimestamp(4).getTime()).build();
                    refs.put(s.getSessionId(), s);
                }
            }
        }
        return refs;
    }

}
