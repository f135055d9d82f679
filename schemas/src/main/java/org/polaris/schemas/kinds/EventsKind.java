package org.polaris.schemas.kinds;

import java.util.List;

import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.NormalizedEventSession;
import org.polaris.schemas.avro.RawRecord;

/** Events known by their Pathful session id (an events file), the table Pathful rows are matched against. */
public final class EventsKind implements SourceKind<NormalizedEventSession> {

    public static final String ID = "EVENTS";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Events";
    }

    @Override
    public Topic<String, RawRecord> rawTopic() {
        return Topics.RAW_EVENTS;
    }

    @Override
    public Topic<String, NormalizedEventSession> normalizedTopic() {
        return Topics.NORMALIZED_EVENTS;
    }


    @Override
    public String key(NormalizedEventSession e) {
        return e.getSessionId();
    }

    @Override
    public List<SummaryLine> expectedOutput() {
        return List.of(
                SummaryLine.of("Events processed", RunCounts.PROCESSED),
                SummaryLine.of("Events created", RunCounts.CREATED),
                SummaryLine.of("Events updated", RunCounts.UPDATED),
                SummaryLine.of("Rows skipped", RunCounts.SKIPPED),
                SummaryLine.of("Errors", RunCounts.INVALID),
                SummaryLine.of("Warnings", RunCounts.WARNINGS));
    }
}
