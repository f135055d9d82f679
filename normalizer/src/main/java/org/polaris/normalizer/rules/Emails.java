package org.polaris.normalizer.rules;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Emails are the join key: trimmed, lower-cased, then syntax-checked. The check is deliberately
 * conservative (what a school mail system hands out): a dot-atom local part, and a domain of
 * letter/digit/hyphen labels with a top-level label of at least two letters.
 */
public final class Emails {

    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[a-z]{2,63}");

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

    static boolean isValid(String email) {
        if (email.length() > 254) {
            return false;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1 || at > 64) {
            return false;
        }
        if (!LOCAL.matcher(email.substring(0, at)).matches()) {
            return false;
        }
        String[] labels = email.substring(at + 1).split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TLD.matcher(labels[labels.length - 1]).matches();
    }
}
