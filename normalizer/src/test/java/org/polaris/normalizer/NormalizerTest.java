package org.polaris.normalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polaris.normalizer.Fixtures.cells;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.schemas.Topics;
import org.polaris.normalizer.Normalizer.Output;
import org.polaris.schemas.avro.AttendanceStatus;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.NormalizedEventSession;
import org.polaris.schemas.avro.NormalizedRosterEntry;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.avro.RunEnded;
import org.polaris.schemas.avro.RunEvent;
import org.polaris.schemas.avro.RunRejected;
import org.polaris.schemas.avro.RunStarted;

class NormalizerTest {

    private static final String RUN = "run-1";
    private static final List<String> PATHFUL_HEADER = List.of("SessionId", "EventId", "TeacherEmail", "SessionStart",
            "AttendanceStatus");

    private final Normalizer normalizer = new Normalizer(Fixtures.defaultMapping(), Fixtures.CHICAGO, Fixtures.RULES);

    private static RunStarted started(String kind, String window, List<String> header) {
        return RunStarted.newBuilder().setRunId(RUN).setKind(kind).setSourceRef("upload.csv").setWindow(window)
                .setTriggeredBy("ops@polaris").setHeader(header).setStartedAt(1_700_000_000_000L).build();
    }

    private static RawRecord record(Object payload) {
        return RawRecord.newBuilder().setPayload(payload).build();
    }

    private static Map<String, String> goodPathfulCells() {
        return cells("SessionId", "S-100", "EventId", "E-200", "TeacherEmail", " Ana.Garcia@KCKPS.org ",
                "SessionStart", "2025-03-05 14:15", "AttendanceStatus", "Completed");
    }

    private static Object payloadOf(Output out) {
        return ((RunEvent) out.value()).getPayload();
    }

    @Test
    void goodStartMarkerIsForwardedWithTheMappingVersion() {
        RunStarted start = started("PATHFUL", "2024-2025", PATHFUL_HEADER);

        List<Output> out = normalizer.apply(record(start));

        assertThat(out).hasSize(1);
        assertThat(out.get(0).topic()).isEqualTo(Topics.RUN_EVENTS);
        assertThat(out.get(0).key()).isEqualTo(RUN);
        RunStarted forwarded = (RunStarted) payloadOf(out.get(0));
        assertThat(forwarded.getMappingVersion()).isEqualTo("pathful-v1");
        assertThat(forwarded).isEqualTo(RunStarted.newBuilder(start).setMappingVersion("pathful-v1").build());
    }

    @Test
    void startMarkerMissingARequiredColumnIsForwardedThenRejected() {
        RunStarted start = started("PATHFUL", "2024-2025",
                List.of("SessionId", "EventId", "EducatorEmail", "SessionStart", "AttendanceStatus"));

        List<Output> out = normalizer.apply(record(start));

        assertThat(out).extracting(Output::topic).containsExactly(Topics.RUN_EVENTS, Topics.RUN_EVENTS);
        assertThat(out).extracting(Output::key).containsExactly(RUN, RUN);
        assertThat(payloadOf(out.get(0))).isInstanceOfSatisfying(RunStarted.class,
                s -> assertThat(s.getMappingVersion()).isEqualTo("pathful-v1"));
        RunRejected rejected = (RunRejected) payloadOf(out.get(1));
        assertThat(rejected.getRunId()).isEqualTo(RUN);
        assertThat(rejected.getKind()).isEqualTo("PATHFUL");
        assertThat(rejected.getReason())
                .isEqualTo("missing required column \"TeacherEmail\" (closest header present: \"EducatorEmail\"; if it is "
                        + "that column: bin/polaris mappings set pathful TeacherEmail --alias EducatorEmail)");
        assertThat(rejected.getMissingColumns()).containsExactly("TeacherEmail");
        assertThat(rejected.getMappingVersion()).isEqualTo("pathful-v1");
        assertThat(rejected.getRejectedAt()).isPositive();
    }

    @Test
    void rowsOfARejectedRunProduceNothing() {
        List<String> header = List.of("SessionId", "EventId", "EducatorEmail", "SessionStart", "AttendanceStatus");
        normalizer.apply(record(started("PATHFUL", "2024-2025", header)));
        RawRow row = Fixtures.row("PATHFUL", "2024-2025", 2, cells("SessionId", "S-100", "EventId", "E-200",
                "EducatorEmail", "ana@kckps.org", "SessionStart", "2025-03-05 14:15", "AttendanceStatus", "Completed"));

        assertThat(normalizer.apply(record(row))).isEmpty();
    }

