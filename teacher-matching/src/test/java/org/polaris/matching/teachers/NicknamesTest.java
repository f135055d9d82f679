package org.polaris.matching.teachers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NicknamesTest {

    @Test
    void mapsNicknamesToTheCanonicalName() {
        assertThat(Nicknames.canonical("bob")).containsExactly("robert");
        assertThat(Nicknames.canonical("rob")).containsExactly("robert");
        assertThat(Nicknames.canonical("bill")).containsExactly("william");
        assertThat(Nicknames.canonical("will")).containsExactly("william");
        assertThat(Nicknames.canonical("liz")).containsExactly("elizabeth");
        assertThat(Nicknames.canonical("beth")).containsExactly("elizabeth");
        assertThat(Nicknames.canonical("jimmy")).containsExactly("james");
        assertThat(Nicknames.canonical("mike")).containsExactly("michael");
        assertThat(Nicknames.canonical("tony")).containsExactly("anthony");
        assertThat(Nicknames.canonical("becky")).containsExactly("rebecca");
        assertThat(Nicknames.canonical("abby")).containsExactly("abigail");
        assertThat(Nicknames.canonical("meg")).containsExactly("margaret");
        assertThat(Nicknames.canonical("maggie")).containsExactly("margaret");
        assertThat(Nicknames.canonical("sue")).containsExactly("susan");
    }

    @Test
    void canonicalNamesMapToThemselvesAndUnknownNamesStayAsTheyAre() {
        assertThat(Nicknames.canonical("robert")).containsExactly("robert");
        assertThat(Nicknames.canonical("ximena")).containsExactly("ximena");
        assertThat(Nicknames.canonical("")).isEmpty();
        assertThat(Nicknames.canonical(null)).isEmpty();
    }

    @Test
    void ambiguousNicknamesMapToEveryCanonicalName() {
        assertThat(Nicknames.canonical("chris")).contains("christopher", "christine");
        assertThat(Nicknames.canonical("sam")).containsExactlyInAnyOrder("samuel", "samantha");
        assertThat(Nicknames.canonical("alex")).contains("alexander", "alexandra");
        assertThat(Nicknames.canonical("pat")).containsExactlyInAnyOrder("patrick", "patricia");
        assertThat(Nicknames.canonical("kathy")).contains("katherine", "kathleen");
    }

    @Test
    void sameName() {
        assertThat(Nicknames.sameName("bob", "rob")).isTrue();
        assertThat(Nicknames.sameName("kate", "katherine")).isTrue();
        assertThat(Nicknames.sameName("katie", "kathy")).isTrue();
        assertThat(Nicknames.sameName("steve", "stephen")).isTrue();
        assertThat(Nicknames.sameName("jen", "jennifer")).isTrue();
        assertThat(Nicknames.sameName("chris", "christine")).isTrue();
        assertThat(Nicknames.sameName("christopher", "christine")).isFalse();
        assertThat(Nicknames.sameName("samuel", "samantha")).isFalse();
        assertThat(Nicknames.sameName("maria", "mario")).isFalse();
    }
}
