package org.polaris.matching.teachers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NameSimilarityTest {

    private static double score(String roster, String first, String last) {
        return NameSimilarity.score(NameNormalizer.roster(roster), NameNormalizer.vms(first, null, last));
    }

    @Test
    void identicalNormalizedNamesScoreOne() {
        assertThat(score("Garcia, Ana M.", "Ana", "Garcia")).isEqualTo(1.0);
        assertThat(score("JOSE NUNEZ", "José", "Núñez")).isEqualTo(1.0);
        assertThat(score("Bob Smith", "Robert", "Smith")).isEqualTo(1.0);
        assertThat(score("Robert Smith", "Bob", "Smith")).isEqualTo(1.0);
        assertThat(score("Katie Brown", "Kathy", "Brown")).isEqualTo(1.0);
    }

    @Test
    void oneTypoStaysAboveTheAutoLinkThreshold() {
        assertThat(score("Aan Garcia", "Ana", "Garcia")).isGreaterThanOrEqualTo(0.95); // swap
        assertThat(score("Ana Garca", "Ana", "Garcia")).isGreaterThanOrEqualTo(0.95); // dropped letter
        assertThat(score("Ana Garrcia", "Ana", "Garcia")).isGreaterThanOrEqualTo(0.95); // doubled letter
        assertThat(score("Jonathan Thompsno", "Jonathan", "Thompson")).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void siblingsSharingASurnameStayBelowTheAutoLinkThreshold() {
        assertThat(score("Maria Lopez", "Marco", "Lopez")).isLessThan(0.95);
        assertThat(score("Maria Lopez", "Mario", "Lopez")).isLessThan(0.95);
        assertThat(score("James Brown", "Jane", "Brown")).isLessThan(0.95);
    }

    @Test
    void namesMoreThanOneEditApartAreCappedBelowAutoLink() {
        // Jaro-Winkler alone gives 0.97 here; two edits = a different name
        assertThat(score("Alexander Kim", "Alexandra", "Kim")).isLessThanOrEqualTo(NameSimilarity.DIFFERENT_NAME_CEILING);
        assertThat(score("Christopher Park", "Christine", "Park")).isLessThanOrEqualTo(NameSimilarity.DIFFERENT_NAME_CEILING);
        assertThat(score("Ana Garcia", "Ana", "Garza")).isLessThanOrEqualTo(NameSimilarity.DIFFERENT_NAME_CEILING);
    }

    @Test
    void marriedNameChangeIsNotEvenAReviewCandidate() {
        assertThat(score("Ana Smith", "Ana", "Garcia")).isLessThan(0.80);
        assertThat(score("Smith, Ana", "Ana", "Garcia")).isLessThan(0.80);
    }

    @Test
    void firstPartOfAHyphenatedSurnameIsSlightlyLessThanTheWholeSurname() {
        assertThat(score("Ana Garcia", "Ana", "Garcia-Lopez"))
                .isCloseTo(NameSimilarity.PARTIAL_SURNAME_FACTOR, within(1e-9));
        assertThat(score("Ana Garcia-Lopez", "Ana", "Garcia"))
                .isCloseTo(NameSimilarity.PARTIAL_SURNAME_FACTOR, within(1e-9));
        assertThat(score("Ana Garcia-Lopez", "Ana", "Garcia-Lopez")).isEqualTo(1.0);
    }

    @Test
    void onlyAnInitialIsAtBestAReviewCandidate() {
        // "a" vs "ana" is not a typo: capped at the first names' own Jaro-Winkler score, 0.80
        assertThat(score("A. Garcia", "Ana", "Garcia")).isCloseTo(0.80, within(1e-9));
    }

    @Test
    void differentSurnameInitialsAreNeverCompared() {
        assertThat(score("Ana Garcia", "Ana", "Harcia")).isZero();
    }

    @Test
    void editDistanceCountsATranspositionAsOneEdit() {
        assertThat(NameSimilarity.editDistance("garcia", "gracia")).isEqualTo(1);
        assertThat(NameSimilarity.editDistance("garcia", "garca")).isEqualTo(1);
        assertThat(NameSimilarity.editDistance("garcia", "garrcia")).isEqualTo(1);
        assertThat(NameSimilarity.editDistance("alexander", "alexandra")).isEqualTo(2);
        assertThat(NameSimilarity.sameNameOrTypo("ana", "aan")).isTrue();
        assertThat(NameSimilarity.sameNameOrTypo("", "ana")).isFalse();
    }
}
