package org.polaris.normalizer.rows.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.normalizer.rules.Picklists;
import org.polaris.schemas.avro.NormalizedSfParticipation;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.salesforce.SfParticipationsKind;

/**
 * Participations (facts §5): Session__c and Contact__c required (the parents), Participant_Type__c
 * one of Volunteer, Teacher, Student; Status__c kept verbatim; Delivery_Hours__c a number (one that
 * is not is left empty with a warning); Age_Group__c through the age-group table.
 */
@Singleton
public class SfParticipationRows implements KindRules<NormalizedSfParticipation> {

    static final SfParticipationsKind KIND = new SfParticipationsKind();
    static final Field SESSION = Field.required("session", "Session__c");
    static final Field CONTACT = Field.required("contact", "Contact__c");
    static final Field TYPE = Field.required("participant-type", "Participant_Type__c");
    static final Field STATUS = Field.optional("status", "Status__c");
    static final Field HOURS = Field.optional("delivery-hours", "Delivery_Hours__c");
    static final Field AGE_GROUP = Field.optional("age-group", "Age_Group__c");
    private static final List<String> TYPES = List.of("Volunteer", "Teacher", "Student");

    private final Picklists picklists;

    @Inject
    public SfParticipationRows(Picklists picklists) {
        this.picklists = picklists;
    }

    @Override
    public SourceKind<NormalizedSfParticipation> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        List<Field> all = new ArrayList<>(SfRecords.COMMON);
        all.addAll(List.of(SESSION, CONTACT, TYPE, STATUS, HOURS, AGE_GROUP));
        return all;
    }

    @Override
    public RowResult<NormalizedSfParticipation> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        SfRecords r = new SfRecords(row.getCells(), columns);
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String id = r.id(reasons);
        String session = r.required(SESSION, reasons);
        String contact = r.required(CONTACT, reasons);
        String type = r.required(TYPE, reasons);
        String canonicalType = type == null ? null : TYPES.stream()
                .filter(t -> t.equals(type.strip().substring(0, 1).toUpperCase(Locale.ROOT)
                        + type.strip().substring(1).toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        if (type != null && canonicalType == null) {
            reasons.add("Participant_Type__c \"" + type + "\" is not Volunteer, Teacher or Student");
        }
        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        Double hours = null;
        String h = r.text(HOURS);
        if (h != null) {
            try {
                hours = Double.parseDouble(h);
            } catch (NumberFormatException e) {
                warnings.add("Delivery_Hours__c \"" + h + "\" is not a number: left empty");
            }
        }
        return RowResult.valid(NormalizedSfParticipation.newBuilder().setRunId(row.getRunId())
                .setRowNumber(row.getRowNumber()).setMode(row.getMode()).setSalesforceId(id).setDeleted(r.deleted())
                .setSystemModstamp(r.modstamp()).setSessionSalesforceId(session).setContactSalesforceId(contact)
                .setParticipantType(canonicalType).setStatus(r.text(STATUS)).setDeliveryHours(hours)
                .setAgeGroup(picklists.resolve("age-group", AGE_GROUP.label(), r.text(AGE_GROUP), warnings).orElse(null))
                .setWarnings(warnings).build());
    }
}
