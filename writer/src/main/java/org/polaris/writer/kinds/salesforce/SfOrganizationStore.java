package org.polaris.writer.kinds.salesforce;

import java.util.List;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedSfOrganization;
import org.polaris.schemas.kinds.salesforce.SfOrganizationsKind;
import org.polaris.writer.store.Upsert;

/** Organizations (D5), keyed by Salesforce id. */
@Singleton
public class SfOrganizationStore extends SalesforceStore<NormalizedSfOrganization> {

    static final Upsert<NormalizedSfOrganization> ORGANIZATION = Upsert.<NormalizedSfOrganization>into("organization", "o")
            .key("salesforce_id", "text", NormalizedSfOrganization::getSalesforceId)
            .value("name", "text", NormalizedSfOrganization::getName)
            .value("type", "text", NormalizedSfOrganization::getType)
            .value("billing_street", "text", NormalizedSfOrganization::getBillingStreet)
            .value("billing_city", "text", NormalizedSfOrganization::getBillingCity)
            .value("billing_state", "text", NormalizedSfOrganization::getBillingState)
            .value("billing_postal_code", "text", NormalizedSfOrganization::getBillingPostalCode)
            .value("phone", "text", NormalizedSfOrganization::getPhone)
            .value("website", "text", NormalizedSfOrganization::getWebsite)
            .value("deleted", "boolean", NormalizedSfOrganization::getDeleted)
            .carried("system_modstamp", "timestamptz", o -> Timestamps.of(o.getSystemModstamp()))
            .newerOnly("system_modstamp")
            .carried("last_run_id", "uuid", NormalizedSfOrganization::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    public SfOrganizationStore() {
        super(new SfOrganizationsKind());
    }

    @Override
    Upsert<NormalizedSfOrganization> table() {
        return ORGANIZATION;
    }

    @Override
    public String liveCountSql() {
        return "select count(*) from organization where not deleted";
    }

    @jakarta.inject.Inject
    SfAffiliationStore affiliations;

    @Override
    public List<org.polaris.writer.store.Outcome> write(java.sql.Connection c,
            List<org.polaris.writer.Change<NormalizedSfOrganization>> changes, org.polaris.writer.Effects effects)
            throws java.sql.SQLException {
        List<org.polaris.writer.store.Outcome> outcomes = super.write(c, changes, effects);
        releaseChildren(c, affiliations, changes, effects);
        return outcomes;
    }
}
