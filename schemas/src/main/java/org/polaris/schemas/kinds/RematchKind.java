package org.polaris.schemas.kinds;

import java.util.List;

import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.RawRecord;

/**
 * A follow-up of Pathful runs: their rows kept unmatched (teacher or event unknown then), published
 * again once the roster entry and the event exist, one run per academic year. Its rows are Pathful
 * rows (normalized onto the Pathful topic, matched and written as Pathful rows are) that name the run
 * and row they complete; the original run's row is then resolved. No one uploads a file of it: the
 * pipeline starts it when a run that adds teachers or events completes.
 */
public final class RematchKind implements SourceKind<NormalizedAttendance> {

    public static final String ID = "REMATCH";
    /** Its rows are Pathful rows: topic, key, writer topics and Expected Output are Pathful's. */
    private static final PathfulKind PATHFUL = new PathfulKind();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Pathful re-match";
    }

    @Override
    public Topic<String, RawRecord> rawTopic() {
        return Topics.RAW_REMATCH;
    }

    @Override
    public Topic<String, NormalizedAttendance> normalizedTopic() {
        return PATHFUL.normalizedTopic();
    }

    @Override
    public String key(NormalizedAttendance a) {
        return PATHFUL.key(a);
    }

    @Override
    public List<Topic<String, ?>> writerTopics() {
        return PATHFUL.writerTopics();
    }

    @Override
    public List<SummaryLine> expectedOutput() {
        return PATHFUL.expectedOutput();
    }

    @Override
    public List<String> reportedCounts() {
        return PATHFUL.reportedCounts();
    }

    @Override
    public Window window() {
        return Window.REQUIRED;
    }

    @Override
    public Access access() {
        return Access.ADMINS;
    }

    @Override
    public boolean fileUploads() {
        return false;
    }
}
