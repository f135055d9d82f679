package org.polaris.normalizer.rows.salesforce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.normalizer.rules.Picklists;
import org.polaris.schemas.avro.NormalizedSfEvent;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.salesforce.SfEventsKind;

/**
 * D4 events (Session__c): Name (the title) and Start_Date_and_Time__c required; Session_Type__c,
 * Session_Status__c and Format__c through the event-type, event-status and event-format tables
 * (an unknown value is left empty with a warning; an event's format cannot be empty, so an unknown
 * one is virtual when the session has a Pathful id and in person otherwise, and says so);
 * Pathful_Session_Id__c makes it the event Pathful rows match.
 */
@Singleton
public class SfEventRows implements KindRules<NormalizedSfEvent> {

    static final SfEventsKind KIND = new SfEventsKind();
    static final Field NAME = Field.required("name", "Name");
    static final Field TYPE = Field.optional("session-type", "Session_Type__c");
    static final Field STATUS = Field.optional("session-status", "Session_Status__c");
    static final Field START = Field.required("start", "Start_Date_and_Time__c");
    static final Field END = Field.optional("end", "End_Date_and_Time__c");
    static final Field FORMAT = Field.optional("format", "Format__c");
    static final Field DISTRICT = Field.optional("district", "District__c");
    static final Field SCHOOL = Field.optional("school", "School__c");
    static final Field PATHFUL_ID = Field.optional("pathful-session-id", "Pathful_Session_Id__c");

    private final Picklists picklists;

    @Inject
    public SfEventRows(Picklists picklists) {
        this.picklists = picklists;
    }

    @Override
    public SourceKind<NormalizedSfEvent> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        List<Field> all = new ArrayList<>(SfRecords.COMMON);
        all.addAll(List.of(NAME, TYPE, STATUS, START, END, FORMAT, DISTRICT, SCHOOL, PATHFUL_ID));
        return all;
    }

    @Override
    public RowResult<NormalizedSfEvent> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        SfRecords r = new SfRecords(row.getCells(), columns);
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String id = r.id(reasons);
        String title = r.required(NAME, reasons);
        Long start = r.instant(START, true, reasons, warnings);
        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        Long end = r.instant(END, false, reasons, warnings);
        String pathfulId = r.text(PATHFUL_ID);
        String format = picklists.resolve("event-format", FORMAT.label(), r.text(FORMAT), warnings).orElse(null);
        if (format == null) {
            format = pathfulId != null ? "virtual" : "in_person";
            warnings.add("Format__c is blank or unknown: read as " + format);
        }
        return RowResult.valid(NormalizedSfEvent.newBuilder().setRunId(row.getRunId()).setRowNumber(row.getRowNumber())
                .setMode(row.getMode()).setSalesforceId(id).setDeleted(r.deleted()).setSystemModstamp(r.modstamp())
                .setTitle(title).setSessionType(r.text(TYPE))
                .setType(picklists.resolve("event-type", TYPE.label(), r.text(TYPE), warnings).orElse(null))
                .setSessionStatus(r.text(STATUS))
                .setStatus(picklists.resolve("event-status", STATUS.label(), r.text(STATUS), warnings).orElse(null))
                .setFormat(format).setStart(start)
                .setLocalDate(Instant.ofEpochMilli(start).atZone(context.zone()).toLocalDate().toString())
                .setEnd(end).setDistrictSalesforceId(r.reference(DISTRICT, warnings))
                .setSchoolSalesforceId(r.reference(SCHOOL, warnings)).setPathfulSessionId(pathfulId)
                .setWarnings(warnings).build());
    }
}
