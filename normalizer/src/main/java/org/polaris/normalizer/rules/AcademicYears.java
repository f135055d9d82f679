package org.polaris.normalizer.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Academic and virtual years are written "2024-2025": two consecutive years. */
public final class AcademicYears {

    // hyphen, slash, or the en/em dash a spreadsheet substitutes for a typed hyphen
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*[-/\u2013\u2014]\\s*(\\d{4})");

    private AcademicYears() {
    }

    /** The canonical "yyyy-yyyy" form, or null when the text is not a valid academic year. */
    public static String normalize(String raw) {
        String cleaned = Text.clean(raw);
        if (cleaned == null) {
            return null;
        }
        Matcher m = YEAR.matcher(cleaned);
        if (!m.matches()) {
            return null;
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        return second == first + 1 ? first + "-" + second : null;
    }
}
