package org.polaris.writer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.writer.mapping.MappingCatalog.FieldInfo;
import org.polaris.writer.mapping.MappingCatalog.KindContract;
import org.polaris.writer.mapping.MappingEdits.Edit;

class MappingEditsTest {

    private static final KindContract PATHFUL = new KindContract("PATHFUL", "pathful", List.of(
            new FieldInfo("session-id", "SessionId", true),
            new FieldInfo("teacher-email", "TeacherEmail", true),
            new FieldInfo("participant-type", "ParticipantType", false)),
            Map.of());
    private static final MappingVersion V1 = new MappingVersion("PATHFUL", 1, Map.of(
            "session-id", List.of("SessionId", "Session ID", "Session No"),
            "teacher-email", List.of("TeacherEmail", "Teacher Email")), "WARN", "configuration", Instant.EPOCH, "seeded", null);

    @Test
    void anAliasIsAddedToTheFieldNamedByItsLabelOrKey() {
        Edit byLabel = MappingEdits.addAlias(PATHFUL, V1, "TeacherEmail", " EducatorEmail ");
        Edit byKey = MappingEdits.addAlias(PATHFUL, V1, "teacher-email", "EducatorEmail");

        assertThat(byLabel.refused()).isFalse();
        assertThat(byLabel.aliases().get("teacher-email")).containsExactly("TeacherEmail", "Teacher Email", "EducatorEmail");
        assertThat(byLabel.change()).isEqualTo("added alias \"EducatorEmail\" to TeacherEmail");
        assertThat(byKey.aliases()).isEqualTo(byLabel.aliases());
        assertThat(V1.aliases().get("teacher-email")).hasSize(2); // the stored version is never changed
    }

    @Test
    void anAliasAnotherFieldHasIsRefusedNamingThatField() {
        Edit e = MappingEdits.addAlias(PATHFUL, V1, "TeacherEmail", "session_no");

        assertThat(e.refusal()).isEqualTo("\"session_no\" already maps to SessionId in pathful-v1: a column can map to one "
                + "field only; remove it there first (bin/polaris mappings remove-alias pathful SessionId --alias session_no)");
    }

    @Test
    void anotherFieldsLabelIsRefused() {
        assertThat(MappingEdits.addAlias(PATHFUL, V1, "TeacherEmail", "Participant Type").refusal())
                .isEqualTo("\"Participant Type\" already maps to ParticipantType in pathful-v1: a column can map to one field only");
    }

    @Test
    void anAliasTheFieldHasAlreadyChangesNothing() {
        assertThat(MappingEdits.addAlias(PATHFUL, V1, "TeacherEmail", "teacher_email").refusal())
                .isEqualTo("\"teacher_email\" already maps to TeacherEmail in pathful-v1: nothing to change");
    }

    @Test
    void anUnknownFieldIsRefusedListingTheFields() {
        assertThat(MappingEdits.addAlias(PATHFUL, V1, "Email", "EducatorEmail").refusal())
                .isEqualTo("pathful has no field \"Email\" (its fields: SessionId, TeacherEmail, ParticipantType)");
        assertThat(MappingEdits.addAlias(PATHFUL, V1, "TeacherEmail", " - ").refusal())
                .isEqualTo("the alias must have a letter or a digit");
    }

    @Test
    void anAliasIsRemovedButALabelNever() {
        Edit removed = MappingEdits.removeAlias(PATHFUL, V1, "SessionId", "session no");
        assertThat(removed.aliases().get("session-id")).containsExactly("SessionId", "Session ID");
        assertThat(removed.change()).isEqualTo("removed alias \"Session No\" from SessionId");

        assertThat(MappingEdits.removeAlias(PATHFUL, V1, "TeacherEmail", "teacher email").refusal())
                .isEqualTo("\"teacher email\" is the label of TeacherEmail: a field's own label always matches and "
                        + "cannot be removed");
        assertThat(MappingEdits.removeAlias(PATHFUL, V1, "SessionId", "Session Nr").refusal())
                .isEqualTo("SessionId has no alias \"Session Nr\" in pathful-v1 (its aliases: SessionId, Session ID, Session No)");
    }

    @Test
    void theExtraColumnsPolicyIsWarnOrIgnore() {
        Edit ignore = MappingEdits.extraColumns(PATHFUL, V1, "ignore");
        assertThat(ignore.extraColumns()).isEqualTo("IGNORE");
        assertThat(ignore.change()).isEqualTo("extra columns: warn -> ignore");
        assertThat(ignore.aliases()).isEqualTo(V1.aliases());

        assertThat(MappingEdits.extraColumns(PATHFUL, V1, "reject").refusal())
                .isEqualTo("extra-columns is warn or ignore (missing required columns always reject the run), not \"reject\"");
        assertThat(MappingEdits.extraColumns(PATHFUL, V1, "WARN").refusal())
                .isEqualTo("the pathful mapping already has extra-columns warn: nothing to change");
    }
}
