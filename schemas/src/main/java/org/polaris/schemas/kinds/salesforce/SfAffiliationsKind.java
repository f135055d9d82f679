package org.polaris.schemas.kinds.salesforce;

import java.util.List;

import org.polaris.schemas.avro.NormalizedSfAffiliation;
import org.polaris.schemas.kinds.RunCounts;
import org.polaris.schemas.kinds.SummaryLine;

/**
 * Affiliations (facts §5): the volunteer ↔ organization links (npe5__Affiliation__c), read after both
 * sides; one whose volunteer or organization is not in Polaris waits for it. Key: Salesforce id.
 */
public final class SfAffiliationsKind extends SalesforceKind<NormalizedSfAffiliation> {

    public static final String ID = "SF_AFFILIATIONS";

    public SfAffiliationsKind() {
        super("affiliations", "Salesforce Affiliations", NormalizedSfAffiliation.class);
    }

    @Override
    public String key(NormalizedSfAffiliation a) {
        return a.getSalesforceId();
    }

    @Override
    protected List<SummaryLine> extraOutput() {
        return List.of(SummaryLine.of("Waiting for parent", RunCounts.WAITING));
    }
}
