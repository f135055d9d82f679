package org.polaris.normalizer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @Test
    void trimsAndCollapsesWhitespaceRuns() {
        assertThat(Text.clean("  Central \t  High\nSchool ")).isEqualTo("Central High School");
    }

    @Test
    void nonBreakingSpacesCountAsWhitespace() {
        assertThat(Text.clean("\u00A0Central\u00A0\u202FHigh\u2007")).isEqualTo("Central High");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u00A0"})
    void blankIsNull(String raw) {
        assertThat(Text.clean(raw)).isNull();
    }
}
