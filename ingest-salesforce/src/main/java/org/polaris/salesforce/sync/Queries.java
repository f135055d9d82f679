package org.polaris.salesforce.sync;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.polaris.salesforce.SalesforceConfig.ObjectQuery;

/**
 * The SOQL of a step: its configured fields plus the three every sync needs (Id, IsDeleted,
 * SystemModstamp), its selection, and for a delta {@code SystemModstamp >= since}. Datetime
 * literals are unquoted UTC, as SOQL wants them.
 */
public final class Queries {

    public static final List<String> ALWAYS = List.of("Id", "IsDeleted", "SystemModstamp");

    private Queries() {
    }

    /** The fields read, in order: Id first, then the configured ones, then IsDeleted and SystemModstamp. */
    public static List<String> fields(ObjectQuery q) {
        Set<String> fields = new LinkedHashSet<>();
        fields.add("Id");
        q.fields().forEach(f -> fields.add(f.strip()));
        fields.addAll(ALWAYS);
        return new ArrayList<>(fields);
    }

    public static String select(ObjectQuery q, Optional<Instant> since) {
        return "SELECT " + String.join(", ", fields(q)) + " FROM " + q.sobject() + where(q, since);
    }

    /** The records of these ids the selection takes (a stream's read-back); ids are checked to be ids. */
    public static String selectIds(ObjectQuery q, java.util.Collection<String> ids) {
        List<String> quoted = new ArrayList<>();
        for (String id : ids) {
            if (!id.matches("[a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}")) {
                throw new IllegalArgumentException("not a Salesforce id: " + id);
            }
            quoted.add("'" + id + "'");
        }
        List<String> conditions = new ArrayList<>();
        q.where().filter(w -> !w.isBlank()).ifPresent(w -> conditions.add("(" + w.strip() + ")"));
        conditions.add("Id IN (" + String.join(", ", quoted) + ")");
        return "SELECT " + String.join(", ", fields(q)) + " FROM " + q.sobject() + " WHERE " + String.join(" AND ", conditions);
    }

    public static String count(ObjectQuery q) {
        return "SELECT COUNT() FROM " + q.sobject() + where(q, Optional.empty());
    }

    private static String where(ObjectQuery q, Optional<Instant> since) {
        List<String> conditions = new ArrayList<>();
        q.where().filter(w -> !w.isBlank()).ifPresent(w -> conditions.add("(" + w.strip() + ")"));
        since.ifPresent(t -> conditions.add("SystemModstamp >= " + literal(t)));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** A SOQL datetime literal: 2026-01-01T00:00:00Z (whole seconds; the overlap covers the rest). */
    public static String literal(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
