package org.polaris.writer.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyTextTest {

    private static String field(String value) {
        StringBuilder b = new StringBuilder();
        CopyText.field(b, value);
        return b.toString();
    }

    @Test
    void nullIsBackslashN() {
        assertThat(field(null)).isEqualTo("\\N");
    }

    @Test
    void emptyStringStaysEmptyAndIsNotNull() {
        assertThat(field("")).isEmpty();
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(field("Ann O'Neil, room 12; \"B\" | ü 東京")).isEqualTo("Ann O'Neil, room 12; \"B\" | ü 東京");
    }

    @Test
    void backslashIsDoubled() {
        assertThat(field("a\\b")).isEqualTo("a\\\\b");
    }

    @Test
    void tabIsEscaped() {
        assertThat(field("a\tb")).isEqualTo("a\\tb");
    }

    @Test
    void newlineIsEscaped() {
        assertThat(field("a\nb")).isEqualTo("a\\nb");
    }

    @Test
    void carriageReturnIsEscaped() {
        assertThat(field("a\r\nb")).isEqualTo("a\\r\\nb");
    }

    @Test
    void allSpecialCharactersTogether() {
        assertThat(field("\\\t\n\r")).isEqualTo("\\\\\\t\\n\\r");
    }

    @Test
    void literalBackslashNTextIsNotConfusedWithNull() {
        assertThat(field("\\N")).isEqualTo("\\\\N").isNotEqualTo(field(null));
    }

    @Test
    void escapedFieldContainsNoRawDelimiters() {
        assertThat(field("x\ty\nz\rw")).doesNotContain("\t", "\n", "\r");
    }

    @Test
    void fieldIsAppendedToWhatTheBuilderAlreadyHolds() {
        StringBuilder b = new StringBuilder("row\t");
        CopyText.field(b, "a\tb");
        b.append('\t');
        CopyText.field(b, null);

        assertThat(b.toString()).isEqualTo("row\ta\\tb\t\\N");
    }
}
