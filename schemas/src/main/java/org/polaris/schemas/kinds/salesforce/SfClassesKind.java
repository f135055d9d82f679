package org.polaris.schemas.kinds.salesforce;

import java.util.List;

import org.polaris.schemas.avro.NormalizedSfClass;
import org.polaris.schemas.kinds.RunCounts;
import org.polaris.schemas.kinds.SummaryLine;

/**
 * Classes (facts §5): Class__c with its school and teacher; read after the schools and before the
 * teachers (facts §6), so a class waits for its teacher and is applied when the teachers arrive.
 * Key: Salesforce id.
 */
public final class SfClassesKind extends SalesforceKind<NormalizedSfClass> {

    public static final String ID = "SF_CLASSES";

    public SfClassesKind() {
        super("classes", "Salesforce Classes", NormalizedSfClass.class);
    }

    @Override
    public String key(NormalizedSfClass c) {
        return c.getSalesforceId();
    }

    @Override
    protected List<SummaryLine> extraOutput() {
        return List.of(SummaryLine.of("Waiting for parent", RunCounts.WAITING));
    }
}
