package org.polaris.salesforce.peer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;

/**
 * How SOQL compares a stored value with a literal. Salesforce semantics, not SQL's:
 * a blank field (null or "") equals both {@code null} and {@code ''}, {@code !=} is the
 * plain negation of {@code =} (so blanks satisfy {@code != 'x'}), string comparison and
 * sorting are case-insensitive, and an ordering comparison against a blank is false.
 */
final class SoqlValues {

    private SoqlValues() {
    }

    static boolean isBlank(Object value) {
        return value == null || (value instanceof String s && s.isEmpty());
    }

    static boolean equal(Object field, Object literal) {
        if (isBlank(literal)) {
            return isBlank(field);
        }
        if (isBlank(field)) {
            return false;
        }
        Integer c = compare(field, literal);
        return c != null && c == 0;
    }

    /** The ordering operators; false when either side is blank or the types do not compare. */
    static boolean ordered(Object field, Soql.Op op, Object literal) {
        if (isBlank(field) || isBlank(literal)) {
            return false;
        }
        Integer c = compare(field, literal);
        if (c == null) {
            return false;
        }
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ, NE -> throw new IllegalArgumentException("not an ordering operator: " + op);
        };
    }

    /**
     * Compares two non-blank values of compatible types, or returns null when they are
     * not comparable (a Boolean against a number, say). A date literal against a datetime
     * field is taken as midnight UTC, which is what a client filtering by day expects.
     */
    static Integer compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return String.CASE_INSENSITIVE_ORDER.compare(x, y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if ((a instanceof Instant || a instanceof LocalDate) && (b instanceof Instant || b instanceof LocalDate)) {
            if (a instanceof LocalDate x && b instanceof LocalDate y) {
                return x.compareTo(y);
            }
            return instant(a).compareTo(instant(b));
        }
        return null;
    }

    /** ORDER BY comparator for one column: nulls first unless told otherwise, per the SOQL docs. */
    static Comparator<Object> sortOrder(boolean descending, boolean nullsFirst) {
        Comparator<Object> values = (a, b) -> {
            Integer c = compare(a, b);
            // mixed types only happen with hand-made data; order them stably by type name
            return c != null ? c : a.getClass().getName().compareTo(b.getClass().getName());
        };
        if (descending) {
            values = values.reversed();
        }
        Comparator<Object> valuesWithNulls = values;
        return (a, b) -> {
            boolean blankA = isBlank(a);
            boolean blankB = isBlank(b);
            if (blankA || blankB) {
                if (blankA && blankB) {
                    return 0;
                }
                return blankA == nullsFirst ? -1 : 1;
            }
            return valuesWithNulls.compare(a, b);
        };
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }

    private static Instant instant(Object value) {
        return value instanceof LocalDate d ? d.atStartOfDay(ZoneOffset.UTC).toInstant() : (Instant) value;
    }
}
