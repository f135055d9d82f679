package org.polaris.writer.kinds;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedEventSession;
import org.polaris.schemas.kinds.EventsKind;
import org.polaris.writer.Change;
import org.polaris.writer.Changes;
import org.polaris.writer.Effects;
import org.polaris.writer.KindStore;
import org.polaris.writer.Publication;
import org.polaris.writer.RowRef;
import org.polaris.writer.store.EventSessions;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.Upsert;

/** Virtual-session events of an events file, keyed by their Pathful session id; the matcher's event table follows. */
@Singleton
public class EventStore implements KindStore<NormalizedEventSession> {

    static final Upsert<NormalizedEventSession> EVENT = Upsert.<NormalizedEventSession>into("event", "e")
            .key("pathful_session_id", "text", NormalizedEventSession::getSessionId)
            .value("title", "text", NormalizedEventSession::getTitle)
            .value("start_date", "timestamptz", e -> Instant.ofEpochMilli(e.getStart()))
            .value("local_date", "date", NormalizedEventSession::getLocalDate)
            .insertOnly("natural_key", "'sid:' || u.pathful_session_id")
            .carried("last_run_id", "uuid", NormalizedEventSession::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    @Override
    public String kind() {
        return EventsKind.ID;
    }

    @Override
    public Class<NormalizedEventSession> recordType() {
        return NormalizedEventSession.class;
    }

    @Override
    public RowRef row(NormalizedEventSession e) {
        return RowRef.of(e.getRunId(), e.getRowNumber(), e.getMode());
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<NormalizedEventSession>> changes, Effects effects)
            throws SQLException {
        return Changes.apply(c, EVENT, changes, this::row, NormalizedEventSession::getWarnings);
    }

    @Override
    public List<Publication> references(Connection c, List<NormalizedEventSession> records) throws SQLException {
        return EventSessions.current(c, records.stream().map(NormalizedEventSession::getSessionId).distinct().toList());
    }
}
