package org.polaris.normalizer.rows.salesforce;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.normalizer.rules.DateTimes;
import org.polaris.normalizer.rules.Emails;
import org.polaris.schemas.avro.NormalizedSfHistory;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.salesforce.SfHistoryKind;

/**
 * D6 history (facts §5): one run holds Task and EmailMessage records, told apart by the SObject column
 * the sync adds. A Task is linked to its contact by WhoId; an EmailMessage by the contact's address
 * (FromAddress when Incoming, else the first ToAddress, trimmed and lower-cased). A record with no
 * contact to link (a blank WhoId, an address that is not one) is invalid: there is nothing it could wait for.
 */
@Singleton
public class SfHistoryRows implements KindRules<NormalizedSfHistory> {

    public static final String TASK = "Task";
    public static final String EMAIL_MESSAGE = "EmailMessage";

    static final SfHistoryKind KIND = new SfHistoryKind();
    /** Task.ActivityDate is a date: read as midnight in the program's zone (facts §0). */
    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    static final Field SOBJECT = Field.required("sobject", "SObject");
    static final Field WHO = Field.optional("who-id", "WhoId");
    static final Field WHAT = Field.optional("what-id", "WhatId");
    static final Field SUBJECT = Field.optional("subject", "Subject");
    static final Field ACTIVITY_DATE = Field.optional("activity-date", "ActivityDate");
    static final Field TYPE = Field.optional("type", "Type");
    static final Field STATUS = Field.optional("status", "Status");
    static final Field DESCRIPTION = Field.optional("description", "Description");
    static final Field MESSAGE_DATE = Field.optional("message-date", "MessageDate");
    static final Field FROM = Field.optional("from-address", "FromAddress");
    static final Field TO = Field.optional("to-address", "ToAddress");
    static final Field RELATED = Field.optional("related-to-id", "RelatedToId");
    static final Field INCOMING = Field.optional("incoming", "Incoming");

    @Override
    public SourceKind<NormalizedSfHistory> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        List<Field> all = new ArrayList<>(SfRecords.COMMON);
        all.addAll(List.of(SOBJECT, WHO, WHAT, SUBJECT, ACTIVITY_DATE, TYPE, STATUS, DESCRIPTION, MESSAGE_DATE, FROM, TO,
                RELATED, INCOMING));
        return all;
    }

    @Override
    public RowResult<NormalizedSfHistory> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        SfRecords r = new SfRecords(row.getCells(), columns);
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String id = r.id(reasons);
        String source = r.required(SOBJECT, reasons);
        NormalizedSfHistory.Builder h = NormalizedSfHistory.newBuilder().setRunId(row.getRunId())
                .setRowNumber(row.getRowNumber()).setMode(row.getMode()).setDeleted(r.deleted())
                .setSystemModstamp(r.modstamp()).setSubject(r.text(SUBJECT)).setStatus(r.text(STATUS));
        if (TASK.equals(source)) {
            String who = r.reference(WHO, warnings);
            if (who == null) {
                reasons.add("no contact to link: WhoId is empty or not a Salesforce id");
            }
            h.setContactSalesforceId(who).setRelatedSalesforceId(r.reference(WHAT, warnings))
                    .setOccurredAt(date(r, warnings)).setActivityType(r.text(TYPE)).setDescription(r.longText(DESCRIPTION));
        } else if (EMAIL_MESSAGE.equals(source)) {
            boolean incoming = r.flag(INCOMING);
            Field side = incoming ? FROM : TO;
            Optional<String> address = firstAddress(r.text(side));
            if (address.isEmpty()) {
                reasons.add("no contact to link: " + side.label() + " is empty or not an email address");
            }
            h.setContactEmail(address.orElse(null)).setIncoming(incoming)
                    .setRelatedSalesforceId(r.reference(RELATED, warnings))
                    .setOccurredAt(r.instant(MESSAGE_DATE, false, reasons, warnings)).setActivityType("Email");
        } else if (source != null) {
            reasons.add("SObject \"" + source + "\" is neither " + TASK + " nor " + EMAIL_MESSAGE);
        }
        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(h.setSalesforceId(id).setSource(source).setWarnings(warnings).build());
    }

    private static Long date(SfRecords r, List<String> warnings) {
        String v = r.text(ACTIVITY_DATE);
        if (v == null) {
            return null;
        }
        Optional<Long> t = DateTimes.parse(v, ZONE).map(z -> z.toInstant().toEpochMilli());
        if (t.isEmpty()) {
            warnings.add(ACTIVITY_DATE.label() + " \"" + v + "\" is not a date: left empty");
        }
        return t.orElse(null);
    }

    /** The first address of a list ({@code a@x.org; b@y.org}), normalized; empty when it is not one. */
    static Optional<String> firstAddress(String list) {
        if (list == null) {
            return Optional.empty();
        }
        String first = list.split("[;,]", 2)[0];
        return Emails.normalize(first);
    }
}
