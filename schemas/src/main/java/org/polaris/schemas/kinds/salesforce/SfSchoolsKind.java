package org.polaris.schemas.kinds.salesforce;

import org.polaris.schemas.avro.NormalizedSfSchool;

/** D7: schools and their districts, from Accounts of Type School and School District. Key: Salesforce id. */
public final class SfSchoolsKind extends SalesforceKind<NormalizedSfSchool> {

    public static final String ID = "SF_SCHOOLS";

    public SfSchoolsKind() {
        super("schools", "Salesforce Schools", NormalizedSfSchool.class);
    }

    @Override
    public String key(NormalizedSfSchool s) {
        return s.getSalesforceId();
    }
}