    @Test
    void rowsOfARejectedRunProduceNothingEvenForAFreshNormalizer() {
        // a restarted normalizer has not seen the start marker: the row's own header decides
        RawRow row = Fixtures.row("PATHFUL", "2024-2025", 2, cells("SessionId", "S-100", "EventId", "E-200",
                "EducatorEmail", "ana@kckps.org", "SessionStart", "2025-03-05 14:15", "AttendanceStatus", "Completed"));

        assertThat(normalizer.apply(record(row))).isEmpty();
    }

    @Test
    void everyRunProblemIsJoinedIntoTheReason() {
        RunStarted start = started("PATHFUL", null,
                List.of("SessionId", "EventId", "EducatorEmail", "SessionStart", "AttendanceStatus"));

        RunRejected rejected = (RunRejected) payloadOf(normalizer.apply(record(start)).get(1));

        assertThat(rejected.getReason()).isEqualTo("missing required column \"TeacherEmail\" (closest header present: "
                + "\"EducatorEmail\"; if it is that column: bin/polaris mappings set pathful TeacherEmail --alias EducatorEmail); "
                + "a Pathful run needs its academic year, like 2024-2025");
        assertThat(rejected.getMissingColumns()).containsExactly("TeacherEmail");
    }

    @Test
    void pathfulRunWithoutAcademicYearIsRejected() {
        RunStarted start = started("PATHFUL", null, PATHFUL_HEADER);

        List<Output> out = normalizer.apply(record(start));

        assertThat(out).hasSize(2);
        assertThat(payloadOf(out.get(0))).isInstanceOf(RunStarted.class);
        RunRejected rejected = (RunRejected) payloadOf(out.get(1));
        assertThat(rejected.getReason()).isEqualTo("a Pathful run needs its academic year, like 2024-2025");
        assertThat(rejected.getMissingColumns()).isEmpty();
        assertThat(rejected.getMappingVersion()).isEqualTo("pathful-v1");
    }

    @Test
    void pathfulRunWithAMalformedAcademicYearIsRejectedQuotingIt() {
        RunRejected rejected = (RunRejected) payloadOf(
                normalizer.apply(record(started("PATHFUL", "2024", PATHFUL_HEADER))).get(1));

        assertThat(rejected.getReason()).isEqualTo("a Pathful run needs its academic year, like 2024-2025 (got \"2024\")");
    }

    @Test
    void rowsOfAPathfulRunWithoutAcademicYearProduceNothing() {
        RawRow row = Fixtures.row("PATHFUL", null, 2, goodPathfulCells());

        assertThat(normalizer.apply(record(row))).isEmpty();
    }

    @Test
    void rosterRunWithAMalformedYearIsRejected() {
        RunStarted start = started("ROSTER", "24-25",
                List.of("Teacher Email", "Teacher Name", "School", "Academic Year", "Virtual Year"));

        RunRejected rejected = (RunRejected) payloadOf(normalizer.apply(record(start)).get(1));

        assertThat(rejected.getReason()).isEqualTo("the run's academic year \"24-25\" is not like 2024-2025");
    }

    @Test
    void rosterAndEventRunsNeedNoWindow() {
        List<Output> roster = normalizer.apply(record(started("ROSTER", null,
                List.of("Teacher Email", "Teacher Name", "School", "Academic Year", "Virtual Year"))));
        List<Output> events = normalizer.apply(record(started("EVENTS", null,
                List.of("Session ID", "Session Title", "Date"))));

        assertThat(roster).hasSize(1);
        assertThat(events).hasSize(1);
    }

    @Test
    void validPathfulRowIsKeyedByAcademicYearAndEmail() {
        RawRow row = Fixtures.row("PATHFUL", "2024-2025", 2, goodPathfulCells());

        List<Output> out = normalizer.apply(record(row));

        assertThat(out).hasSize(1);
        assertThat(out.get(0).topic()).isEqualTo(Topics.NORMALIZED_PATHFUL);
        assertThat(out.get(0).key()).isEqualTo("2024-2025|ana.garcia@kckps.org");
        NormalizedAttendance a = (NormalizedAttendance) out.get(0).value();
        assertThat(a.getAcademicYear()).isEqualTo("2024-2025");
        assertThat(a.getTeacherEmail()).isEqualTo("ana.garcia@kckps.org");
        assertThat(a.getStatus()).isEqualTo(AttendanceStatus.ATTENDED);
        assertThat(a.getRowNumber()).isEqualTo(2);
    }

