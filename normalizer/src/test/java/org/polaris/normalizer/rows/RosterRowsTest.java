package org.polaris.normalizer.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polaris.normalizer.Fixtures.cells;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.normalizer.Fixtures;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.schemas.avro.NormalizedRosterEntry;
import org.polaris.schemas.avro.RawRow;

class RosterRowsTest {

    private static RowResult<NormalizedRosterEntry> normalize(Map<String, String> cells, String runYear) {
        RawRow row = Fixtures.row("ROSTER", runYear, 4, cells);
        HeaderResolution columns = Fixtures.defaultMapping().resolve("ROSTER", Fixtures.contract("ROSTER"), cells.keySet());
        assertThat(columns.problems()).as("test header").isEmpty();
        return RosterRows.normalize(row, columns, runYear);
    }

    private static RowResult<NormalizedRosterEntry> normalize(Map<String, String> cells) {
        return normalize(cells, null);
    }

    private static Map<String, String> goodRow() {
        return cells("Teacher Email", "  Ana.Garcia@KCKPS.org ", "Teacher Name", " Ana   Garcia ", "School",
                "Central  Middle", "Grade", "7", "Academic Year", "2024-2025", "Virtual Year", "2024/2025",
                "Target Sessions", "3", "District", "KCKPS");
    }

    private static NormalizedRosterEntry valid(Map<String, String> cells, String runYear) {
        RowResult<NormalizedRosterEntry> r = normalize(cells, runYear);
        assertThat(r.reasons()).as("reasons").isEmpty();
        return r.value();
    }

    @Test
    void validRowIsNormalized() {
        NormalizedRosterEntry e = valid(goodRow(), "2024-2025");

        assertThat(e.getRunId()).isEqualTo("run-1");
        assertThat(e.getRowNumber()).isEqualTo(4);
        assertThat(e.getEmail()).isEqualTo("ana.garcia@kckps.org");
        assertThat(e.getName()).isEqualTo("Ana Garcia");
        assertThat(e.getBuilding()).isEqualTo("Central Middle");
        assertThat(e.getGrade()).isEqualTo("7");
        assertThat(e.getAcademicYear()).isEqualTo("2024-2025");
        assertThat(e.getVirtualYear()).isEqualTo("2024-2025");
        assertThat(e.getTargetSessions()).isEqualTo(3);
        assertThat(e.getDistrict()).isEqualTo("KCKPS");
        assertThat(e.getWarnings()).isEmpty();
    }

    @Test
    void targetSessionsDefaultsToOneWhenEmpty() {
        Map<String, String> cells = goodRow();
        cells.put("Target Sessions", " ");

        assertThat(valid(cells, null).getTargetSessions()).isEqualTo(1);
    }

    @Test
    void targetSessionsDefaultsToOneWhenTheColumnIsAbsent() {
        Map<String, String> cells = goodRow();
        cells.remove("Target Sessions");

        assertThat(valid(cells, null).getTargetSessions()).isEqualTo(1);
    }

    @Test
    void targetSessionsMustBeAWholeNumber() {
        Map<String, String> cells = goodRow();
        cells.put("Target Sessions", "abc");

        RowResult<NormalizedRosterEntry> r = normalize(cells);

        assertThat(r.isValid()).isFalse();
        assertThat(r.reasons()).containsExactly("Target Sessions \"abc\" is not a whole number");
    }

    @Test
    void negativeTargetSessionsAreRejected() {
        Map<String, String> cells = goodRow();
        cells.put("Target Sessions", "-2");

        assertThat(normalize(cells).reasons()).containsExactly("Target Sessions -2 is negative");
    }

    @Test
    void gradeIsOptional() {
        Map<String, String> emptyGrade = goodRow();
        emptyGrade.put("Grade", "");
        Map<String, String> noGrade = goodRow();
        noGrade.remove("Grade");

        assertThat(valid(emptyGrade, null).getGrade()).isNull();
        assertThat(valid(noGrade, null).getGrade()).isNull();
    }

    @Test
    void districtIsOptional() {
        Map<String, String> cells = goodRow();
        cells.remove("District");

        assertThat(valid(cells, null).getDistrict()).isNull();
    }

    @Test
    void academicAndVirtualYearMustAgree() {
        Map<String, String> cells = goodRow();
        cells.put("Virtual Year", "2025-2026");

        assertThat(normalize(cells).reasons())
                .containsExactly("Academic Year 2024-2025 and Virtual Year 2025-2026 must be the same");
    }

    @Test
    void academicYearMustBeTheRunsYear() {
        assertThat(normalize(goodRow(), "2025-2026").reasons())
                .containsExactly("Academic Year 2024-2025 is not the run's academic year 2025-2026");
    }

    @Test
    void runWithoutAYearAcceptsAnyValidYear() {
        assertThat(valid(goodRow(), null).getAcademicYear()).isEqualTo("2024-2025");
    }

    @Test
    void yearThatIsNotAnAcademicYearIsRejected() {
        Map<String, String> cells = goodRow();
        cells.put("Academic Year", "24-25");

        assertThat(normalize(cells).reasons())
                .containsExactly("Academic Year \"24-25\" is not an academic year like 2024-2025");
    }

    @Test
    void everyFailingRuleIsReportedInColumnOrderWithoutTheEmail() {
        RowResult<NormalizedRosterEntry> r = normalize(cells("Teacher Email", "ana.garcia@kckps..org", "Teacher Name", "",
                "Building", "  ", "Academic Year", "", "Virtual Year", "2024-2026", "Target Sessions", "three"));

        assertThat(r.isValid()).isFalse();
        assertThat(r.reasons()).containsExactly(
                "Teacher Email is not a valid email address",
                "Teacher Name is empty",
                "School or Building is empty",
                "Academic Year is empty",
                "Virtual Year \"2024-2026\" is not an academic year like 2024-2025",
                "Target Sessions \"three\" is not a whole number");
        assertThat(r.reasons()).noneMatch(reason -> reason.contains("ana.garcia") || reason.contains("@"));
    }

    @Test
    void emptyEmailIsReported() {
        Map<String, String> cells = goodRow();
        cells.put("Teacher Email", "");

        assertThat(normalize(cells).reasons()).containsExactly("Teacher Email is empty");
    }

    @Test
    void theRunsDistrictWinsOverTheDistrictColumn() {
        var columns = org.polaris.normalizer.Fixtures.defaultMapping().resolve("ROSTER", org.polaris.normalizer.Fixtures.contract("ROSTER"),
                java.util.List.of("Teacher Email", "Teacher Name", "School", "Academic Year", "Virtual Year", "District"));
        var row = org.polaris.schemas.avro.RawRow.newBuilder(org.polaris.normalizer.Fixtures.row(
                        "ROSTER", "2024-2025", 2, org.polaris.normalizer.Fixtures.cells(
                                "Teacher Email", "a@k12.org", "Teacher Name", "Ann", "School", "North", "Academic Year",
                                "2024-2025", "Virtual Year", "2024-2025", "District", "Other")))
                .setDistrict("KCKPS").build();

        assertThat(RosterRows.normalize(row, columns, "2024-2025").value().getDistrict()).isEqualTo("KCKPS");
    }
}
