package org.polaris.schemas.kinds.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.kinds.RunCounts;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SummaryLine;

/**
 * One Salesforce import (facts §5, Playbook D): a step of the runner (facts §6) whose run is one
 * object sync. Its raw rows are the records as Salesforce returned them (field API name → text);
 * its summary is the playbook's {@code Total Records / Successful / Created / Updated / Errors}, plus
 * the records marked deleted. Only global administrators sync; a Salesforce kind takes no file
 * uploads (its rows come from the sync, which keeps the watermark).
 *
 * @param <V> the kind's normalized record
 */
public abstract class SalesforceKind<V extends SpecificRecord> implements SourceKind<V> {

    /** Records whose IsDeleted became true in the run (soft-deleted in Polaris). */
    public static final String DELETED = "deleted";
    /** Waiting child records (of other runs) this run's records were the parents of, applied by it. */
    public static final String APPLIED = "appliedChildren";

    private final String step;
    private final String label;
    private final Topic<String, RawRecord> raw;
    private final Topic<String, V> normalized;

    protected SalesforceKind(String step, String label, Class<V> type) {
        this.step = step;
        this.label = label;
        this.raw = Topics.raw("polaris.raw.salesforce." + step.replace('_', '-'));
        this.normalized = Topics.working("polaris.normalized.salesforce." + step.replace('_', '-'), type);
    }

    /** The runner's step name (facts §6): {@code organizations}, {@code teachers}, ... */
    public String step() {
        return step;
    }

    @Override
    public String id() {
        return "SF_" + step.toUpperCase(Locale.ROOT);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String slug() {
        return "salesforce-" + step.replace('_', '-');
    }

    @Override
    public String noun() {
        return "Salesforce " + step.replace('_', ' ');
    }

    @Override
    public Topic<String, RawRecord> rawTopic() {
        return raw;
    }

    @Override
    public Topic<String, V> normalizedTopic() {
        return normalized;
    }

    @Override
    public Access access() {
        return Access.ADMINS;
    }

    @Override
    public boolean fileUploads() {
        return false;
    }

    /** Playbook D's block, then what this project adds: the records soft-deleted. */
    @Override
    public List<SummaryLine> expectedOutput() {
        List<SummaryLine> lines = new ArrayList<>(List.of(
                SummaryLine.of("Total Records", RunCounts.PROCESSED),
                SummaryLine.of("Successful", RunCounts.CREATED, RunCounts.UPDATED, RunCounts.SKIPPED),
                SummaryLine.of("Created", RunCounts.CREATED),
                SummaryLine.of("Updated", RunCounts.UPDATED),
                SummaryLine.of("Errors", RunCounts.INVALID),
                SummaryLine.of("Deleted", DELETED)));
        lines.addAll(extraOutput());
        return lines;
    }

    /** A kind's own lines after the common block. */
    protected List<SummaryLine> extraOutput() {
        return List.of();
    }

    @Override
    public List<Counter> counters() {
        List<Counter> counters = new ArrayList<>(List.of(new Counter(DELETED, "Deleted"),
                new Counter(APPLIED, "Waiting children applied")));
        counters.addAll(extraCounters());
        return counters;
    }

    protected List<Counter> extraCounters() {
        return List.of();
    }

    @Override
    public List<String> reportedCounts() {
        return List.of(RunCounts.PROCESSED, RunCounts.CREATED, RunCounts.UPDATED, RunCounts.SKIPPED, RunCounts.INVALID,
                RunCounts.WAITING, RunCounts.WARNINGS, DELETED, APPLIED);
    }
}
