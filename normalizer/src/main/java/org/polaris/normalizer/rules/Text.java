package org.polaris.normalizer.rules;

import java.util.regex.Pattern;

/** Strings as every import stores them (facts §0): trimmed, whitespace runs collapsed. */
public final class Text {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private Text() {
    }

    /** Trimmed and collapsed; null for null or blank. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String collapsed = WHITESPACE.matcher(s).replaceAll(" ").trim();
        return collapsed.isEmpty() ? null : collapsed;
    }
}
