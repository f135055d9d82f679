package org.polaris.writer.kinds.salesforce;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedSfParticipation;
import org.polaris.schemas.avro.NormalizedSfStudentParticipation;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.salesforce.SfStudentParticipationsKind;
import org.polaris.writer.Change;
import org.polaris.writer.Effects;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.Upsert;

/**
 * Student participations: the same rows and the same waiting as the other participations
 * ({@link SfParticipationStore}), under their own kind (their own runs, watermark and waiting rows).
 */
@Singleton
public class SfStudentParticipationStore extends SalesforceStore<NormalizedSfStudentParticipation> {

    @Inject
    SfParticipationStore participations;

    public SfStudentParticipationStore() {
        super(new SfStudentParticipationsKind());
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<NormalizedSfStudentParticipation>> changes, Effects effects)
            throws SQLException {
        List<Change<NormalizedSfParticipation>> as = new ArrayList<>(changes.size());
        for (Change<NormalizedSfStudentParticipation> ch : changes) {
            as.add(new Change<>(ch.type(), participation(ch.record()), ch.fields()));
        }
        return participations.writeAs(kind(), c, as, effects);
    }

    /** The record as a participation (same run, row and fields). */
    static NormalizedSfParticipation participation(NormalizedSfStudentParticipation s) {
        return NormalizedSfParticipation.newBuilder().setRunId(s.getRunId()).setRowNumber(s.getRowNumber())
                .setMode(s.getMode() == RunMode.VALIDATE ? RunMode.VALIDATE : RunMode.COMMIT)
                .setSalesforceId(s.getSalesforceId()).setDeleted(s.getDeleted()).setSystemModstamp(s.getSystemModstamp())
                .setSessionSalesforceId(s.getSessionSalesforceId()).setContactSalesforceId(s.getContactSalesforceId())
                .setParticipantType(s.getParticipantType()).setStatus(s.getStatus()).setDeliveryHours(s.getDeliveryHours())
                .setAgeGroup(s.getAgeGroup()).setWarnings(s.getWarnings()).build();
    }

    @Override
    Upsert<NormalizedSfStudentParticipation> table() {
        throw new UnsupportedOperationException("student participations are written as participations");
    }

    @Override
    public String liveCountSql() {
        return "select count(*) from event_participation where participant_type = 'Student' and not deleted";
    }
}