    @Test
    void invalidRowIsDeadLetteredWithEveryReasonAndTheOriginalCells() {
        Map<String, String> cells = cells("SessionId", "", "EventId", "E-200", "TeacherEmail", "ana.garcia@kckps",
                "SessionStart", "2025-13-45 09:00", "AttendanceStatus", "maybe");
        RawRow row = Fixtures.row("PATHFUL", "2024-2025", 12, cells);

        List<Output> out = normalizer.apply(record(row));

        assertThat(out).hasSize(1);
        assertThat(out.get(0).topic()).isEqualTo(Topics.DEAD_LETTER);
        assertThat(out.get(0).key()).isEqualTo(RUN);
        DeadLetter d = (DeadLetter) out.get(0).value();
        assertThat(d.getRunId()).isEqualTo(RUN);
        assertThat(d.getKind()).isEqualTo("PATHFUL");
        assertThat(d.getStage()).isEqualTo("normalizer");
        assertThat(d.getRowNumber()).isEqualTo(12);
        assertThat(d.getSourceRef()).isEqualTo("pathful.csv");
        assertThat(d.getCells()).containsExactlyInAnyOrderEntriesOf(cells);
        assertThat(d.getReasons()).hasSize(4);
        assertThat(d.getReasons().get(0)).isEqualTo("SessionId is empty");
        assertThat(d.getReasons().get(1)).isEqualTo("TeacherEmail is not a valid email address");
        assertThat(d.getReasons().get(2)).startsWith("SessionStart \"2025-13-45 09:00\" is not a date/time");
        assertThat(d.getReasons().get(3)).startsWith("AttendanceStatus \"maybe\" is not one of:");
        assertThat(d.getFailedAt()).isPositive();
    }

    @Test
    void validRosterRowIsKeyedByAcademicYearAndEmail() {
        RawRow row = Fixtures.row("ROSTER", "2024-2025", 3, cells("Teacher Email", "Ana.Garcia@KCKPS.org",
                "Teacher Name", "Ana Garcia", "Building", "Central", "Academic Year", "2024-2025", "Virtual Year",
                "2024-2025"));

        List<Output> out = normalizer.apply(record(row));

        assertThat(out).extracting(Output::topic).containsExactly(Topics.NORMALIZED_ROSTER);
        assertThat(out.get(0).key()).isEqualTo("2024-2025|ana.garcia@kckps.org");
        assertThat(((NormalizedRosterEntry) out.get(0).value()).getTargetSessions()).isEqualTo(1);
    }

    @Test
    void invalidRosterRowIsDeadLettered() {
        RawRow row = Fixtures.row("ROSTER", "2025-2026", 3, cells("Teacher Email", "ana.garcia@kckps.org",
                "Teacher Name", "Ana Garcia", "Building", "Central", "Academic Year", "2024-2025", "Virtual Year",
                "2024-2025"));

        DeadLetter d = (DeadLetter) normalizer.apply(record(row)).get(0).value();

        assertThat(d.getKind()).isEqualTo("ROSTER");
        assertThat(d.getReasons()).containsExactly("Academic Year 2024-2025 is not the run's academic year 2025-2026");
    }

    @Test
    void validEventRowIsKeyedBySessionId() {
        RawRow row = Fixtures.row("EVENTS", null, 5, cells("Session ID", "S-100", "Session Title", "Careers",
                "Date", "2025-03-05"));

        List<Output> out = normalizer.apply(record(row));

        assertThat(out).extracting(Output::topic).containsExactly(Topics.NORMALIZED_EVENTS);
        assertThat(out.get(0).key()).isEqualTo("S-100");
        assertThat(((NormalizedEventSession) out.get(0).value()).getWarnings())
                .containsExactly("Time is empty: 9:00 AM assumed");
    }

