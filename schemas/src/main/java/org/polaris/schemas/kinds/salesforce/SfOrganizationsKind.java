package org.polaris.schemas.kinds.salesforce;

import org.polaris.schemas.avro.NormalizedSfOrganization;

/** D5: organizations, from Accounts whose Type is not a school's or a district's. Key: Salesforce id. */
public final class SfOrganizationsKind extends SalesforceKind<NormalizedSfOrganization> {

    public static final String ID = "SF_ORGANIZATIONS";

    public SfOrganizationsKind() {
        super("organizations", "Salesforce Organizations", NormalizedSfOrganization.class);
    }

    @Override
    public String key(NormalizedSfOrganization o) {
        return o.getSalesforceId();
    }
}
