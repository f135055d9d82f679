package org.polaris.writer.kinds.salesforce;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.avro.NormalizedSfParticipation;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.salesforce.SalesforceKind;
import org.polaris.schemas.kinds.salesforce.SfEventsKind;
import org.polaris.schemas.kinds.salesforce.SfParticipationsKind;
import org.polaris.schemas.kinds.salesforce.SfStudentParticipationsKind;
import org.polaris.schemas.kinds.salesforce.SfStudentsKind;
import org.polaris.schemas.kinds.salesforce.SfTeachersKind;
import org.polaris.schemas.kinds.salesforce.SfVolunteersKind;
import org.polaris.writer.Change;
import org.polaris.writer.Changes;
import org.polaris.writer.Effects;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.SalesforceState;
import org.polaris.writer.store.Sql;
import org.polaris.writer.store.Upsert;
import org.polaris.writer.store.Waiting;

/**
 * Participations: a child of its event (Session__c) and its contact (Contact__c, in the table its
 * Participant_Type__c names). One whose parents are both in Polaris is upserted by Salesforce id;
 * one whose parent is not yet is never dropped: its row's outcome is WAITING with the parent it waits
 * for, the record is parked ({@link Waiting}), and the parent's store releases it when the parent
 * arrives (counted on the parent's run). Student participations (their own kind) share this logic.
 */
@Singleton
public class SfParticipationStore extends SalesforceStore<NormalizedSfParticipation> implements ChildStore {

    /** The kind a participant's contact comes from, by Participant_Type__c. */
    static final Map<String, String> CONTACT_KIND = Map.of("Teacher", SfTeachersKind.ID, "Volunteer", SfVolunteersKind.ID,
            "Student", SfStudentsKind.ID);
    /** The kinds whose records are participations (each parks its own waiting children). */
    static final List<String> CHILD_KINDS = List.of(SfParticipationsKind.ID, SfStudentParticipationsKind.ID);
    /** Where each parent kind's records are ({@code table.column} of the Salesforce id); a kind this build does not import has none. */
    private static final Map<String, String> PARENT_TABLE = Map.of(SfEventsKind.ID, "event.salesforce_id",
            SfTeachersKind.ID, "teacher.salesforce_id", SfVolunteersKind.ID, "volunteer.salesforce_individual_id",
            SfStudentsKind.ID, "student.salesforce_individual_id");

    static final Upsert<NormalizedSfParticipation> PARTICIPATION = Upsert.<NormalizedSfParticipation>into(
                    "event_participation", "p")
            .key("salesforce_id", "text", NormalizedSfParticipation::getSalesforceId)
            .value("session_salesforce_id", "text", NormalizedSfParticipation::getSessionSalesforceId)
            .value("contact_salesforce_id", "text", NormalizedSfParticipation::getContactSalesforceId)
            .value("participant_type", "text", NormalizedSfParticipation::getParticipantType)
            .value("status", "text", NormalizedSfParticipation::getStatus)
            .value("delivery_hours", "double precision", NormalizedSfParticipation::getDeliveryHours)
            .value("age_group", "text", NormalizedSfParticipation::getAgeGroup)
            .value("deleted", "boolean", NormalizedSfParticipation::getDeleted)
            .derived("event_id", "(select e.id from event e where e.salesforce_id = u.session_salesforce_id)",
                    "excluded.event_id")
            .derived("teacher_id", "(select t.id from teacher t where t.salesforce_id = u.contact_salesforce_id "
                    + "and u.participant_type = 'Teacher')", "excluded.teacher_id")
            .derived("volunteer_id", "(select v.id from volunteer v where v.salesforce_individual_id = "
                    + "u.contact_salesforce_id and u.participant_type = 'Volunteer')", "excluded.volunteer_id")
            .derived("student_id", "(select s.id from student s where s.salesforce_individual_id = "
                    + "u.contact_salesforce_id and u.participant_type = 'Student')", "excluded.student_id")
            .carried("system_modstamp", "timestamptz", p -> Timestamps.of(p.getSystemModstamp()))
            .carried("last_run_id", "uuid", NormalizedSfParticipation::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    public SfParticipationStore() {
        super(new SfParticipationsKind());
    }

    @Override
    Upsert<NormalizedSfParticipation> table() {
        return PARTICIPATION;
    }

    @Override
    public String liveCountSql() {
        return "select count(*) from event_participation where not deleted";
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<NormalizedSfParticipation>> changes, Effects effects)
            throws SQLException {
        return writeFor(kind(), c, changes, effects);
    }

    /** The write of participations of a kind (volunteers' and teachers', or students'): its waiting rows are its own. */
    List<Outcome> writeFor(String childKind, Connection c, List<Change<NormalizedSfParticipation>> changes,
            Effects effects) throws SQLException {
        Map<String, Set<String>> present = present(c, changes.stream().map(Change::record).toList());
        List<Change<NormalizedSfParticipation>> ready = new ArrayList<>();
        List<Waiting.Parked> parked = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Change<NormalizedSfParticipation> ch : changes) {
            Optional<Waiting.Parked> missing = missingParent(childKind, ch.record(), present);
            if (missing.isPresent()) {
                parked.add(missing.get());
                NormalizedSfParticipation p = ch.record();
                outcomes.add(new Outcome(p.getRunId(), p.getRowNumber(), OutcomeKind.WAITING,
                        List.of(missing.get().reason()), p.getWarnings(), null));
            } else {
                ready.add(ch);
            }
        }
        outcomes.addAll(super.write(c, ready, effects));
        Waiting.park(c, parked);
        Waiting.forget(c, childKind, ready.stream().map(ch -> ch.record().getSalesforceId()).toList());
        // a parked child is kept: the watermark may pass it (it is applied from the waiting table, not read again)
        SalesforceState.seen(c, parked.stream().map(p -> (NormalizedSfParticipation) p.record()).toList(),
                NormalizedSfParticipation::getRunId, NormalizedSfParticipation::getSystemModstamp);
        return outcomes;
    }

