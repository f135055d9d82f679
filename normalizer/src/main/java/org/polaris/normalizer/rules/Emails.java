package org.polaris.normalizer.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * Emails are the join key: trimmed, lower-cased, then syntax-checked. The check is deliberately
 * conservative (what a school mail system hands out): a dot-atom local part, and a domain of
 * letter/digit/hyphen labels with a top-level label of at least two letters.
 */
public final class Emails {


    private Emails() {
    }

    /** The normalized email, or empty when it is not a valid address. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.startsWith("mailto:")) {
            email = email.substring("mailto:".length());
        }
        return isValid(email) ? Optional.of(email) : Optional.empty();
    }

    /**
     * One pass over the characters, no regular expressions: every row's email is checked, and the
     * three patterns this replaces were a tenth of the normalizer's CPU profile in the benchmark.
     * Same rules: local part {@code [a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[...]+)*}; labels
     * {@code [a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?}; a top-level label of 2-63 letters.
     */
    static boolean isValid(String email) {
        int length = email.length();
        if (length > 254) {
            return false;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == length - 1 || at > 64) {
            return false;
        }
        // local part: atoms of atext separated by single dots, no dot first or last
        boolean atomStart = true;
        for (int i = 0; i < at; i++) {
            char c = email.charAt(i);
            if (c == '.') {
                if (atomStart) {
                    return false;
                }
                atomStart = true;
            } else if (isAtext(c)) {
                atomStart = false;
            } else {
                return false;
            }
        }
        if (atomStart) {
            return false;
        }
        // domain: at least two labels; each 1-63 of [a-z0-9-], not starting or ending with '-'
        int labels = 0;
        int labelStart = at + 1;
        boolean allLetters = true;
        for (int i = at + 1; i <= length; i++) {
            char c = i < length ? email.charAt(i) : '.';
            if (c == '.') {
                int labelLength = i - labelStart;
                if (labelLength < 1 || labelLength > 63 || email.charAt(labelStart) == '-' || email.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i == length) {
                    return labels >= 2 && allLetters && labelLength >= 2;
                }
                labelStart = i + 1;
                allLetters = true;
            } else if (c >= 'a' && c <= 'z') {
                // a letter: fine in any label
            } else if ((c >= '0' && c <= '9') || c == '-') {
                allLetters = false;
            } else {
                return false;
            }
        }
        return false; // not reached: the loop ends on the virtual '.' after the last label
    }

    private static boolean isAtext(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0;
    }
}
