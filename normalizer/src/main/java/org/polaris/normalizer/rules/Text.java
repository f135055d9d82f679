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
        if (isPlain(s)) {
            return s; // the common case, without a regex: every cell of every row goes through here
        }
        String collapsed = WHITESPACE.matcher(s).replaceAll(" ").trim();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** Non-empty, no leading or trailing space, no whitespace other than single plain spaces. */
    private static boolean isPlain(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' ? previous == ' ' : (c < ' ' || c == '\u00A0' || c == '\u2007' || c == '\u202F'
                    || (c > '~' && Character.isWhitespace(c)))) {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
