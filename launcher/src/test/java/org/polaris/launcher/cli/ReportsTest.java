package org.polaris.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.polaris.writer.api.ImportRun;
import org.polaris.writer.api.RunView;

class ReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A completed Pathful run, as GET /api/runs/{id} returns it. */
    private static final String PATHFUL_RUN = """
            {"runId": "6f1c2d3e-0000-4000-8000-000000000001", "kind": "PATHFUL", "status": "COMPLETED",
             "sourceRef": "pathful-nov.csv", "window": "2026-27", "triggeredBy": "cli:ann", "mode": "COMMIT",
             "mappingVersion": "pathful-v1", "replayOf": null, "expectedRows": 13, "processed": 13,
             "created": 3, "updated": 2, "skipped": 2, "unmatchedTeacher": 2, "unmatchedEvent": 1, "invalid": 3,
             "warnings": 1, "message": null, "startedAt": "2026-11-28T10:46:59.123Z",
             "completedAt": "2026-11-28T10:47:01.004Z", "countsAddUp": true}
            """;

    private static final String ROSTER_RUN = """
            {"runId": "6f1c2d3e-0000-4000-8000-000000000002", "kind": "ROSTER", "status": "COMPLETED",
             "sourceRef": "roster.csv", "window": "2026-27", "triggeredBy": "cli:ann", "mappingVersion": "roster-v1",
             "expectedRows": 10, "processed": 10, "created": 5, "updated": 2, "skipped": 1, "unmatchedTeacher": 0,
             "unmatchedEvent": 0, "invalid": 2, "warnings": 0, "deactivated": 3, "message": null,
             "startedAt": "2026-11-28T09:00:00Z", "countsAddUp": true}
            """;

    private static final String EVENTS_RUN = """
            {"runId": "6f1c2d3e-0000-4000-8000-000000000003", "kind": "EVENTS", "status": "COMPLETED",
             "sourceRef": "events.csv", "window": null, "triggeredBy": "cli:ann", "mappingVersion": "events-v1",
             "expectedRows": 6, "processed": 6, "created": 4, "updated": 1, "skipped": 0, "unmatchedTeacher": 0,
             "unmatchedEvent": 0, "invalid": 1, "warnings": 2, "message": null,
             "startedAt": "2026-11-28T08:00:00Z", "countsAddUp": true}
            """;

    private static final String REJECTED_RUN = """
            {"runId": "6f1c2d3e-0000-4000-8000-000000000004", "kind": "PATHFUL", "status": "REJECTED",
             "sourceRef": "bad.csv", "window": "2026-27", "triggeredBy": "cli:bob", "mappingVersion": null,
             "expectedRows": null, "processed": 0, "created": 0, "updated": 0, "skipped": 0, "unmatchedTeacher": 0,
             "unmatchedEvent": 0, "invalid": 0, "warnings": 0, "message": "missing column: Session Id",
             "startedAt": "2026-11-28T11:00:00+01:00", "countsAddUp": true}
            """;

    private static final String RUNNING_RUN = """
            {"runId": "6f1c2d3e-0000-4000-8000-000000000005", "kind": "PATHFUL", "status": "RUNNING",
             "sourceRef": "big.csv", "window": "2026-27", "triggeredBy": "cli:ann", "mappingVersion": "pathful-v1",
             "expectedRows": 100, "processed": 40, "created": 40, "updated": 0, "skipped": 0, "unmatchedTeacher": 0,
             "unmatchedEvent": 0, "invalid": 0, "warnings": 0, "message": null,
             "startedAt": "2026-11-28T12:00:00Z", "countsAddUp": true}
            """;

    private static final String PROBLEM_ROWS = """
            [{"row": 9, "outcome": "UNMATCHED_TEACHER", "reasons": ["no roster entry for t9@school.org in 2026-27"],
              "warnings": []},
             {"row": 11, "outcome": "UNMATCHED_EVENT", "reasons": ["no event with Pathful session id S-77"],
              "warnings": []},
             {"row": 12, "outcome": "INVALID", "reasons": ["Date: not a date", "Email: not an email address"],
              "warnings": []}]
            """;

    private static final String WARNING_ROWS = """
            [{"row": 5, "outcome": "CREATED", "reasons": [], "warnings": ["Status: 'attended ' read as ATTENDED"]}]
            """;

    /**
     * A run as GET /api/runs/{id} serves it: the fixture's ledger fields go through the API's own
     * projection ({@link RunView#of}), which adds what the run's kind says (its label, its Expected
     * Output block, the counts --json reports, its own counters).
     */
    private static Map<String, Object> map(String json) {
        try {
            Map<String, Object> f = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
            ImportRun r = new ImportRun();
            r.id = UUID.fromString(f.get("runId").toString());
            r.kind = (String) f.get("kind");
            r.status = (String) f.get("status");
            r.sourceRef = (String) f.get("sourceRef");
            r.window = (String) f.get("window");
            r.district = (String) f.get("district");
            r.triggeredBy = (String) f.get("triggeredBy");
            r.mode = (String) f.get("mode");
            r.mappingVersion = (String) f.get("mappingVersion");
            r.expectedRows = (Integer) f.get("expectedRows");
            r.processed = (Integer) f.get("processed");
            r.created = (Integer) f.get("created");
            r.updated = (Integer) f.get("updated");
            r.skipped = (Integer) f.get("skipped");
            r.unmatchedTeacher = (Integer) f.get("unmatchedTeacher");
            r.unmatchedEvent = (Integer) f.get("unmatchedEvent");
            r.invalid = (Integer) f.get("invalid");
            r.warnings = (Integer) f.get("warnings");
            r.message = (String) f.get("message");
            r.startedAt = f.get("startedAt") == null ? null : OffsetDateTime.parse(f.get("startedAt").toString());
            r.completedAt = f.get("completedAt") == null ? null : OffsetDateTime.parse(f.get("completedAt").toString());
            Map<String, Object> counters = new LinkedHashMap<>();
            for (String counter : List.of("deactivated", "registrations")) {
                if (f.get(counter) != null) {
                    counters.put(counter, f.get(counter));
                }
            }
            r.counters = JSON.writeValueAsString(counters);
            return API.convertValue(RunView.of(r), new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Serializes as the API does (ISO dates). */
    private static final ObjectMapper API = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static List<Map<String, Object>> list(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Object> with(String json, String key, Object value) {
        return with(map(json), key, value);
    }

    private static Map<String, Object> with(Map<String, Object> run, String key, Object value) {
        Map<String, Object> m = new HashMap<>(run);
        m.put(key, value);
        return m;
    }

    // --- summary ------------------------------------------------------------------------------

    @Test
    void pathfulSummaryPrintsTheSevenCountsInOrder() {
        assertThat(Reports.summary(map(PATHFUL_RUN))).isEqualTo("""
                Rows processed: 13
                Rows created: 3
                Rows updated: 2
                Rows skipped (duplicates): 2
                Rows unmatched (teacher): 2
                Rows unmatched (event): 1
                Rows invalid: 3
                """);
    }

    @Test
    void pathfulSummaryHasExactlySevenLines() {
        assertThat(Reports.summary(map(PATHFUL_RUN)).lines().toList()).hasSize(7);
    }

    @Test
    void rosterSummaryCountsImportedTeachersAsCreatedPlusUpdatedPlusSkipped() {
        assertThat(Reports.summary(map(ROSTER_RUN))).isEqualTo("""
                Teachers imported: 8
                Teachers created: 5
                Teachers updated: 2
                Rows skipped: 1
                Teachers deactivated: 3
                Rows invalid: 2
                """);
    }

    @Test
    void eventsSummaryPrintsEventCountsErrorsAndWarnings() {
        assertThat(Reports.summary(map(EVENTS_RUN))).isEqualTo("""
                Events processed: 6
                Events created: 4
                Events updated: 1
                Rows skipped: 0
                Errors: 1
                Warnings: 2
                """);
    }

    // --- json ---------------------------------------------------------------------------------

    @Test
    void pathfulJsonHasTheRunIdAndTheSevenCountsInOrder() {
        Map<String, Object> out = Reports.json(map(PATHFUL_RUN));

        assertThat(out.keySet()).containsExactly("runId", "processed", "created", "updated", "skipped",
                "unmatchedTeacher", "unmatchedEvent", "invalid");
        assertThat(out).containsEntry("runId", "6f1c2d3e-0000-4000-8000-000000000001")
                .containsEntry("processed", 13).containsEntry("created", 3).containsEntry("updated", 2)
                .containsEntry("skipped", 2).containsEntry("unmatchedTeacher", 2).containsEntry("unmatchedEvent", 1)
                .containsEntry("invalid", 3);
    }

    @Test
    void pathfulJsonSerializesWithKeysInOrder() throws Exception {
        String text = JSON.writeValueAsString(Reports.json(map(PATHFUL_RUN)));

        assertThat(text).isEqualTo("{\"runId\":\"6f1c2d3e-0000-4000-8000-000000000001\",\"processed\":13,"
                + "\"created\":3,\"updated\":2,\"skipped\":2,\"unmatchedTeacher\":2,\"unmatchedEvent\":1,\"invalid\":3}");
    }

    @Test
    void rejectedRunJsonAddsStatusAndMessage() {
        Map<String, Object> out = Reports.json(map(REJECTED_RUN));

        assertThat(out.keySet()).containsExactly("runId", "processed", "created", "updated", "skipped",
                "unmatchedTeacher", "unmatchedEvent", "invalid", "status", "message");
        assertThat(out).containsEntry("status", "REJECTED").containsEntry("message", "missing column: Session Id");
    }

    @Test
    void rosterJsonHasTheRosterCounts() {
        Map<String, Object> out = Reports.json(map(ROSTER_RUN));

        assertThat(out.keySet()).containsExactly("runId", "processed", "created", "updated", "skipped", "deactivated",
                "invalid", "warnings");
        assertThat(out).containsEntry("created", 5).containsEntry("invalid", 2).containsEntry("deactivated", 3);
    }

    // --- importLog ----------------------------------------------------------------------------

    @Test
    void importLogHasTheHeaderBlockWithTheRunTimeInUtc() {
        String log = Reports.importLog(map(PATHFUL_RUN), list(PROBLEM_ROWS), list(WARNING_ROWS));

        assertThat(log).startsWith("""
                Import type: Pathful
                Run id: 6f1c2d3e-0000-4000-8000-000000000001
                Run date/time: 2026-11-28 10:46:59 UTC
                Run by: cli:ann
                File name: pathful-nov.csv
                Window: 2026-27
                Status: completed
                Mapping version: pathful-v1
                """);
    }

    @Test
    void importLogHasTheResultsBlockWithAnOkCheck() {
        String log = Reports.importLog(map(PATHFUL_RUN), list(PROBLEM_ROWS), list(WARNING_ROWS));

        assertThat(log).contains("""
                Results:
                  Processed: 13
                  Created: 3
                  Updated: 2
                  Skipped: 2
                  Unmatched: 3 (teacher: 2, event: 1)
                  Invalid: 3
                  Warnings: 1
                  Check: created + updated + skipped + unmatched + invalid = 13 = processed (ok)
                """);
        assertThat(log).doesNotContain("MISMATCH");
    }

    @Test
    void importLogCheckSaysMismatchWhenCountsDoNotAddUp() {
        Map<String, Object> run = with(PATHFUL_RUN, "countsAddUp", false);

        String log = Reports.importLog(run, list(PROBLEM_ROWS), List.of());

        assertThat(log).contains("  Check: created + updated + skipped + unmatched + invalid = 13 != processed (MISMATCH)\n")
                .doesNotContain("= processed (ok)");
    }

    @Test
    void importLogListsTheProblemRowsAndWarnings() {
        String log = Reports.importLog(map(PATHFUL_RUN), list(PROBLEM_ROWS), list(WARNING_ROWS));

        assertThat(log).contains("""
                Decisions/notes:
                  row 9: unmatched teacher: no roster entry for t9@school.org in 2026-27
                  row 11: unmatched event: no event with Pathful session id S-77
                  row 12: invalid: Date: not a date; Email: not an email address
                  row 5: warning: Status: 'attended ' read as ATTENDED
                """);
    }

    @Test
    void importLogListsARowMapWithItsReasons() {
        Map<String, Object> row = Map.of("row", 9, "outcome", "UNMATCHED_TEACHER",
                "reasons", List.of("no roster entry for t9@school.org", "email looked up in 2026-27"));

        String log = Reports.importLog(map(PATHFUL_RUN), List.of(row), List.of());

        assertThat(log).contains("  row 9: unmatched teacher: no roster entry for t9@school.org; email looked up in 2026-27\n");
    }

    @Test
    void importLogHasAFollowUpPerKindOfProblem() {
        String log = Reports.importLog(map(PATHFUL_RUN), list(PROBLEM_ROWS), List.of());

        assertThat(log).endsWith("""
                Follow-ups:
                  - unmatched teachers: import or update the roster of 2026-27 (Playbook B): a REMATCH run then completes the rows whose event exists too (bin/polaris unmatched lists what is still pending)
                  - unmatched events: create the events with these Pathful session ids (an events import): a REMATCH run then completes the rows whose teacher is on the roster
                  - invalid rows: fix them in the source file and re-import
                """);
    }

    @Test
    void importLogOfACleanRunSaysNoneForNotesAndFollowUps() {
        Map<String, Object> run = new HashMap<>(map(PATHFUL_RUN));
        run.put("processed", 7);
        run.put("unmatchedTeacher", 0);
        run.put("unmatchedEvent", 0);
        run.put("invalid", 0);
        run.put("warnings", 0);

        String log = Reports.importLog(run, List.of(), List.of());

        assertThat(log).contains("Decisions/notes:\n  none: every row was created, updated or skipped\n");
        assertThat(log).endsWith("Follow-ups:\n  none\n");
        assertThat(log).contains("  Check: created + updated + skipped + unmatched + invalid = 7 = processed (ok)\n");
    }

    @Test
    void importLogOfARejectedRunShowsStatusWithMessageAndDashesForMissingValues() {
        Map<String, Object> run = with(REJECTED_RUN, "window", null);

        String log = Reports.importLog(run, List.of(), List.of());

        assertThat(log).contains("Status: rejected (missing column: Session Id)\n")
                .contains("Mapping version: -\n")
                .contains("Window: -\n")
                // 11:00 at +01:00 is 10:00 UTC
                .contains("Run date/time: 2026-11-28 10:00:00 UTC\n");
    }

    @Test
    void importLogOfARejectedRunSaysToReplayItOnceFixed() {
        Map<String, Object> run = with(REJECTED_RUN, "replayedBy", List.of("6f1c2d3e-0000-4000-8000-000000000009"));

        String log = Reports.importLog(run, List.of(), List.of());

        assertThat(log).contains("Replayed by: 6f1c2d3e-0000-4000-8000-000000000009\n")
                .contains("Follow-ups:\n  - rejected: fix what the status says (a missing column: the mappings command it "
                        + "names), then replay the run from its raw rows: bin/polaris replay "
                        + "6f1c2d3e-0000-4000-8000-000000000004\n")
                .doesNotContain("  none\n");
    }

    @Test
    void importLogOfAReplayNamesTheRunItReplaysAndTheRunsWarnings() {
        Map<String, Object> run = with(with(PATHFUL_RUN, "replayOf", "6f1c2d3e-0000-4000-8000-000000000004"),
                "runWarnings", List.of("column \"Room\" is not in the pathful mapping (pathful-v2) and was not read"));

        String log = Reports.importLog(run, List.of(), List.of());

        assertThat(log).contains("Mapping version: pathful-v1\nReplay of: 6f1c2d3e-0000-4000-8000-000000000004\n")
                .contains("Decisions/notes:\n  run: warning: column \"Room\" is not in the pathful mapping (pathful-v2) "
                        + "and was not read\n")
                .doesNotContain("none: every row");
    }

    @Test
    void theDiffOfAValidateOnlyRunListsCreatesUpdatesOldToNewAndDeactivations() throws Exception {
        Map<String, Object> run = with(PATHFUL_RUN, "mode", "VALIDATE");
        List<Map<String, Object>> changes = JSON.readValue("""
                [{"row": 2, "action": "UPDATE", "entity": "event_teacher", "key": "7|ana@kckps.org",
                  "fields": {"status": {"old": "registered", "new": "attended"}}},
                 {"row": 3, "action": "CREATE", "entity": "event_teacher", "key": "7|ben@kckps.org",
                  "fields": {"status": {"old": null, "new": "registered"}, "participant_type": {"old": null, "new": null}}},
                 {"row": null, "action": "DEACTIVATE", "entity": "teacher_progress", "key": "2026-2027|cy@kckps.org",
                  "fields": {"active": {"old": "true", "new": "false"}}}]
                """, new com.fasterxml.jackson.core.type.TypeReference<>() { });

        assertThat(Reports.diff(run, changes)).isEqualTo("""
                Run 6f1c2d3e-0000-4000-8000-000000000001 (validate only): what it would change
                Would create: 1
                  row 3: event_teacher 7|ben@kckps.org
                      status: registered
                      participant_type: (empty)
                Would update: 1
                  row 2: event_teacher 7|ana@kckps.org
                      status: registered -> attended
                Would deactivate: 1
                  teacher_progress 2026-2027|cy@kckps.org
                      active: true -> false
                """);
    }

    @Test
    void aFieldThatDoesNotChangeIsShownAsItsValue() throws Exception {
        List<Map<String, Object>> changes = JSON.readValue("""
                [{"row": null, "action": "DEACTIVATE", "entity": "teacher_progress", "key": "2026-2027|cy@kckps.org",
                  "fields": {"active": {"old": "true", "new": "false"}, "name": {"old": "Cy Lee", "new": "Cy Lee"}}}]
                """, new com.fasterxml.jackson.core.type.TypeReference<>() { });

        assertThat(Reports.diff(with(PATHFUL_RUN, "mode", "VALIDATE"), changes))
                .contains("      active: true -> false\n      name: Cy Lee\n");
    }

    @Test
    void theDiffOfARunThatWroteSaysWhereItsChangesAre() {
        assertThat(Reports.diff(map(PATHFUL_RUN), List.of())).startsWith("Run 6f1c2d3e-0000-4000-8000-000000000001: it "
                + "was not validate-only, so what it changed is in its import log (bin/polaris run "
                + "6f1c2d3e-0000-4000-8000-000000000001)\nWould create: 0\n");
    }

    @Test
    void importLogOfARunningRunShowsProgressAgainstExpectedRows() {
        String log = Reports.importLog(map(RUNNING_RUN), List.of(), List.of());

        assertThat(log).contains("  Processed: 40/100\n").contains("Status: running\n");
    }

    @Test
    void importLogLabelsTheOtherKinds() {
        assertThat(Reports.importLog(map(ROSTER_RUN), List.of(), List.of())).startsWith("Import type: Teacher Roster Import\n");
        assertThat(Reports.importLog(map(EVENTS_RUN), List.of(), List.of())).startsWith("Import type: Events\n");
    }

    @Test
    void importLogWithoutStartTimeShowsADash() {
        Map<String, Object> run = with(PATHFUL_RUN, "startedAt", null);

        assertThat(Reports.importLog(run, List.of(), List.of())).contains("Run date/time: - UTC\n");
    }

    // --- runsTable ----------------------------------------------------------------------------

    @Test
    void runsTableHasAHeaderAndOneLinePerRun() {
        String table = Reports.runsTable(List.of(map(PATHFUL_RUN), map(ROSTER_RUN), map(REJECTED_RUN)));

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).split("\\s{2,}")).containsExactly("RUN ID", "KIND", "STATUS", "STARTED (UTC)",
                "SOURCE", "WINDOW", "PROCESSED", "CREATED", "UPDATED", "SKIPPED", "UNM.TEACHER", "UNM.EVENT",
                "INVALID", "CHECK");
        assertThat(lines.get(1)).startsWith("6f1c2d3e-0000-4000-8000-000000000001").contains("PATHFUL")
                .contains("2026-11-28 10:46:59").contains("pathful-nov.csv").endsWith("ok");
        assertThat(lines.get(2)).startsWith("6f1c2d3e-0000-4000-8000-000000000002").contains("ROSTER").endsWith("ok");
        assertThat(lines.get(3)).startsWith("6f1c2d3e-0000-4000-8000-000000000004").contains("REJECTED")
                .contains("2026-11-28 10:00:00").endsWith("ok");
    }

    @Test
    void runsTableRowCellsLineUpUnderTheirHeaders() {
        String table = Reports.runsTable(List.of(map(PATHFUL_RUN)));

        List<String> lines = table.lines().toList();
        String header = lines.get(0);
        String row = lines.get(1);
        assertThat(row.indexOf("PATHFUL")).isEqualTo(header.indexOf("KIND"));
        assertThat(row.indexOf("COMPLETED")).isEqualTo(header.indexOf("STATUS"));
        assertThat(row.indexOf("2026-11-28 10:46:59")).isEqualTo(header.indexOf("STARTED (UTC)"));
        assertThat(row.lastIndexOf("ok")).isEqualTo(header.indexOf("CHECK"));
        assertThat(row.split("\\s{2,}")).containsExactly("6f1c2d3e-0000-4000-8000-000000000001", "PATHFUL",
                "COMPLETED", "2026-11-28 10:46:59", "pathful-nov.csv", "2026-27", "13", "3", "2", "2", "2", "1", "3",
                "ok");
    }

    @Test
    void runsTableSaysMismatchWhenCountsDoNotAddUp() {
        String table = Reports.runsTable(List.of(with(PATHFUL_RUN, "countsAddUp", false)));

        assertThat(table.lines().toList().get(1)).endsWith("MISMATCH");
    }

    @Test
    void runsTableShowsProgressOfARunningRun() {
        String table = Reports.runsTable(List.of(map(RUNNING_RUN)));

        assertThat(table.lines().toList().get(1).split("\\s{2,}")).contains("40/100", "RUNNING");
    }

    @Test
    void runsTableOfNoRunsIsTheHeaderOnly() {
        String table = Reports.runsTable(List.of());

        assertThat(table.lines().toList()).hasSize(1);
        assertThat(table).startsWith("RUN ID").endsWith("CHECK\n");
    }

    // --- progressTable ------------------------------------------------------------------------

    @Test
    void progressTableHasColumnsEmailNameTargetAttendedStatus() {
        List<Map<String, Object>> teachers = list("""
                [{"email": "ann@school.org", "name": "Ann Lee", "building": "North", "targetSessions": 1,
                  "attended": 1, "status": "Achieved"},
                 {"email": "bob.longname@school.org", "name": "Bob", "building": "South", "targetSessions": 3,
                  "attended": 0, "status": "Not Started"}]
                """);

        List<String> lines = Reports.progressTable(teachers).lines().toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).split("\\s{2,}")).containsExactly("EMAIL", "NAME", "TARGET", "ATTENDED", "STATUS");
        assertThat(lines.get(1).split("\\s{2,}")).containsExactly("ann@school.org", "Ann Lee", "1", "1", "Achieved");
        assertThat(lines.get(2).split("\\s{2,}"))
                .containsExactly("bob.longname@school.org", "Bob", "3", "0", "Not Started");
        assertThat(lines.get(1).indexOf("Ann Lee")).isEqualTo(lines.get(0).indexOf("NAME"));
        assertThat(lines.get(2).indexOf("Not Started")).isEqualTo(lines.get(0).indexOf("STATUS"));
    }

    @Test
    void progressTableOfNoTeachersIsTheHeaderOnly() {
        assertThat(Reports.progressTable(List.of())).isEqualTo("EMAIL  NAME  TARGET  ATTENDED  STATUS\n");
    }

    // --- helpers ------------------------------------------------------------------------------

    @Test
    void kindLabelNamesTheKnownKindsAndPassesOthersThrough() {
        assertThat(kindLabel("PATHFUL")).isEqualTo("Pathful");
        assertThat(kindLabel("ROSTER")).isEqualTo("Teacher Roster Import");
        assertThat(kindLabel("VIRTUAL_SESSIONS")).isEqualTo("Virtual Session");
        assertThat(kindLabel("EVENTS")).isEqualTo("Events");
        assertThat(kindLabel("UNKNOWN")).isEqualTo("UNKNOWN");
    }

    @Test
    void numReadsNumbersAndTreatsMissingOrNonNumbersAsZero() {
        Map<String, Object> run = new HashMap<>();
        run.put("processed", 13);
        run.put("big", 5L);
        run.put("text", "7");
        run.put("none", null);

        assertThat(Reports.num(run, "processed")).isEqualTo(13);
        assertThat(Reports.num(run, "big")).isEqualTo(5);
        assertThat(Reports.num(run, "text")).isZero();
        assertThat(Reports.num(run, "none")).isZero();
        assertThat(Reports.num(run, "absent")).isZero();
    }

    /** The label the API serves for a run of this kind, as the import log prints it. */
    private static String kindLabel(String kind) {
        return Reports.importLog(map(PATHFUL_RUN.replace("\"kind\": \"PATHFUL\"", "\"kind\": \"" + kind + "\"")),
                List.of(), List.of()).lines().findFirst().orElseThrow().replace("Import type: ", "");
    }
}
