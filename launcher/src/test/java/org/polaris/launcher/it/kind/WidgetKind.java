package org.polaris.launcher.it.kind;

import java.util.List;

import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.kinds.RunCounts;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SummaryLine;

/**
 * A source kind defined only in test code: widgets from a CSV, whole, partial or deleted. Its files
 * are this registration, its schema ({@code NormalizedWidget.avsc}), its rules, its store, its
 * migration and a line in {@code META-INF/services}: the core of every stage is left as it is.
 */
public final class WidgetKind implements SourceKind<NormalizedWidget> {

    public static final String ID = "TEST_WIDGETS";
    public static final String DELETED = "deleted";

    static final Topic<String, RawRecord> RAW = Topics.raw("polaris.raw.test-widgets");
    static final Topic<String, NormalizedWidget> NORMALIZED = Topics.working("polaris.normalized.test-widgets",
            NormalizedWidget.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Test Widgets";
    }

    @Override
    public Topic<String, RawRecord> rawTopic() {
        return RAW;
    }

    @Override
    public Topic<String, NormalizedWidget> normalizedTopic() {
        return NORMALIZED;
    }


    @Override
    public String key(NormalizedWidget w) {
        return w.getWidgetId();
    }

    @Override
    public List<SummaryLine> expectedOutput() {
        return List.of(
                SummaryLine.of("Widgets processed", RunCounts.PROCESSED),
                SummaryLine.of("Widgets created", RunCounts.CREATED),
                SummaryLine.of("Widgets changed", RunCounts.UPDATED),
                SummaryLine.of("Widgets deleted", DELETED),
                SummaryLine.of("Rows skipped", RunCounts.SKIPPED),
                SummaryLine.of("Rows invalid", RunCounts.INVALID));
    }

    @Override
    public List<Counter> counters() {
        return List.of(new Counter(DELETED, "Widgets deleted"));
    }
}
