package org.polaris.schemas.kinds.salesforce;

import java.util.List;

import org.polaris.schemas.avro.NormalizedSfHistory;
import org.polaris.schemas.kinds.RunCounts;
import org.polaris.schemas.kinds.SummaryLine;

/**
 * D6: history, from Task (linked to its contact by WhoId) and EmailMessage (linked by the contact's
 * address), both read into one run as the playbook processes both. Key: Salesforce id. A record whose
 * contact is not in Polaris is "No matching contact": it waits (kept, applied when the contact arrives).
 *
 * <p>The playbook's block, with this project's reading of it: "Records already exist" are the records
 * Polaris already held (updated or unchanged); "Total skipped" the records this run did not write
 * (unchanged, no matching contact, errors), so Total = New + Updated + Total skipped.
 */
public final class SfHistoryKind extends SalesforceKind<NormalizedSfHistory> {

    public static final String ID = "SF_HISTORY";

    public SfHistoryKind() {
        super("history", "Salesforce History", NormalizedSfHistory.class);
    }

    @Override
    public String key(NormalizedSfHistory h) {
        return h.getSalesforceId();
    }

    @Override
    public List<SummaryLine> expectedOutput() {
        return List.of(
                SummaryLine.of("Total records to process", RunCounts.PROCESSED),
                SummaryLine.of("New records created", RunCounts.CREATED),
                SummaryLine.of("Records already exist", RunCounts.UPDATED, RunCounts.SKIPPED),
                SummaryLine.of("No matching contact", RunCounts.WAITING),
                SummaryLine.of("Other errors", RunCounts.INVALID),
                SummaryLine.of("Total skipped", RunCounts.SKIPPED, RunCounts.WAITING, RunCounts.INVALID),
                SummaryLine.of("Updated", RunCounts.UPDATED),
                SummaryLine.of("Deleted", DELETED));
    }
}
