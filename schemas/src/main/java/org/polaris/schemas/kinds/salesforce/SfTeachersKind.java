package org.polaris.schemas.kinds.salesforce;

import org.polaris.schemas.avro.NormalizedSfTeacher;

/** D2: teachers, from Contacts of type Teacher: the VMS teachers roster entries are matched to. Key: Salesforce id. */
public final class SfTeachersKind extends SalesforceKind<NormalizedSfTeacher> {

    public static final String ID = "SF_TEACHERS";

    public SfTeachersKind() {
        super("teachers", "Salesforce Teachers", NormalizedSfTeacher.class);
    }

    @Override
    public String key(NormalizedSfTeacher t) {
        return t.getSalesforceId();
    }
}
