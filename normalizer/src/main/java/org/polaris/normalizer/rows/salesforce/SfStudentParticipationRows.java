package org.polaris.normalizer.rows.salesforce;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.normalizer.rules.Picklists;
import org.polaris.schemas.avro.NormalizedSfParticipation;
import org.polaris.schemas.avro.NormalizedSfStudentParticipation;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.salesforce.SfStudentParticipationsKind;

/** Student participations: the participation rules ({@link SfParticipationRows}), and the participant must be a student. */
@Singleton
public class SfStudentParticipationRows implements KindRules<NormalizedSfStudentParticipation> {

    static final SfStudentParticipationsKind KIND = new SfStudentParticipationsKind();

    private final SfParticipationRows participations;

    @Inject
    public SfStudentParticipationRows(Picklists picklists) {
        this.participations = new SfParticipationRows(picklists);
    }

    @Override
    public SourceKind<NormalizedSfStudentParticipation> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        return participations.contract();
    }

    @Override
    public RowResult<NormalizedSfStudentParticipation> normalize(RawRow row, HeaderResolution columns,
            RowContext context) {
        RowResult<NormalizedSfParticipation> r = participations.normalize(row, columns, context);
        if (!r.isValid()) {
            return RowResult.invalid(r.reasons());
        }
        NormalizedSfParticipation p = r.value();
        if (!"Student".equals(p.getParticipantType())) {
            List<String> reasons = new ArrayList<>();
            reasons.add("Participant_Type__c \"" + p.getParticipantType() + "\" is not Student (a student participation)");
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(NormalizedSfStudentParticipation.newBuilder().setRunId(p.getRunId())
                .setRowNumber(p.getRowNumber()).setMode(row.getMode()).setSalesforceId(p.getSalesforceId())
                .setDeleted(p.getDeleted()).setSystemModstamp(p.getSystemModstamp())
                .setSessionSalesforceId(p.getSessionSalesforceId()).setContactSalesforceId(p.getContactSalesforceId())
                .setParticipantType(p.getParticipantType()).setStatus(p.getStatus()).setDeliveryHours(p.getDeliveryHours())
                .setAgeGroup(p.getAgeGroup()).setWarnings(p.getWarnings()).build());
    }
}
