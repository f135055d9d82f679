package org.polaris.writer.kinds.salesforce;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedSfTeacher;
import org.polaris.schemas.kinds.salesforce.SfTeachersKind;
import org.polaris.writer.Effects;
import org.polaris.writer.ledger.RunLedger.CompletedRun;
import org.polaris.writer.store.TeacherLinks;
import org.polaris.writer.store.Upsert;

/**
 * Teachers (D2) in the VMS teacher table, keyed {@code sf:<Id>} as the teachers CSV keys a teacher
 * with a Salesforce id, so both sources are one teacher; a completed run matches the rosters again
 * (a deleted teacher is no candidate).
 */
@Singleton
public class SfTeacherStore extends SalesforceStore<NormalizedSfTeacher> {

    static final Upsert<NormalizedSfTeacher> TEACHER = Upsert.<NormalizedSfTeacher>into("teacher", "t")
            .key("teacher_key", "text", t -> "sf:" + t.getSalesforceId())
            .carried("salesforce_id", "text", NormalizedSfTeacher::getSalesforceId)
            .value("first_name", "text", NormalizedSfTeacher::getFirstName)
            .value("last_name", "text", NormalizedSfTeacher::getLastName)
            .value("email", "text", NormalizedSfTeacher::getEmail)
            .value("phone", "text", NormalizedSfTeacher::getPhone)
            .value("department", "text", NormalizedSfTeacher::getDepartment)
            .value("gender", "text", NormalizedSfTeacher::getGender)
            .value("school_salesforce_id", "text", NormalizedSfTeacher::getSchoolSalesforceId)
            .value("deleted", "boolean", NormalizedSfTeacher::getDeleted)
            .carried("system_modstamp", "timestamptz", t -> Timestamps.of(t.getSystemModstamp()))
            .newerOnly("system_modstamp")
            .carried("last_run_id", "uuid", NormalizedSfTeacher::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    public SfTeacherStore() {
        super(new SfTeachersKind());
    }

    @Override
    Upsert<NormalizedSfTeacher> table() {
        return TEACHER;
    }

    @Override
    public void completed(Connection c, CompletedRun run, Effects effects) throws SQLException {
        super.completed(c, run, effects);
        TeacherLinks.autoMatch(c, null);
    }

    @Override
    public String liveCountSql() {
        return "select count(*) from teacher where salesforce_id is not null and not deleted";
    }

    @jakarta.inject.Inject
    SfParticipationStore participations;

    @jakarta.inject.Inject
    SfClassStore classes;

    @jakarta.inject.Inject
    SfHistoryStore history;

    @Override
    public List<org.polaris.writer.store.Outcome> write(Connection c, List<org.polaris.writer.Change<NormalizedSfTeacher>> changes,
            org.polaris.writer.Effects effects) throws SQLException {
        List<org.polaris.writer.store.Outcome> outcomes = super.write(c, changes, effects);
        releaseChildren(c, participations, changes, effects);
        releaseChildren(c, classes, changes, effects);
        releaseHistory(c, history, changes, t -> t.getEmail() == null ? List.of() : List.of(t.getEmail()), effects);
        return outcomes;
    }
}
