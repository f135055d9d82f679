package org.polaris.schemas.kinds;

import java.util.List;

import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.NormalizedTeacher;
import org.polaris.schemas.avro.RawRecord;

/** VMS teachers (the Salesforce teacher import's fields; from a CSV until that import exists). */
public final class TeachersKind implements SourceKind<NormalizedTeacher> {

    public static final String ID = "TEACHERS";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "VMS Teachers";
    }

    @Override
    public Topic<String, RawRecord> rawTopic() {
        return Topics.RAW_TEACHERS;
    }

    @Override
    public Topic<String, NormalizedTeacher> normalizedTopic() {
        return Topics.NORMALIZED_TEACHERS;
    }


    @Override
    public String key(NormalizedTeacher t) {
        return t.getTeacherKey();
    }

    @Override
    public List<SummaryLine> expectedOutput() {
        return List.of(
                SummaryLine.of("Teachers processed", RunCounts.PROCESSED),
                SummaryLine.of("Teachers created", RunCounts.CREATED),
                SummaryLine.of("Teachers updated", RunCounts.UPDATED),
                SummaryLine.of("Rows skipped", RunCounts.SKIPPED),
                SummaryLine.of("Rows invalid", RunCounts.INVALID));
    }
}
