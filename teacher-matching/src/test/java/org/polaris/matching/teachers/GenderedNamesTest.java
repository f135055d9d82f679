package org.polaris.matching.teachers;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GenderedNamesTest {

    @ParameterizedTest
    @CsvSource({"michaela,michael", "michael,michaela", "roberta,robert", "andrea,andrew", "maria,mario",
        "alexandra,alexander", "paula,paul", "danielle,daniel", "justine,justin", "julia,julius", "carla,carlos",
        "henriette,henri", "louise,louis"})
    void aFeminineAndAMasculineFormOfOneStemDiffer(String a, String b) {
        assertThat(GenderedNames.differ(a, b)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"michael,michael", "jon,john", "catherine,katherine", "steven,stephen", "ana,ann", "mark,marc",
        "sara,sarah", "bob,rob", "ed,edd"})
    void aTypoASpellingOrTheSameNameIsNotAGenderedPair(String a, String b) {
        assertThat(GenderedNames.differ(a, b)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aRosterMichaelaIsNeverAutoLinkedToAVmsMichaelAtHerSchool() {
        List<MatchDecision> decisions = new TeacherMatcher().match(
                List.of(new RosterTeacher("r1", "Michaela Brown", "michaela@school.org", "North High")),
                List.of(new VmsTeacher("t1", "Michael", "Brown", null, List.of("mbrown@other.org"), "North High")));

        MatchDecision d = decisions.get(0);
        assertThat(d.isAutoLinked()).isFalse();
        assertThat(d.outcome()).isEqualTo(MatchOutcome.REVIEW);
        assertThat(d.note()).contains("first names michaela and michael differ by a gendered ending");
    }
}
