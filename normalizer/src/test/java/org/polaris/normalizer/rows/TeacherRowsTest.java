package org.polaris.normalizer.rows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.normalizer.Fixtures;
import org.polaris.schemas.avro.NormalizedTeacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polaris.normalizer.Fixtures.cells;

class TeacherRowsTest {

    private static RowResult<NormalizedTeacher> normalize(Map<String, String> cells) {
        var columns = Fixtures.defaultMapping().resolve("TEACHERS", Fixtures.contract("TEACHERS"),
                List.of("Teacher ID", "First Name", "Last Name", "Email"));
        return TeacherRows.normalize(Fixtures.row("TEACHERS", null, 2, cells), columns);
    }

    @Test
    void aTeacherIsKeyedByItsSalesforceIdElseItsEmail() {
        var withId = normalize(cells("Teacher ID", "003A01", "First Name", "Ana", "Last Name", "Garcia", "Email", " Ana@X.org"));
        var withEmail = normalize(cells("Teacher ID", "", "First Name", "Bo", "Last Name", "Li", "Email", "bo@x.org"));

        assertThat(withId.value().getTeacherKey()).isEqualTo("sf:003A01");
        assertThat(withId.value().getEmail()).isEqualTo("ana@x.org");
        assertThat(withEmail.value().getTeacherKey()).isEqualTo("email:bo@x.org");
    }

    @Test
    void namesAreRequiredAndATeacherNeedsAnIdOrAnEmail() {
        var r = normalize(cells("Teacher ID", "", "First Name", "", "Last Name", "Li", "Email", ""));

        assertThat(r.reasons()).containsExactly("First Name is empty", "a teacher needs a Teacher ID or an Email");
    }

    @Test
    void anInvalidEmailIsRefusedWithoutRepeatingIt() {
        var r = normalize(cells("Teacher ID", "003A02", "First Name", "Cy", "Last Name", "Diaz", "Email", "cy@@x"));

        assertThat(r.reasons()).containsExactly("Email is not a valid email address");
    }
}
