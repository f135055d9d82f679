package org.polaris.schemas.kinds.salesforce;

import org.polaris.schemas.avro.NormalizedSfStudent;

/**
 * D3: students, from Contacts of type Student, only under {@code --full} or {@code --students}
 * (facts §9.8); read in chunks of STUDENTS_CHUNK_SIZE, each reported as it is read. Key: Salesforce id.
 */
public final class SfStudentsKind extends SalesforceKind<NormalizedSfStudent> {

    public static final String ID = "SF_STUDENTS";

    public SfStudentsKind() {
        super("students", "Salesforce Students", NormalizedSfStudent.class);
    }

    @Override
    public String key(NormalizedSfStudent s) {
        return s.getSalesforceId();
    }
}