    @Test
    void endMarkerIsForwardedToRunEvents() {
        RunEnded end = RunEnded.newBuilder().setRunId(RUN).setKind("PATHFUL").setRowCount(3)
                .setRawTopic("polaris.raw.pathful").setRawPartition(0).setFirstOffset(10L).setLastOffset(12L)
                .setEndedAt(1_700_000_001_000L).build();

        List<Output> out = normalizer.apply(record(end));

        assertThat(out).hasSize(1);
        assertThat(out.get(0).topic()).isEqualTo(Topics.RUN_EVENTS);
        assertThat(out.get(0).key()).isEqualTo(RUN);
        assertThat(payloadOf(out.get(0))).isEqualTo(end);
    }

    @Test
    void headerOrderOfTheRowsDoesNotMatter() {
        normalizer.apply(record(started("PATHFUL", "2024-2025", PATHFUL_HEADER)));
        Map<String, String> reordered = cells("AttendanceStatus", "Completed", "TeacherEmail", "ana@kckps.org",
                "SessionStart", "2025-03-05 14:15", "EventId", "E-200", "SessionId", "S-100");

        List<Output> out = normalizer.apply(record(Fixtures.row("PATHFUL", "2024-2025", 2, reordered)));

        assertThat(out).extracting(Output::topic).containsExactly(Topics.NORMALIZED_PATHFUL);
    }

    @Test
    void theRunsAcademicYearIsUsedInItsCanonicalForm() {
        RawRow row = Fixtures.row("PATHFUL", "2024/2025", 2, goodPathfulCells());

        List<Output> out = normalizer.apply(record(row));

        assertThat(out.get(0).topic()).isEqualTo(Topics.NORMALIZED_PATHFUL);
        assertThat(out.get(0).key()).isEqualTo("2024-2025|ana.garcia@kckps.org");
        assertThat(((NormalizedAttendance) out.get(0).value()).getAcademicYear()).isEqualTo("2024-2025");
    }

    @Test
    void aRunOfAKindThisBuildDoesNotKnowIsRejectedAndItsRowsDeadLettered() {
        List<Output> start = normalizer.apply(record(started("UNKNOWN", null, List.of("A", "B"))));
        assertThat(start).extracting(Output::topic).containsExactly(Topics.RUN_EVENTS, Topics.RUN_EVENTS);
        RunRejected rejected = (RunRejected) ((RunEvent) start.get(1).value()).getPayload();
        assertThat(rejected.getReason()).isEqualTo("unknown run kind UNKNOWN");

        List<Output> row = normalizer.apply(record(Fixtures.row("UNKNOWN", null, 2, cells("A", "1"))));
        assertThat(row).extracting(Output::topic).containsExactly(Topics.DEAD_LETTER);
        assertThat(((DeadLetter) row.get(0).value()).getReasons()).containsExactly("unknown run kind UNKNOWN");
    }

    @Test
    void aRowIngestCouldNotCarryIsInvalidWithIngestsReason() {
        Map<String, String> columnsOnly = new java.util.LinkedHashMap<>();
        goodPathfulCells().keySet().forEach(k -> columnsOnly.put(k, ""));
        RawRow row = RawRow.newBuilder().setRunId(RUN).setKind("PATHFUL").setRowNumber(5).setSourceRef("upload.csv")
                .setWindow("2024-2025").setCells(columnsOnly)
                .setIngestProblem("the row is 5,242,913 bytes, more than the 1,000,000 bytes a row may be").build();

        List<Output> out = normalizer.apply(record(row));

        assertThat(out).extracting(Output::topic).containsExactly(Topics.DEAD_LETTER);
        assertThat(((DeadLetter) out.get(0).value()).getReasons()).containsExactly(
                "the row is 5,242,913 bytes, more than the 1,000,000 bytes a row may be");
    }

    @Test
    void whatIngestNoticedOfARowIsAmongItsWarnings() {
        RawRow row = RawRow.newBuilder().setRunId(RUN).setKind("PATHFUL").setRowNumber(6).setSourceRef("upload.csv")
                .setWindow("2024-2025").setCells(goodPathfulCells())
                .setIngestWarnings(List.of("the row has 1 non-empty cell beyond the header's 5 columns")).build();

        List<Output> out = normalizer.apply(record(row));

        assertThat(((NormalizedAttendance) out.get(0).value()).getWarnings())
                .contains("the row has 1 non-empty cell beyond the header's 5 columns");
    }
}
