package org.polaris.matching.teachers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TeacherMatcherTest {

    private static final String LINCOLN = "Lincoln High School";
    private static final String ROOSEVELT = "Roosevelt Middle School";

    private final TeacherMatcher matcher = new TeacherMatcher();

    private static RosterTeacher row(String id, String name, String email, String school) {
        return new RosterTeacher(id, name, email, school);
    }

    private static VmsTeacher teacher(String id, String first, String last, String email, String school) {
        return VmsTeacher.of(id, first, last, email, school);
    }

    private MatchDecision decide(RosterTeacher row, VmsTeacher... teachers) {
        List<MatchDecision> out = matcher.match(List.of(row), List.of(teachers));
        assertThat(out).hasSize(1);
        assertThat(out.get(0).rosterId()).isEqualTo(row.id());
        return out.get(0);
    }

    // ---------------------------------------------------------------- email

    @Test
    void exactNormalizedEmailLinksWhateverTheName() {
        MatchDecision d = decide(row("r1", "Ana Smith", "  Ana.Garcia@KCKPS.org ", LINCOLN),
                teacher("t1", "Ana", "Garcia", "ana.garcia@kckps.org", ROOSEVELT),
                teacher("t2", "Ana", "Smith", "asmith@gmail.com", LINCOLN));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.AUTO_LINKED);
        assertThat(d.teacherId()).isEqualTo("t1");
        assertThat(d.score()).isEqualTo(1.0);
        assertThat(d.reason()).isEqualTo(LinkReason.EMAIL);
        assertThat(d.reason().code()).isEqualTo("email");
    }

    @Test
    void anyOfTheTeachersEmailsLinks() {
        VmsTeacher t = new VmsTeacher("t1", "Ana", "Garcia", null, List.of("ana@gmail.com", " AGarcia@kckps.org"), LINCOLN);
        MatchDecision d = decide(row("r1", "Ana Garcia", "agarcia@kckps.org", LINCOLN), t);
        assertThat(d.teacherId()).isEqualTo("t1");
        assertThat(d.reason()).isEqualTo(LinkReason.EMAIL);
    }

    @Test
    void emailSharedByTwoTeachersIsAmbiguousAndGoesToReview() {
        MatchDecision d = decide(row("r1", "Ana Garcia", "science@lincoln.org", LINCOLN),
                teacher("t1", "Tom", "Smith", "science@lincoln.org", LINCOLN),
                teacher("t2", "Ana", "Garcia", "Science@Lincoln.org", LINCOLN));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.REVIEW);
        assertThat(d.teacherId()).isNull();
        assertThat(d.candidates()).extracting(Candidate::teacherId).containsExactly("t2", "t1");
        assertThat(d.candidates()).allSatisfy(c -> {
            assertThat(c.reason()).isEqualTo(LinkReason.EMAIL);
            assertThat(c.score()).isEqualTo(1.0);
        });
        assertThat(d.note()).contains("shared by 2");
    }

    @Test
    void unknownEmailFallsBackToTheName() {
        MatchDecision d = decide(row("r1", "Garcia, Ana M.", "new@kckps.org", LINCOLN),
                teacher("t1", "Ana", "Garcia", "ana@gmail.com", LINCOLN));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.AUTO_LINKED);
        assertThat(d.reason()).isEqualTo(LinkReason.NAME);
        assertThat(d.reason().code()).isEqualTo("name");
        assertThat(d.score()).isEqualTo(1.0);
    }

    // ---------------------------------------------------------------- name

    @Test
    void nameVariantsAutoLink() {
        VmsTeacher[] vms = {
                teacher("t1", "Robert", "O'Brien", null, LINCOLN),
                teacher("t2", "José", "Núñez", null, LINCOLN),
                teacher("t3", "Mary-Jane", "Smith-Jones", null, LINCOLN),
                teacher("t4", "Katherine", "Lee", null, LINCOLN),
        };
        List<MatchDecision> out = matcher.match(List.of(
                row("r1", "Mr. Bob OBrien", null, "Lincoln HS"),
                row("r2", "NUNEZ, JOSE", "", "lincoln high"),
                row("r3", "Mary Jane Smith", null, "LINCOLN H.S."),
                row("r4", "Katie  Lee", null, "Lincoln High School")), List.of(vms));
        assertThat(out).extracting(MatchDecision::outcome).containsOnly(MatchOutcome.AUTO_LINKED);
        assertThat(out).extracting(MatchDecision::teacherId).containsExactly("t1", "t2", "t3", "t4");
    }

    @Test
    void oneTypoAutoLinks() {
        MatchDecision d = decide(row("r1", "Ana Garica", null, LINCOLN), teacher("t1", "Ana", "Garcia", null, LINCOLN));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.AUTO_LINKED);
        assertThat(d.score()).isBetween(0.95, 1.0);
    }

    @Test
    void bestCandidateMustBeatTheSecondByTheMargin() {
        // the exact name scores 1.0, the colleague 0.983: within 0.03, a person decides
        VmsTeacher paul = teacher("t1", "Paul", "Miller", null, LINCOLN);
        VmsTeacher paula = teacher("t2", "Paula", "Miller", null, LINCOLN);
        MatchDecision d = decide(row("r1", "Paul Miller", null, LINCOLN), paul, paula);
        assertThat(d.outcome()).isEqualTo(MatchOutcome.REVIEW);
        assertThat(d.candidates()).extracting(Candidate::teacherId).containsExactly("t1", "t2");
        assertThat(d.candidates().get(0).score()).isGreaterThan(d.candidates().get(1).score());
        assertThat(d.note()).contains("within 0.030");

        // with a smaller margin the same evidence is enough
        MatchDecision relaxed = new TeacherMatcher(0.01).match(List.of(row("r1", "Paul Miller", null, LINCOLN)),
                List.of(paul, paula)).get(0);
        assertThat(relaxed.outcome()).isEqualTo(MatchOutcome.AUTO_LINKED);
        assertThat(relaxed.teacherId()).isEqualTo("t1");
    }

    @Test
    void aClearWinnerOverASiblingAutoLinks() {
        MatchDecision d = decide(row("r1", "Maria Lopez", null, LINCOLN),
                teacher("t1", "Maria", "Lopez", null, LINCOLN),
                teacher("t2", "Marco", "Lopez", null, LINCOLN));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.AUTO_LINKED);
        assertThat(d.teacherId()).isEqualTo("t1");
        assertThat(d.candidates()).extracting(Candidate::teacherId).containsExactly("t1", "t2");
    }

    @Test
    void aSiblingAloneIsOnlyAReviewCandidate() {
        MatchDecision d = decide(row("r1", "Maria Lopez", null, LINCOLN), teacher("t2", "Mario", "Lopez", null, LINCOLN));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.REVIEW);
        assertThat(d.candidates()).singleElement().satisfies(c -> {
            assertThat(c.teacherId()).isEqualTo("t2");
            assertThat(c.score()).isBetween(0.80, 0.95);
            assertThat(c.reason()).isEqualTo(LinkReason.NAME);
        });
    }

    @Test
    void ambiguousNicknameBetweenTwoTeachersGoesToReview() {
        MatchDecision d = decide(row("r1", "Chris Park", null, LINCOLN),
                teacher("t1", "Christopher", "Park", null, LINCOLN),
                teacher("t2", "Christine", "Park", null, LINCOLN));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.REVIEW);
        assertThat(d.candidates()).extracting(Candidate::teacherId).containsExactly("t1", "t2");
    }

    @Test
    void marriedNameIsNotAutoLinked() {
        MatchDecision d = decide(row("r1", "Ana Smith", "ana.smith@kckps.org", LINCOLN),
                teacher("t1", "Ana", "Garcia", "ana.garcia@gmail.com", LINCOLN));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.UNMATCHED);
        assertThat(d.candidates()).isEmpty();
        assertThat(d.score()).isZero();
    }

    @Test
    void marriedNameWithSameInitialIsNotAutoLinkedEither() {
        MatchDecision d = decide(row("r1", "Ana Garza", null, LINCOLN), teacher("t1", "Ana", "Garcia", null, LINCOLN));
        assertThat(d.outcome()).isNotEqualTo(MatchOutcome.AUTO_LINKED);
    }

    @Test
    void anInitialInsteadOfTheFirstNameGoesToReview() {
        MatchDecision d = decide(row("r1", "A. Garcia", null, LINCOLN), teacher("t1", "Ana", "Garcia", null, LINCOLN));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.REVIEW);
        assertThat(d.note()).contains("below 0.950");
    }

    @Test
    void noCandidateAtAllIsUnmatched() {
        MatchDecision d = decide(row("r1", "Zoë Brontë", null, LINCOLN), teacher("t1", "Ana", "Garcia", null, LINCOLN));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.UNMATCHED);
        assertThat(decide(row("r2", "  ", null, LINCOLN), teacher("t1", "Ana", "Garcia", null, LINCOLN)).outcome())
                .isEqualTo(MatchOutcome.UNMATCHED);
    }

    @Test
    void belowTheReviewThresholdIsUnmatched() {
        // same surname initial, nothing else in common
        MatchDecision d = decide(row("r1", "Amelia Gordon", null, LINCOLN), teacher("t1", "Ana", "Garcia", null, LINCOLN));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.UNMATCHED);
        assertThat(d.note()).contains("best");
    }

    // ---------------------------------------------------------------- blocking

    @Test
    void candidatesAreOnlyAtTheSameSchool() {
        MatchDecision d = decide(row("r1", "Ana Garcia", null, "Lincoln HS"),
                teacher("t1", "Ana", "Garcia", null, ROOSEVELT));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.UNMATCHED);
    }

    @Test
    void sameNameAtAnotherSchoolDoesNotCompete() {
        MatchDecision d = decide(row("r1", "Ana Garcia", null, "Roosevelt MS"),
                teacher("t1", "Ana", "Garcia", null, LINCOLN),
                teacher("t2", "Ana", "Garcia", null, ROOSEVELT));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.AUTO_LINKED);
        assertThat(d.teacherId()).isEqualTo("t2");
    }

    @Test
    void teacherWithUnknownSchoolIsACandidateEverywhere() {
        MatchDecision d = decide(row("r1", "Ana Garcia", null, LINCOLN), teacher("t1", "Ana", "Garcia", null, null));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.AUTO_LINKED);
        assertThat(d.teacherId()).isEqualTo("t1");
        // ... and competes with the one at the school
        MatchDecision both = decide(row("r1", "Ana Garcia", null, LINCOLN),
                teacher("t1", "Ana", "Garcia", null, " "),
                teacher("t2", "Ana", "Garcia", null, LINCOLN));
        assertThat(both.outcome()).isEqualTo(MatchOutcome.REVIEW);
    }

    @Test
    void rosterRowWithoutSchoolIsNotFilteredBySchool() {
        MatchDecision d = decide(row("r1", "Ana Garcia", null, null), teacher("t1", "Ana", "Garcia", null, ROOSEVELT));
        assertThat(d.teacherId()).isEqualTo("t1");
    }

    @Test
    void candidatesShareTheSurnameInitial() {
        // a typo in the surname's first letter moves the row out of the teacher's block
        MatchDecision d = decide(row("r1", "Ana Rgarcia", null, LINCOLN), teacher("t1", "Ana", "Garcia", null, LINCOLN));
        assertThat(d.outcome()).isEqualTo(MatchOutcome.UNMATCHED);
        assertThat(TeacherMatcher.inBlock(row("r1", "Ana Rgarcia", null, LINCOLN),
                teacher("t1", "Ana", "Garcia", null, LINCOLN))).isFalse();
        assertThat(TeacherMatcher.inBlock(row("r1", "Garcia, Ann", null, "Lincoln H.S."),
                teacher("t1", "Ana", "Garcia", null, LINCOLN))).isTrue();
    }

    // ---------------------------------------------------------------- one teacher, one row

    @Test
    void twoRowsLinkedByNameToOneTeacherAreBothDemoted() {
        List<MatchDecision> out = matcher.match(List.of(
                        row("r1", "Ana Garcia", null, LINCOLN),
                        row("r2", "Tom Smith", null, LINCOLN),
                        row("r3", "Garcia, Ana", null, LINCOLN)),
                List.of(teacher("t1", "Ana", "Garcia", null, LINCOLN), teacher("t2", "Thomas", "Smith", null, LINCOLN)));
        assertThat(out).extracting(MatchDecision::rosterId).containsExactly("r1", "r2", "r3");
        assertThat(out).extracting(MatchDecision::outcome)
                .containsExactly(MatchOutcome.REVIEW, MatchOutcome.AUTO_LINKED, MatchOutcome.REVIEW);
        assertThat(out.get(0).candidates()).extracting(Candidate::teacherId).containsExactly("t1");
        assertThat(out.get(0).note()).contains("demoted").contains("r1, r3");
        assertThat(out.get(2).candidates()).extracting(Candidate::teacherId).containsExactly("t1");
    }

    @Test
    void emailLinkWinsOverANameLinkToTheSameTeacher() {
        List<MatchDecision> out = matcher.match(List.of(
                        row("r1", "Ana Garcia", "someone@else.org", LINCOLN),
                        row("r2", "Ana Smith", "ana@gmail.com", LINCOLN)),
                List.of(teacher("t1", "Ana", "Garcia", "ana@gmail.com", LINCOLN)));
        assertThat(out.get(1).outcome()).isEqualTo(MatchOutcome.AUTO_LINKED);
        assertThat(out.get(1).reason()).isEqualTo(LinkReason.EMAIL);
        assertThat(out.get(0).outcome()).isEqualTo(MatchOutcome.REVIEW);
        assertThat(out.get(0).candidates()).extracting(Candidate::teacherId).containsExactly("t1");
        assertThat(out.get(0).note()).contains("already linked by email from roster row r2");
    }

    @Test
    void twoEmailLinksToOneTeacherAreBothDemoted() {
        VmsTeacher t = new VmsTeacher("t1", "Ana", "Garcia", null, List.of("ana@gmail.com", "agarcia@kckps.org"), LINCOLN);
        List<MatchDecision> out = matcher.match(List.of(
                row("r1", "Ana Garcia", "ana@gmail.com", LINCOLN),
                row("r2", "Ana Garcia", "agarcia@kckps.org", LINCOLN)), List.of(t));
        assertThat(out).extracting(MatchDecision::outcome).containsOnly(MatchOutcome.REVIEW);
    }

    // ---------------------------------------------------------------- configuration

    @Test
    void defaults() {
        assertThat(matcher.autoLinkThreshold()).isEqualTo(0.95);
        assertThat(matcher.margin()).isEqualTo(0.03);
        assertThat(matcher.reviewThreshold()).isEqualTo(0.80);
        assertThat(new TeacherMatcher(0.05).margin()).isEqualTo(0.05);
    }

    @Test
    void rejectsInconsistentThresholds() {
        assertThatThrownBy(() -> new TeacherMatcher(0.80, 0.03, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TeacherMatcher(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyInputs() {
        assertThat(matcher.match(List.of(), List.of(teacher("t1", "Ana", "Garcia", null, LINCOLN)))).isEmpty();
        assertThat(matcher.match(List.of(row("r1", "Ana Garcia", "a@b.c", LINCOLN)), List.of()))
                .singleElement().extracting(MatchDecision::outcome).isEqualTo(MatchOutcome.UNMATCHED);
    }
}
