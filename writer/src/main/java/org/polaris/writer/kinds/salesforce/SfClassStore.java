package org.polaris.writer.kinds.salesforce;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedSfClass;
import org.polaris.schemas.kinds.salesforce.SfClassesKind;
import org.polaris.schemas.kinds.salesforce.SfSchoolsKind;
import org.polaris.schemas.kinds.salesforce.SfTeachersKind;
import org.polaris.writer.store.Upsert;

/**
 * Classes, keyed by Salesforce id, with their school and teacher. One whose school or teacher is not in
 * Polaris yet (the runner reads classes before teachers) waits (WAITING, parked) and is applied when that
 * parent arrives, counted on the parent's run.
 */
@Singleton
public class SfClassStore extends ChildOfParents<NormalizedSfClass> {

    static final Upsert<NormalizedSfClass> CLASS = Upsert.<NormalizedSfClass>into("class", "k")
            .key("salesforce_id", "text", NormalizedSfClass::getSalesforceId)
            .value("name", "text", NormalizedSfClass::getName)
            .value("school_salesforce_id", "text", NormalizedSfClass::getSchoolSalesforceId)
            .value("teacher_salesforce_id", "text", NormalizedSfClass::getTeacherSalesforceId)
            .value("deleted", "boolean", NormalizedSfClass::getDeleted)
            .derived("school_id", "u.school_salesforce_id", "excluded.school_id")
            .derived("teacher_id", "(select t.id from teacher t where t.salesforce_id = u.teacher_salesforce_id)",
                    "excluded.teacher_id")
            .carried("system_modstamp", "timestamptz", k -> Timestamps.of(k.getSystemModstamp()))
            .newerOnly("system_modstamp")
            .carried("last_run_id", "uuid", NormalizedSfClass::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    public SfClassStore() {
        super(new SfClassesKind());
    }

    @Override
    Upsert<NormalizedSfClass> table() {
        return CLASS;
    }

    @Override
    public String liveCountSql() {
        return "select count(*) from class where not deleted";
    }

    @Override
    List<Parent> parents(NormalizedSfClass k) {
        return List.of(
                new Parent(SfSchoolsKind.ID, k.getSchoolSalesforceId(), "its school (School__c " + k.getSchoolSalesforceId() + ")"),
                new Parent(SfTeachersKind.ID, k.getTeacherSalesforceId(),
                        "its teacher (Teacher__c " + k.getTeacherSalesforceId() + ")"));
    }

    @Override
    Map<String, String> lookups() {
        return Map.of(SfSchoolsKind.ID, lookup("school", "id"), SfTeachersKind.ID, lookup("teacher", "salesforce_id"));
    }
}
