package org.polaris.salesforce.peer;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Salesforce renders the same value differently per API, and clients parse those exact
 * shapes, so the peer must too: REST JSON datetimes are {@code 2026-01-01T00:00:05.000+0000},
 * Bulk 2.0 CSV datetimes are {@code 2026-01-01T00:00:05.000Z}; dates are ISO in both.
 */
final class Wire {

    static final DateTimeFormatter REST_DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter CSV_DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Wire() {
    }

    static String restDateTime(Instant instant) {
        return REST_DATETIME.format(instant);
    }

    /** One field value in a REST record: booleans and numbers stay JSON scalars, blanks are null. */
    static void writeJson(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof Instant i) {
            g.writeString(restDateTime(i));
        } else if (value instanceof LocalDate d) {
            g.writeString(d.toString());
        } else {
            throw new IllegalStateException("no JSON form for " + value.getClass().getName());
        }
    }

    /** One field value in a Bulk CSV row; the printer quotes it, and a blank becomes {@code ""}. */
    static String csv(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant i) {
            return CSV_DATETIME.format(i);
        }
        if (value instanceof Double d) {
            // never 1.0E7: Salesforce writes plain decimals
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    /** "65.0" → "Winter '26": three releases a year, counted from Winter '11 = v20.0. */
    static String releaseLabel(String version) {
        int n = (int) Double.parseDouble(version) - 20;
        String season = switch (Math.floorMod(n, 3)) {
            case 0 -> "Winter";
            case 1 -> "Spring";
            default -> "Summer";
        };
        int year = 11 + Math.floorDiv(n, 3);
        return season + " '" + String.format("%02d", year % 100);
    }
}
