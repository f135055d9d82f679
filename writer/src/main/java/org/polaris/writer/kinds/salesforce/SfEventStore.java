package org.polaris.writer.kinds.salesforce;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedSfEvent;
import org.polaris.schemas.kinds.salesforce.SfEventsKind;
import org.polaris.writer.Change;
import org.polaris.writer.Publication;
import org.polaris.writer.store.EventSessions;
import org.polaris.writer.store.Sql;
import org.polaris.writer.store.Upsert;

/**
 * Events (D4) in the one event table every source shares, keyed by Salesforce id. An event that
 * arrived first from an events file or a sheet (known by its Pathful session id, no Salesforce id)
 * becomes this Salesforce event: it is adopted, not duplicated. A Pathful session id another
 * Salesforce event already holds is not taken (the record is imported without it, with a warning).
 * The matcher's event-session table follows every event with a Pathful id (a deleted one leaves it).
 */
@Singleton
public class SfEventStore extends SalesforceStore<NormalizedSfEvent> {

    static final Upsert<NormalizedSfEvent> EVENT = Upsert.<NormalizedSfEvent>into("event", "e")
            .key("salesforce_id", "text", NormalizedSfEvent::getSalesforceId)
            .value("title", "text", NormalizedSfEvent::getTitle)
            .value("type", "text", NormalizedSfEvent::getType)
            .value("format", "text", NormalizedSfEvent::getFormat)
            .value("start_date", "timestamptz", e -> Instant.ofEpochMilli(e.getStart()))
            .value("local_date", "date", NormalizedSfEvent::getLocalDate)
            .value("end_date", "timestamptz", e -> Timestamps.of(e.getEnd()))
            .value("status", "text", NormalizedSfEvent::getStatus)
            .value("session_type", "text", NormalizedSfEvent::getSessionType)
            .value("session_status", "text", NormalizedSfEvent::getSessionStatus)
            .value("pathful_session_id", "text", NormalizedSfEvent::getPathfulSessionId)
            .value("district_salesforce_id", "text", NormalizedSfEvent::getDistrictSalesforceId)
            .value("school_salesforce_id", "text", NormalizedSfEvent::getSchoolSalesforceId)
            .value("deleted", "boolean", NormalizedSfEvent::getDeleted)
            .insertOnly("natural_key", "'sf:' || u.salesforce_id")
            .carried("system_modstamp", "timestamptz", e -> Timestamps.of(e.getSystemModstamp()))
            .newerOnly("system_modstamp")
            .carried("last_run_id", "uuid", NormalizedSfEvent::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    /** Events of a batch's Pathful ids that exist, and their Salesforce id (null: from a file, not yet adopted). */
    private static final String HOLDERS = """
            select pathful_session_id, salesforce_id from event where pathful_session_id = any(?::text[])
            """;
    private static final String ADOPT = """
            update event e set salesforce_id = u.salesforce_id, natural_key = coalesce(e.natural_key, 'sf:' || u.salesforce_id)
            from unnest(?::text[], ?::text[]) as u(salesforce_id, pathful_session_id)
            where e.pathful_session_id = u.pathful_session_id and e.salesforce_id is null
              and not exists (select 1 from event x where x.salesforce_id = u.salesforce_id)
            """;

    public SfEventStore() {
        super(new SfEventsKind());
    }

    @Override
    Upsert<NormalizedSfEvent> table() {
        return EVENT;
    }

    @Override
    List<Change<NormalizedSfEvent>> prepare(Connection c, List<Change<NormalizedSfEvent>> changes) throws SQLException {
        List<String> ids = changes.stream().map(ch -> ch.record().getPathfulSessionId())
                .filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return changes;
        }
        Map<String, String> holder = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(HOLDERS)) {
            ps.setArray(1, Sql.text(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holder.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<String> adoptSf = new ArrayList<>();
        List<String> adoptPid = new ArrayList<>();
        List<Change<NormalizedSfEvent>> out = new ArrayList<>(changes.size());
        for (Change<NormalizedSfEvent> ch : changes) {
            NormalizedSfEvent e = ch.record();
            String pid = e.getPathfulSessionId();
            if (pid == null) {
                out.add(ch);
                continue;
            }
            boolean known = holder.containsKey(pid);
            String owner = holder.get(pid);
            if (known && owner == null) {
                adoptSf.add(e.getSalesforceId());
                adoptPid.add(pid);
                holder.put(pid, e.getSalesforceId());
                out.add(ch);
            } else if (!known) {
                holder.put(pid, e.getSalesforceId()); // the first of the batch to name it holds it
                out.add(ch);
            } else if (owner.equals(e.getSalesforceId())) {
                out.add(ch);
            } else {
                List<String> warnings = new ArrayList<>(e.getWarnings());
                warnings.add("Pathful_Session_Id__c " + pid + " belongs to another event (" + owner
                        + "): imported without it");
                // set on the record itself: a copy-builder goes through a model of possibly another class loader
                e.setPathfulSessionId(null);
                e.setWarnings(warnings);
                out.add(ch);
            }
        }
        if (!adoptSf.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(ADOPT)) {
                ps.setArray(1, Sql.text(c, adoptSf));
                ps.setArray(2, Sql.text(c, adoptPid));
                ps.executeUpdate();
            }
        }
        return out;
    }

    @Override
    List<String> counters(NormalizedSfEvent e) {
        List<String> counters = new ArrayList<>(2);
        counters.add(SfEventsKind.STATUS_PREFIX + (e.getSessionStatus() == null ? "(blank)" : e.getSessionStatus()));
        counters.add(SfEventsKind.TYPE_PREFIX + (e.getSessionType() == null ? "(blank)" : e.getSessionType()));
        return counters;
    }

    @Override
    public List<Publication> references(Connection c, List<NormalizedSfEvent> records) throws SQLException {
        return EventSessions.current(c, records.stream().map(NormalizedSfEvent::getPathfulSessionId)
                .filter(java.util.Objects::nonNull).distinct().toList());
    }

    @Override
    public String liveCountSql() {
        return "select count(*) from event where salesforce_id is not null and not deleted";
    }

    @jakarta.inject.Inject
    SfParticipationStore participations;

    @Override
    public List<org.polaris.writer.store.Outcome> write(Connection c, List<org.polaris.writer.Change<NormalizedSfEvent>> changes,
            org.polaris.writer.Effects effects) throws SQLException {
        List<org.polaris.writer.store.Outcome> outcomes = super.write(c, changes, effects);
        releaseChildren(c, participations, changes, effects);
        return outcomes;
    }
}
