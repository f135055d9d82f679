package org.polaris.matching.teachers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchoolNormalizerTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "Lincoln High School          | Lincoln HS",
            "Lincoln High School          | LINCOLN H.S.",
            "Lincoln High School          | lincoln high",
            "Lincoln High School          | Lincoln Senior High",
            "Jefferson Elementary         | Jefferson Elementary School",
            "Jefferson Elementary         | Jefferson Elem.",
            "Jefferson Elementary         | jefferson elem",
            "Jefferson Elementary         | Jefferson E.S.",
            "Roosevelt Middle School      | Roosevelt MS",
            "Roosevelt Middle School      | Roosevelt M.S.",
            "Roosevelt Middle School      | Roosevelt Middle",
            "Sumner Academy               | Sumner Acad.",
            "Sumner Academy               | SUMNER ACADEMY",
            "J.C. Harmon High School      | JC Harmon HS",
            "St. Mary's Academy           | Saint Marys Academy",
            "Arts & Science Academy       | Arts and Science Academy",
            "Peña Elementary              | Pena Elementary",
            "Lincoln School               | Lincoln",
            "'  Lincoln   High  School '  | Lincoln-High School",
    })
    void spellingsOfOneSchoolAreEqual(String a, String b) {
        assertThat(SchoolNormalizer.normalize(a)).isEqualTo(SchoolNormalizer.normalize(b));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {
            "Lincoln High School     | Lincoln Middle School",
            "Washington High School  | Washington Elementary",
            "Lincoln Elementary      | Lincoln Academy",
            "Central Junior High     | Central High School",
            "Lincoln High School     | Lincoln Heights High School",
    })
    void differentSchoolsStayDifferent(String a, String b) {
        assertThat(SchoolNormalizer.normalize(a)).isNotEqualTo(SchoolNormalizer.normalize(b));
    }

    @Test
    void normalizedForms() {
        assertThat(SchoolNormalizer.normalize("Lincoln High School")).isEqualTo("lincoln hs");
        assertThat(SchoolNormalizer.normalize("Jefferson Elementary School")).isEqualTo("jefferson elem");
        assertThat(SchoolNormalizer.normalize("Roosevelt Middle School")).isEqualTo("roosevelt ms");
        assertThat(SchoolNormalizer.normalize("Sumner Acad.")).isEqualTo("sumner academy");
    }

    @Test
    void unknownSchool() {
        assertThat(SchoolNormalizer.normalize(null)).isEmpty();
        assertThat(SchoolNormalizer.normalize("  ")).isEmpty();
        assertThat(SchoolNormalizer.isKnown("")).isFalse();
        assertThat(SchoolNormalizer.isKnown("lincoln hs")).isTrue();
    }
}
