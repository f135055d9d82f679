package org.polaris.writer.kinds.salesforce;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedSfParticipation;
import org.polaris.schemas.kinds.salesforce.SfEventsKind;
import org.polaris.schemas.kinds.salesforce.SfParticipationsKind;
import org.polaris.schemas.kinds.salesforce.SfStudentParticipationsKind;
import org.polaris.schemas.kinds.salesforce.SfStudentsKind;
import org.polaris.schemas.kinds.salesforce.SfTeachersKind;
import org.polaris.schemas.kinds.salesforce.SfVolunteersKind;
import org.polaris.writer.Effects;
import org.polaris.writer.store.Upsert;

/**
 * Participations: a child of its event (Session__c) and its contact (Contact__c, in the table its
 * Participant_Type__c names). One whose parents are both in Polaris is upserted by Salesforce id;
 * one whose parent is not yet is never dropped: its row's outcome is WAITING with the parent it waits
 * for, the record is parked ({@link Waiting}), and the parent's store releases it when the parent
 * arrives (counted on the parent's run). Student participations (their own kind) share this logic.
 */
@Singleton
public class SfParticipationStore extends ChildOfParents<NormalizedSfParticipation> {

    /** The kind a participant's contact comes from, by Participant_Type__c. */
    static final Map<String, String> CONTACT_KIND = Map.of("Teacher", SfTeachersKind.ID, "Volunteer", SfVolunteersKind.ID,
            "Student", SfStudentsKind.ID);
    /** The kinds whose records are participations (each parks its own waiting children). */
    static final List<String> CHILD_KINDS = List.of(SfParticipationsKind.ID, SfStudentParticipationsKind.ID);
    /** Where each parent kind's records are (by Salesforce id). */
    private static final Map<String, String> LOOKUPS = Map.of(SfEventsKind.ID, lookup("event", "salesforce_id"),
            SfTeachersKind.ID, lookup("teacher", "salesforce_id"),
            SfVolunteersKind.ID, lookup("volunteer", "salesforce_individual_id"),
            SfStudentsKind.ID, lookup("student", "salesforce_individual_id"));

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
            .newerOnly("system_modstamp")
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

    /** Student participations (their own kind, same table) are written and released here too. */
    @Override
    public void release(Connection c, String parentKind, String parentRunId, Collection<String> parentIds,
            Effects effects) throws SQLException {
        for (String childKind : CHILD_KINDS) {
            releaseAs(childKind, c, parentKind, parentRunId, parentIds, effects);
        }
    }

    @Override
    List<Parent> parents(NormalizedSfParticipation p) {
        String type = p.getParticipantType().toLowerCase(java.util.Locale.ROOT);
        return List.of(
                new Parent(SfEventsKind.ID, p.getSessionSalesforceId(), "its event (Session__c " + p.getSessionSalesforceId() + ")"),
                new Parent(CONTACT_KIND.get(p.getParticipantType()), p.getContactSalesforceId(),
                        "its " + type + " (Contact__c " + p.getContactSalesforceId() + ")"));
    }

    @Override
    Map<String, String> lookups() {
        return LOOKUPS;
    }
}