    /**
     * A parent arrived (its store's batch wrote these ids): the participations waiting for it are
     * written now, or wait for their other parent; the number written is counted on the parent's run.
     */
    @Override
    public void release(Connection c, String parentKind, String parentRunId, Collection<String> parentIds,
            Effects effects) throws SQLException {
        for (String childKind : CHILD_KINDS) {
            release(childKind, c, parentKind, parentRunId, parentIds, effects);
        }
    }

    private void release(String childKind, Connection c, String parentKind, String parentRunId,
            Collection<String> parentIds, Effects effects) throws SQLException {
        List<NormalizedSfParticipation> waiting = new ArrayList<>();
        for (SpecificRecord r : Waiting.take(c, childKind, parentKind, parentIds)) {
            waiting.add((NormalizedSfParticipation) r);
        }
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, Set<String>> present = present(c, waiting);
        List<Change<NormalizedSfParticipation>> ready = new ArrayList<>();
        List<Waiting.Parked> still = new ArrayList<>();
        for (NormalizedSfParticipation p : waiting) {
            missingParent(childKind, p, present).ifPresentOrElse(still::add, () -> ready.add(Change.upsert(p)));
        }
        Changes.apply(c, PARTICIPATION, ready, this::row, this::warnings); // their rows' outcomes stay WAITING
        Waiting.park(c, still);
        if (!ready.isEmpty()) {
            effects.count(parentRunId, SalesforceKind.APPLIED, ready.size());
        }
    }

    /** Which of the records' parents are in Polaris: parent kind -> Salesforce ids present. */
    private static Map<String, Set<String>> present(Connection c, List<NormalizedSfParticipation> records)
            throws SQLException {
        Map<String, Set<String>> wanted = new HashMap<>();
        for (NormalizedSfParticipation p : records) {
            wanted.computeIfAbsent(SfEventsKind.ID, k -> new HashSet<>()).add(p.getSessionSalesforceId());
            wanted.computeIfAbsent(CONTACT_KIND.get(p.getParticipantType()), k -> new HashSet<>())
                    .add(p.getContactSalesforceId());
        }
        Map<String, Set<String>> present = new HashMap<>();
        for (Map.Entry<String, Set<String>> w : wanted.entrySet()) {
            String where = PARENT_TABLE.get(w.getKey());
            Set<String> found = new HashSet<>();
            if (where != null) {
                String table = where.substring(0, where.indexOf('.'));
                String column = where.substring(where.indexOf('.') + 1);
                try (PreparedStatement ps = c.prepareStatement(
                        "select " + column + " from " + table + " where " + column + " = any(?::text[])")) {
                    ps.setArray(1, Sql.text(c, new ArrayList<>(w.getValue())));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            }
            present.put(w.getKey(), found);
        }
        return present;
    }

    /** The first parent of a record that is not in Polaris, as the record to park; empty when both are. */
    private static Optional<Waiting.Parked> missingParent(String childKind, NormalizedSfParticipation p,
            Map<String, Set<String>> present) {
        String contactKind = CONTACT_KIND.get(p.getParticipantType());
        String parentKind;
        String parentId;
        String what;
        if (!present.getOrDefault(SfEventsKind.ID, Set.of()).contains(p.getSessionSalesforceId())) {
            parentKind = SfEventsKind.ID;
            parentId = p.getSessionSalesforceId();
            what = "its event (Session__c " + parentId + ")";
        } else if (!present.getOrDefault(contactKind, Set.of()).contains(p.getContactSalesforceId())) {
            parentKind = contactKind;
            parentId = p.getContactSalesforceId();
            what = "its " + p.getParticipantType().toLowerCase(java.util.Locale.ROOT) + " (Contact__c " + parentId + ")"
                    + (PARENT_TABLE.containsKey(contactKind) ? "" : ", an import this build does not have yet");
        } else {
            return Optional.empty();
        }
        return Optional.of(new Waiting.Parked(childKind, p.getSalesforceId(), p.getRunId(), p.getRowNumber(), parentKind,
                parentId, "waiting for " + what + ": kept, and applied when it is in Polaris", p));
    }

    @Override
    String salesforceId(NormalizedSfParticipation r) {
        return r.getSalesforceId();
    }

    @Override
    String runId(NormalizedSfParticipation r) {
        return r.getRunId();
    }

    @Override
    int rowNumber(NormalizedSfParticipation r) {
        return r.getRowNumber();
    }

    @Override
    RunMode mode(NormalizedSfParticipation r) {
        return r.getMode();
    }

    @Override
    boolean deleted(NormalizedSfParticipation r) {
        return r.getDeleted();
    }

    @Override
    Long modstamp(NormalizedSfParticipation r) {
        return r.getSystemModstamp();
    }

    @Override
    List<String> warnings(NormalizedSfParticipation r) {
        return r.getWarnings();
    }
}
