package org.polaris.schemas.kinds.salesforce;

import java.util.List;

import org.polaris.schemas.avro.NormalizedSfEvent;
import org.polaris.schemas.kinds.RunCounts;
import org.polaris.schemas.kinds.SummaryLine;

/**
 * D4: events, from Session__c (Draft and Connector Session left out by the selection). Key:
 * Salesforce id. Its summary adds the playbook's status and session-type breakdowns (counters named
 * {@code status:<value>} and {@code type:<value>}).
 */
public final class SfEventsKind extends SalesforceKind<NormalizedSfEvent> {

    public static final String ID = "SF_EVENTS";
    public static final String STATUS_PREFIX = "status:";
    public static final String TYPE_PREFIX = "type:";

    public SfEventsKind() {
        super("events", "Salesforce Events", NormalizedSfEvent.class);
    }

    @Override
    public String key(NormalizedSfEvent e) {
        return e.getSalesforceId();
    }

    @Override
    protected List<SummaryLine> extraOutput() {
        return List.of(SummaryLine.of("Skipped (invalid)", RunCounts.INVALID));
    }
}
