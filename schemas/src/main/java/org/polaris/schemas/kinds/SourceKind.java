package org.polaris.schemas.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.Topic;
import org.polaris.schemas.avro.RawRecord;

/**
 * A source kind: what one kind of import is, for every stage. The core of each stage iterates over
 * the registered kinds ({@link SourceKinds}) and names none of them; a new kind is its schema, its
 * rules (normalizer), its store (writer), its migration, its mapping defaults, and one registration:
 * a class implementing this interface, listed in {@code META-INF/services/org.polaris.schemas.kinds.SourceKind}.
 *
 * @param <V> the normalized record of a valid row
 */
public interface SourceKind<V extends SpecificRecord> {

    /** Who may import a kind (facts §7 access matrix). */
    enum Access {
        /** Global administrators only. */
        ADMINS,
        /** Global administrators and global users. */
        GLOBAL,
        /** Global administrators and users, and a district's own users for their district. */
        DISTRICT
    }

    /** Whether a run of the kind carries an academic year (its window). */
    enum Window {
        /** A run without a valid academic year is rejected. */
        REQUIRED,
        /** A run may carry one; when it does it must be valid. */
        OPTIONAL,
        /** The kind has no window; one given is recorded, never checked. */
        NONE
    }

    /** The run's id: the ledger's kind, the {@code kind} of every run record, the API's {@code kind}. */
    String id();

    /** How operators name it: the import log's "Import type". */
    String label();

    /** The import's name in URLs and on the command line: {@code /api/imports/{slug}}, {@code bin/polaris import SLUG}. */
    default String slug() {
        return id().toLowerCase(Locale.ROOT);
    }

    /** The kind in sentences ("pathful files", "the roster of KCKPS"). */
    default String noun() {
        return slug().replace('_', ' ');
    }

    /** Where ingest publishes a run's start marker, rows and end marker (key: run id). */
    Topic<String, RawRecord> rawTopic();

    /** Where the normalizer publishes the kind's valid rows, keyed by {@link #key}. */
    Topic<String, V> normalizedTopic();

    /** The normalized record's class: its normalized topic's value type. */
    @SuppressWarnings("unchecked")
    default Class<V> valueType() {
        return (Class<V>) normalizedTopic().valueType();
    }

    /** The key rule: the natural key of what a valid row changes, so two changes to it stay in order. */
    String key(V normalized);

    /** The topics the writer reads the kind's rows from (the normalized topic, unless a stage sits between). */
    default List<Topic<String, ?>> writerTopics() {
        return List.of(normalizedTopic());
    }

    /** Every record type the kind puts on a topic (the codec encodes and decodes them). */
    default List<Class<? extends SpecificRecord>> recordTypes() {
        return List.of(valueType());
    }

    /** The playbook's "Expected Output" block: one labelled line per count (or sum of counts). */
    List<SummaryLine> expectedOutput();

    /** The counts {@code --json} reports, in order. */
    default List<String> reportedCounts() {
        return List.of("processed", "created", "updated", "skipped", "invalid", "warnings");
    }

    /** The kind's own run counters beside the outcomes (a roster run's deactivations), with their labels. */
    default List<Counter> counters() {
        return List.of();
    }

    default Window window() {
        return Window.NONE;
    }

    default Access access() {
        return Access.GLOBAL;
    }

    /**
     * Whether operators may upload files of this kind ({@code /api/imports/{slug}}). A Salesforce kind
     * may not: its rows come from the sync, which keeps the object's watermark.
     */
    default boolean fileUploads() {
        return true;
    }

    /** Rows above the column names in the kind's files (a virtual-session sheet has 3). */
    default int headerRows() {
        return 0;
    }

    /** The purpose a registered Google Sheet of this kind carries, if the kind is read from sheets. */
    default Optional<String> sheetPurpose() {
        return Optional.empty();
    }

    /** The Expected Output block over a run's counts ({@link RunCounts#of}). */
    default List<SummaryLine.Value> summary(Map<String, Integer> counts) {
        List<SummaryLine.Value> lines = new ArrayList<>();
        for (SummaryLine line : expectedOutput()) {
            lines.add(new SummaryLine.Value(line.label(), line.valueOf(counts)));
        }
        return lines;
    }

    /** The {@link #reportedCounts} of a run, in order. */
    default Map<String, Integer> reported(Map<String, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        reportedCounts().forEach(name -> out.put(name, counts.getOrDefault(name, 0)));
        return out;
    }

    /** A run counter that is not a row outcome: its name in the ledger and API, and its label. */
    record Counter(String name, String label) {
    }
}
