package org.polaris.writer.kinds.salesforce;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedSfSchool;
import org.polaris.schemas.kinds.salesforce.SfSchoolsKind;
import org.polaris.writer.Change;
import org.polaris.writer.Changes;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.Upsert;

/** Schools and districts (D7): a district Account goes to {@code district}, a school to {@code school} (id = Salesforce id). */
@Singleton
public class SfSchoolStore extends SalesforceStore<NormalizedSfSchool> {

    static final Upsert<NormalizedSfSchool> DISTRICT = Upsert.<NormalizedSfSchool>into("district", "d")
            .key("salesforce_id", "text", NormalizedSfSchool::getSalesforceId)
            .value("name", "text", NormalizedSfSchool::getName)
            .value("billing_street", "text", NormalizedSfSchool::getBillingStreet)
            .value("billing_city", "text", NormalizedSfSchool::getBillingCity)
            .value("billing_state", "text", NormalizedSfSchool::getBillingState)
            .value("billing_postal_code", "text", NormalizedSfSchool::getBillingPostalCode)
            .value("deleted", "boolean", NormalizedSfSchool::getDeleted)
            .carried("system_modstamp", "timestamptz", s -> Timestamps.of(s.getSystemModstamp()))
            .newerOnly("system_modstamp")
            .carried("last_run_id", "uuid", NormalizedSfSchool::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    static final Upsert<NormalizedSfSchool> SCHOOL = Upsert.<NormalizedSfSchool>into("school", "s")
            .key("id", "text", NormalizedSfSchool::getSalesforceId)
            .value("name", "text", NormalizedSfSchool::getName)
            .value("normalized_name", "text", NormalizedSfSchool::getNormalizedName)
            .value("district_salesforce_id", "text", NormalizedSfSchool::getDistrictSalesforceId)
            .value("billing_street", "text", NormalizedSfSchool::getBillingStreet)
            .value("billing_city", "text", NormalizedSfSchool::getBillingCity)
            .value("billing_state", "text", NormalizedSfSchool::getBillingState)
            .value("billing_postal_code", "text", NormalizedSfSchool::getBillingPostalCode)
            .value("deleted", "boolean", NormalizedSfSchool::getDeleted)
            .carried("system_modstamp", "timestamptz", s -> Timestamps.of(s.getSystemModstamp()))
            .newerOnly("system_modstamp")
            .carried("last_run_id", "uuid", NormalizedSfSchool::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    public SfSchoolStore() {
        super(new SfSchoolsKind());
    }

    @Override
    Upsert<NormalizedSfSchool> table() {
        return SCHOOL;
    }

    @Override
    List<Outcome> apply(Connection c, List<Change<NormalizedSfSchool>> changes) throws SQLException {
        List<Change<NormalizedSfSchool>> districts = new ArrayList<>();
        List<Change<NormalizedSfSchool>> schools = new ArrayList<>();
        changes.forEach(ch -> (ch.record().getDistrict() ? districts : schools).add(ch));
        List<Outcome> d = Changes.apply(c, DISTRICT, districts, this::row, this::warnings);
        List<Outcome> s = Changes.apply(c, SCHOOL, schools, this::row, this::warnings);
        // back in the order of the changes
        java.util.Map<Outcome.RowKey, Outcome> byRow = new java.util.HashMap<>();
        d.forEach(o -> byRow.put(o.key(), o));
        s.forEach(o -> byRow.put(o.key(), o));
        Outcome[] out = new Outcome[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            NormalizedSfSchool r = changes.get(i).record();
            out[i] = byRow.get(new Outcome.RowKey(r.getRunId(), r.getRowNumber()));
        }
        return Arrays.asList(out);
    }

    @Override
    public String liveCountSql() {
        return "select (select count(*) from school where not deleted) + (select count(*) from district where not deleted)";
    }

    @jakarta.inject.Inject
    SfClassStore classes;

    @Override
    public List<Outcome> write(Connection c, List<Change<NormalizedSfSchool>> changes,
            org.polaris.writer.Effects effects) throws SQLException {
        List<Outcome> outcomes = super.write(c, changes, effects);
        releaseChildren(c, classes, changes, effects);
        return outcomes;
    }
}
