package org.polaris.normalizer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AcademicYearsTest {

    @Test
    void canonicalFormIsKept() {
        assertThat(AcademicYears.normalize("2024-2025")).isEqualTo("2024-2025");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024/2025", "2024 - 2025", " 2024-2025 ", "2024 / 2025", "2024  -  2025"})
    void separatorVariantsAreNormalized(String raw) {
        assertThat(AcademicYears.normalize(raw)).isEqualTo("2024-2025");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-2026", // not consecutive
            "2025-2024", // reversed
            "2024-2024", // same year
            "24-25", // two-digit years
            "2024", // one year
            "2024-25", // short second year
            "2024_2025", // unknown separator
            "SY 2024-2025" // extra text
    })
    void anythingButTwoConsecutiveYearsIsRejected(String raw) {
        assertThat(AcademicYears.normalize(raw)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingYearIsRejected(String raw) {
        assertThat(AcademicYears.normalize(raw)).isNull();
    }
}
