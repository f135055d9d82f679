package org.polaris.schemas.kinds.salesforce;

import java.util.List;

import org.polaris.schemas.avro.NormalizedSfStudentParticipation;
import org.polaris.schemas.kinds.RunCounts;
import org.polaris.schemas.kinds.SummaryLine;

/**
 * Student participations (facts §5): Session_Participant__c of students, only under {@code --full} or
 * {@code --students}; read before the students (facts §6 order), so they wait for them and are
 * applied when the students arrive. Key: Salesforce id.
 */
public final class SfStudentParticipationsKind extends SalesforceKind<NormalizedSfStudentParticipation> {

    public static final String ID = "SF_STUDENT_PARTICIPATIONS";

    public SfStudentParticipationsKind() {
        super("student_participations", "Salesforce Student Participations", NormalizedSfStudentParticipation.class);
    }

    @Override
    public String key(NormalizedSfStudentParticipation p) {
        return p.getSalesforceId();
    }

    @Override
    protected List<SummaryLine> extraOutput() {
        return List.of(SummaryLine.of("Waiting for parent", RunCounts.WAITING));
    }
}
