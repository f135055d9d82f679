package org.polaris.writer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.EventSession;
import org.polaris.writer.Publication;

/**
 * The matcher's event-session table: every live event known by its Pathful session id, as the
 * database holds it (a deleted one as a tombstone), sent to every partition of the ref topic (there are few events, and every partition's
 * Pathful rows look them up locally).
 */
public final class EventSessions {

    private static final String CURRENT = """
            select id, pathful_session_id, title, start_date from event
            where pathful_session_id = any(?::text[]) and not deleted
            """;

    private EventSessions() {
    }

    public static List<Publication> current(Connection c, List<String> sessionIds) throws SQLException {
        List<Publication> refs = new ArrayList<>();
        if (sessionIds.isEmpty()) {
            return refs;
        }
        try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
            ps.setArray(1, Sql.text(c, sessionIds));
            try (ResultSet rs = ps.executeQuery()) {
                java.util.Set<String> live = new java.util.HashSet<>();
                while (rs.next()) {
                    live.add(rs.getString(2));
                    EventSession s = EventSession.newBuilder().setEventDbId(rs.getLong(1)).setSessionId(rs.getString(2))
                            .setTitle(rs.getString(3)).setStart(rs.getTimestamp(4).getTime()).build();
                    refs.add(Publication.toEveryPartition(Topics.REF_EVENT_SESSIONS, s.getSessionId(), s));
                }
                // an id no live event holds (deleted in Salesforce): Pathful rows no longer match it
                for (String id : sessionIds) {
                    if (!live.contains(id)) {
                        refs.add(Publication.toEveryPartition(Topics.REF_EVENT_SESSIONS, id, null));
                    }
                }
            }
        }
        return refs;
    }
}
