package org.polaris.normalizer.rows.salesforce;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rules.DateTimes;
import org.polaris.normalizer.rules.Emails;
import org.polaris.normalizer.rules.Text;

/**
 * What every Salesforce record carries and how it reads: its Id (15 or 18 characters), IsDeleted,
 * SystemModstamp (the watermark), values as REST JSON ({@code 2024-05-01T13:45:00.000+0000},
 * {@code true}) or Bulk CSV ({@code 2024-05-01T13:45:00.000Z}) sent them. A field a contract calls
 * by its API name is matched through the alias mapping like any column.
 */
public final class SfRecords {

    public static final Field ID = Field.required("id", "Id");
    public static final Field IS_DELETED = Field.optional("is-deleted", "IsDeleted");
    public static final Field SYSTEM_MODSTAMP = Field.optional("system-modstamp", "SystemModstamp");
    public static final List<Field> COMMON = List.of(ID, IS_DELETED, SYSTEM_MODSTAMP);

    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}");

    private final Map<String, String> cells;
    private final HeaderResolution columns;

    public SfRecords(Map<String, String> cells, HeaderResolution columns) {
        this.cells = cells;
        this.columns = columns;
    }

    /** The cell's text, trimmed and collapsed; null when blank or absent. */
    public String text(Field f) {
        return Text.clean(columns.cell(cells, f));
    }

    /** A required text field: null and a reason when blank. */
    public String required(Field f, List<String> reasons) {
        String v = text(f);
        if (v == null) {
            reasons.add(f.label() + " is empty");
        }
        return v;
    }

    /** The record's Id, or null and a reason. */
    public String id(List<String> reasons) {
        String v = text(ID);
        if (v == null) {
            reasons.add("Id is empty");
            return null;
        }
        if (!SALESFORCE_ID.matcher(v).matches()) {
            reasons.add("Id \"" + v + "\" is not a Salesforce id (15 or 18 letters and digits)");
            return null;
        }
        return v;
    }

    /** An id-valued field (a parent): null when blank; a value that is not an id is a warning, left empty. */
    public String reference(Field f, List<String> warnings) {
        String v = text(f);
        if (v != null && !SALESFORCE_ID.matcher(v).matches()) {
            warnings.add(f.label() + " \"" + v + "\" is not a Salesforce id: left empty");
            return null;
        }
        return v;
    }

    /** A free-text cell (a description): trimmed, its line breaks kept; null when blank. */
    public String longText(Field f) {
        String v = columns.cell(cells, f);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public boolean flag(Field f) {
        return "true".equalsIgnoreCase(text(f));
    }

    public boolean deleted() {
        return flag(IS_DELETED);
    }

    /** SystemModstamp in epoch ms, or null when absent or unreadable. */
    public Long modstamp() {
        return DateTimes.parse(text(SYSTEM_MODSTAMP), ZoneOffset.UTC).map(t -> t.toInstant().toEpochMilli()).orElse(null);
    }

    /** A datetime field in epoch ms; a value that does not read is a reason (when required) or a warning. */
    public Long instant(Field f, boolean required, List<String> reasons, List<String> warnings) {
        String v = text(f);
        if (v == null) {
            if (required) {
                reasons.add(f.label() + " is empty");
            }
            return null;
        }
        Optional<Long> t = DateTimes.parse(v, ZoneOffset.UTC).map(z -> z.toInstant().toEpochMilli());
        if (t.isEmpty()) {
            (required ? reasons : warnings).add(f.label() + " \"" + v + "\" is not a date and time"
                    + (required ? "" : ": left empty"));
        }
        return t.orElse(null);
    }

    /** An email field, trimmed and lower-cased; one that is not an address is left empty with a warning (never quoted). */
    public String email(Field f, List<String> warnings) {
        String v = text(f);
        if (v == null) {
            return null;
        }
        Optional<String> e = Emails.normalize(v);
        if (e.isEmpty()) {
            warnings.add(f.label() + " is not a valid email address: left empty");
        }
        return e.orElse(null);
    }
}
