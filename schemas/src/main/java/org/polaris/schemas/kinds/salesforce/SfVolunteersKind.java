package org.polaris.schemas.kinds.salesforce;

import org.polaris.schemas.avro.NormalizedSfVolunteer;

/** D1: volunteers, from Contacts of type Volunteer or blank (facts §9.9), with emails, phones, address and skills. Key: Salesforce id. */
public final class SfVolunteersKind extends SalesforceKind<NormalizedSfVolunteer> {

    public static final String ID = "SF_VOLUNTEERS";

    public SfVolunteersKind() {
        super("volunteers", "Salesforce Volunteers", NormalizedSfVolunteer.class);
    }

    @Override
    public String key(NormalizedSfVolunteer v) {
        return v.getSalesforceId();
    }
}
