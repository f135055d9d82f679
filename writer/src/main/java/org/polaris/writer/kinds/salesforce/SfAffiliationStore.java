package org.polaris.writer.kinds.salesforce;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedSfAffiliation;
import org.polaris.schemas.kinds.salesforce.SfAffiliationsKind;
import org.polaris.schemas.kinds.salesforce.SfOrganizationsKind;
import org.polaris.schemas.kinds.salesforce.SfVolunteersKind;
import org.polaris.writer.store.Upsert;

/**
 * Affiliations: the volunteer ↔ organization link rows (facts §1 "M:N Organization (link rows)"), keyed
 * by Salesforce id. One whose volunteer or organization is not in Polaris yet waits (WAITING, parked)
 * and is applied when that parent arrives, counted on the parent's run.
 */
@Singleton
public class SfAffiliationStore extends ChildOfParents<NormalizedSfAffiliation> {

    static final Upsert<NormalizedSfAffiliation> AFFILIATION = Upsert.<NormalizedSfAffiliation>into(
                    "volunteer_organization", "a")
            .key("salesforce_id", "text", NormalizedSfAffiliation::getSalesforceId)
            .value("contact_salesforce_id", "text", NormalizedSfAffiliation::getContactSalesforceId)
            .value("organization_salesforce_id", "text", NormalizedSfAffiliation::getOrganizationSalesforceId)
            .value("status", "text", NormalizedSfAffiliation::getStatus)
            .value("is_primary", "boolean", NormalizedSfAffiliation::getPrimary)
            .value("deleted", "boolean", NormalizedSfAffiliation::getDeleted)
            .derived("volunteer_id", "(select v.id from volunteer v where v.salesforce_individual_id = "
                    + "u.contact_salesforce_id)", "excluded.volunteer_id")
            .derived("organization_id", "(select o.id from organization o where o.salesforce_id = "
                    + "u.organization_salesforce_id)", "excluded.organization_id")
            .carried("system_modstamp", "timestamptz", a -> Timestamps.of(a.getSystemModstamp()))
            .newerOnly("system_modstamp")
            .carried("last_run_id", "uuid", NormalizedSfAffiliation::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    public SfAffiliationStore() {
        super(new SfAffiliationsKind());
    }

    @Override
    Upsert<NormalizedSfAffiliation> table() {
        return AFFILIATION;
    }

    @Override
    public String liveCountSql() {
        return "select count(*) from volunteer_organization where not deleted";
    }

    @Override
    List<Parent> parents(NormalizedSfAffiliation a) {
        return List.of(
                new Parent(SfVolunteersKind.ID, a.getContactSalesforceId(),
                        "its volunteer (npe5__Contact__c " + a.getContactSalesforceId() + ")"),
                new Parent(SfOrganizationsKind.ID, a.getOrganizationSalesforceId(),
                        "its organization (npe5__Organization__c " + a.getOrganizationSalesforceId() + ")"));
    }

    @Override
    Map<String, String> lookups() {
        return Map.of(SfVolunteersKind.ID, lookup("volunteer", "salesforce_individual_id"),
                SfOrganizationsKind.ID, lookup("organization", "salesforce_id"));
    }
}
