package org.polaris.writer.kinds.salesforce;

import java.util.List;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedSfStudent;
import org.polaris.schemas.kinds.salesforce.SfStudentsKind;
import org.polaris.writer.store.Upsert;

/** Students (D3), keyed by their Contact Id. */
@Singleton
public class SfStudentStore extends SalesforceStore<NormalizedSfStudent> {

    static final Upsert<NormalizedSfStudent> STUDENT = Upsert.<NormalizedSfStudent>into("student", "s")
            .key("salesforce_individual_id", "text", NormalizedSfStudent::getSalesforceId)
            .value("first_name", "text", NormalizedSfStudent::getFirstName)
            .value("last_name", "text", NormalizedSfStudent::getLastName)
            .value("middle_name", "text", NormalizedSfStudent::getMiddleName)
            .value("email", "text", NormalizedSfStudent::getEmail)
            .value("gender", "text", NormalizedSfStudent::getGender)
            .value("race_ethnicity", "text", NormalizedSfStudent::getRaceEthnicity)
            .value("age_group", "text", NormalizedSfStudent::getAgeGroup)
            .value("school_salesforce_id", "text", NormalizedSfStudent::getSchoolSalesforceId)
            .value("deleted", "boolean", NormalizedSfStudent::getDeleted)
            .carried("system_modstamp", "timestamptz", s -> Timestamps.of(s.getSystemModstamp()))
            .newerOnly("system_modstamp")
            .carried("last_run_id", "uuid", NormalizedSfStudent::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    @jakarta.inject.Inject
    SfParticipationStore participations;

    public SfStudentStore() {
        super(new SfStudentsKind());
    }

    @Override
    Upsert<NormalizedSfStudent> table() {
        return STUDENT;
    }

    @Override
    public String liveCountSql() {
        return "select count(*) from student where not deleted";
    }

    @jakarta.inject.Inject
    SfHistoryStore history;

    @Override
    public List<org.polaris.writer.store.Outcome> write(java.sql.Connection c,
            List<org.polaris.writer.Change<NormalizedSfStudent>> changes, org.polaris.writer.Effects effects)
            throws java.sql.SQLException {
        List<org.polaris.writer.store.Outcome> outcomes = super.write(c, changes, effects);
        releaseChildren(c, participations, changes, effects);
        releaseHistory(c, history, changes, s -> s.getEmail() == null ? java.util.List.<String>of() : java.util.List.of(s.getEmail()), effects);
        return outcomes;
    }
}
