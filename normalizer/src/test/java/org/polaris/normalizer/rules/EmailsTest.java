package org.polaris.normalizer.rules;

import static org.assertj.core.api.Assertions.assertThat;

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
}
