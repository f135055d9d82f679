package org.polaris.normalizer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {

    @Test
    void trimsAndLowerCases() {
        assertThat(Emails.normalize("  Ana.Garcia@KCKPS.org ")).contains("ana.garcia@kckps.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailto:ana.garcia@kckps.org", "MAILTO:Ana.Garcia@KCKPS.org", " mailto:ana.garcia@kckps.org "})
    void stripsMailtoPrefix(String raw) {
        assertThat(Emails.normalize(raw)).contains("ana.garcia@kckps.org");
    }

    @Test
    void acceptsPlusAddressing() {
        assertThat(Emails.normalize("Ana.Garcia+Pathful@kckps.org")).contains("ana.garcia+pathful@kckps.org");
    }

    @Test
    void acceptsSubdomainsAndHyphenatedLabels() {
        assertThat(Emails.normalize("ana@mail.kck-ps.k12.ks.us")).contains("ana@mail.kck-ps.k12.ks.us");
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {
            "ana.garcia.kckps.org", // no @
            "ana@garcia@kckps.org", // two @
            "@kckps.org", // empty local part
            "ana.garcia@", // empty domain
            "ana.garcia@kckps.org.", // trailing dot in the domain
            "ana.garcia.@kckps.org", // trailing dot in the local part
            ".ana@kckps.org", // leading dot in the local part
            "ana..garcia@kckps.org", // consecutive dots in the local part
            "ana@kckps..org", // consecutive dots in the domain
            "ana@localhost", // domain without a dot
            "ana@kckps.o", // single-letter top-level label
            "ana@kckps.123", // numeric top-level label
            "ana garcia@kckps.org", // space in the local part
            "ana@kck ps.org", // space in the domain
            "ana@-kckps.org", // label starting with a hyphen
            "Ana Garcia <ana@kckps.org>" // display name
    })
    void rejectsMalformedAddresses(String raw) {
        assertThat(Emails.normalize(raw)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsMissingAddresses(String raw) {
        assertThat(Emails.normalize(raw)).isEmpty();
    }

    @Test
    void localPartIsLimitedTo64Characters() {
        assertThat(Emails.normalize("a".repeat(64) + "@kckps.org")).isPresent();
        assertThat(Emails.normalize("a".repeat(65) + "@kckps.org")).isEmpty();
    }

    @Test
    void addressIsLimitedTo254Characters() {
        String domain254 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".org";
        String domain255 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".org";
        assertThat(("a".repeat(64) + "@" + domain254)).hasSize(254);

        assertThat(Emails.normalize("a".repeat(64) + "@" + domain254)).isPresent();
        assertThat(Emails.normalize("a".repeat(64) + "@" + domain255)).isEmpty();
    }

    @Test
    void domainLabelIsLimitedTo63Characters() {
        assertThat(Emails.normalize("ana@" + "k".repeat(63) + ".org")).isPresent();
        assertThat(Emails.normalize("ana@" + "k".repeat(64) + ".org")).isEmpty();
    }

    /** The rules as regular expressions (what the scan replaced): the oracle for the next test. */
    private static boolean byPatterns(String email) {
        Pattern local = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
        Pattern label = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
        Pattern tld = Pattern.compile("[a-z]{2,63}");
        int at = email.indexOf('@');
        if (email.length() > 254 || at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1 || at > 64
                || !local.matcher(email.substring(0, at)).matches()) {
            return false;
        }
        String[] labels = email.substring(at + 1).split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String l : labels) {
            if (!label.matcher(l).matches()) {
                return false;
            }
        }
        return tld.matcher(labels[labels.length - 1]).matches();
    }

    @Test
    void theScanAgreesWithThePatternsOnRandomAddresses() {
        Random random = new Random(42);
        int valid = 0;
        for (int n = 0; n < 200_000; n++) {
            // a local part, usually one '@', then up to four labels: each piece drawn from characters
            // that are allowed somewhere, and a few that are never allowed
            StringBuilder b = new StringBuilder(piece(random, "ab9._+!-", 5));
            b.append(random.nextInt(10) == 0 ? "" : random.nextInt(10) == 0 ? "@@" : "@");
            int labels = random.nextInt(5);
            for (int i = 0; i < labels; i++) {
                b.append(i == 0 ? "" : ".").append(piece(random, random.nextInt(20) == 0 ? "a9-_é " : "abz09-", 4));
            }
            String email = b.toString();
            boolean expected = byPatterns(email);
            assertThat(Emails.isValid(email)).as(email).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).as("the sample holds valid addresses too").isGreaterThan(1_000);
    }

    private static String piece(Random random, String alphabet, int maxLength) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
