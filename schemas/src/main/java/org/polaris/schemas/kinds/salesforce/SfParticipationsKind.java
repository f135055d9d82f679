package org.polaris.schemas.kinds.salesforce;

import java.util.List;

import org.polaris.schemas.avro.NormalizedSfParticipation;
import org.polaris.schemas.kinds.RunCounts;
import org.polaris.schemas.kinds.SummaryLine;

/**
 * D4's participations: Session_Participant__c of volunteers and teachers, read right after the
 * events (the {@code events} step's second run). A child of its event and its contact: one whose
 * parent is not in Polaris yet waits (its own outcome) and is applied when the parent arrives.
 * Key: Salesforce id.
 */
public final class SfParticipationsKind extends SalesforceKind<NormalizedSfParticipation> {

    public static final String ID = "SF_EVENT_PARTICIPATIONS";

    public SfParticipationsKind() {
        super("event_participations", "Salesforce Event Participations", NormalizedSfParticipation.class);
    }

    @Override
    public String key(NormalizedSfParticipation p) {
        return p.getSalesforceId();
    }

    @Override
    protected List<SummaryLine> extraOutput() {
        return List.of(SummaryLine.of("Waiting for parent", RunCounts.WAITING));
    }
}
