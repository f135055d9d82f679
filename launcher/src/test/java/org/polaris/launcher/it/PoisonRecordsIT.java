package org.polaris.launcher.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polaris.schemas.Topics;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.polaris.schemas.avro.AttendanceStatus;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.avro.RowOutcome;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.avro.RunEnded;
import org.polaris.schemas.avro.RunStarted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every record ends, on a real broker: on each worker's input topic, bytes that are not a record,
 * a record of another schema and a record whose store write fails each end as exactly one invalid
 * outcome of their run, with the reason; the run completes and the worker goes on. A row of a run
 * that never started is never written; bytes no run can claim go to the dead-letter topic with
 * where they were read; a run missing rows is marked STALLED with which, and completes when they come.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
class PoisonRecordsIT {

    private static final List<String> EVENT_HEADER = List.of("Session ID", "Session Title", "Date");

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
    }

    @Test
    void poisonOnTheNormalizersInputEndsAsInvalidRowsOfItsRun() throws SQLException {
        String run = UUID.randomUUID().toString();
        String raw = Topics.RAW_EVENTS.name();
        raw(raw, run, started(run, "EVENTS", null, EVENT_HEADER));
        raw(raw, run, row(run, "EVENTS", null, 2, Map.of("Session ID", "PX-100", "Session Title", "Poison test",
                "Date", "2025-03-01")));
        Kafka.send(raw, run, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, new RecordHeaders());
        Kafka.send(raw, run, outcome(run), new RecordHeaders());
        raw(raw, run, ended(run, "EVENTS", raw, 3, List.of()));

        Map<String, Object> done = Runs.awaitFinal(run);

        assertThat(done.get("status")).isEqualTo("COMPLETED");
        assertThat(Runs.counts(done)).containsExactly(3, 1, 0, 0, 0, 0, 2);
        List<Map<String, Object>> invalid = Runs.rows(run, "INVALID");
        assertThat(invalid).extracting(r -> r.get("reasons").toString()).anySatisfy(r -> assertThat(r)
                .contains("could not be decoded (12 bytes)").contains("polaris.raw.events partition"))
                .anySatisfy(r -> assertThat(r).contains("is a RowOutcome record, not a raw row"));
        assertThat(count("select count(*) from event where pathful_session_id = 'PX-100'")).isEqualTo(1);
        // and the normalizer goes on
        assertThat(Runs.importFile("events", Runs.SAMPLES.resolve("events.csv"), null).get("status")).isEqualTo("COMPLETED");
    }

    @Test
    void poisonOnTheMatchersInputEndsAsInvalidRowsOfItsRun() {
        String run = UUID.randomUUID().toString();
        String raw = Topics.RAW_PATHFUL.name();
        raw(raw, run, started(run, "PATHFUL", "2024-2025", List.of("SessionId", "EventId", "TeacherEmail",
                "SessionStart", "AttendanceStatus")));
        raw(raw, run, row(run, "PATHFUL", "2024-2025", 2, Map.of("SessionId", "S-1", "EventId", "PX-NONE",
                "TeacherEmail", "poison@example.org", "SessionStart", "2025-03-01 10:00", "AttendanceStatus", "Attended")));
        String normalized = Topics.NORMALIZED_PATHFUL.name();
        Kafka.send(normalized, "2024-2025|x@example.org", new byte[] {(byte) 0xC3, 0x01, 9, 9, 9, 9, 9, 9, 9, 9, 1},
                org.polaris.schemas.RecordHeaders.of(run, 3));
        Kafka.send(normalized, "2024-2025|y@example.org", outcome(run), org.polaris.schemas.RecordHeaders.of(run, 4));
        raw(raw, run, ended(run, "PATHFUL", raw, 3, List.of()));

        Map<String, Object> done = Runs.awaitFinal(run);

        assertThat(done.get("status")).isEqualTo("COMPLETED");
        assertThat(Runs.counts(done)).containsExactly(3, 0, 0, 0, 1, 0, 2);
        assertThat(Runs.rows(run, "INVALID")).extracting(r -> r.get("row")).containsExactly(3, 4);
        assertThat(Runs.rows(run, "INVALID")).allSatisfy(r -> assertThat(r.get("reasons").toString())
                .contains("the matcher could not decode the record at polaris.normalized.pathful"));
    }

    @Test
    void aRowWhoseRulesThrowIsTriedABoundedNumberOfTimesThenIsInvalidAndTheNormalizerGoesOn() {
        String run = UUID.randomUUID().toString();
        String raw = "polaris.raw.test-widgets";
        raw(raw, run, started(run, "TEST_WIDGETS", null, List.of("Widget ID", "Name", "Color")));
        raw(raw, run, row(run, "TEST_WIDGETS", null, 2, Map.of("Widget ID", "t-1", "Name", "explode", "Color", "red")));
        raw(raw, run, row(run, "TEST_WIDGETS", null, 3, Map.of("Widget ID", "t-2", "Name", "Calm", "Color", "blue")));
        raw(raw, run, ended(run, "TEST_WIDGETS", raw, 2, List.of()));

        Map<String, Object> done = Runs.awaitFinal(run);

        assertThat(done.get("status")).isEqualTo("COMPLETED");
        assertThat(Runs.counts(done)).containsExactly(2, 1, 0, 0, 0, 0, 1);
        assertThat(Runs.rows(run, "INVALID")).singleElement().satisfies(r -> {
            assertThat(r.get("row")).isEqualTo(2);
            // the configured five tries (the exception's text is not copied: it may quote the row's data)
            assertThat(r.get("reasons").toString()).contains(
                    "the normalizer failed on this row 5 times (IllegalStateException); it is set aside as invalid")
                    .doesNotContain("a fault in the widget rules");
        });
    }

    /**
     * The matcher's topology throws on a record (no record of a valid schema makes today's topology
     * throw, so its handler is called as Kafka Streams calls it): the row is dead-lettered with its
     * run and row, the handler answers CONTINUE (the stream goes on instead of losing its thread and
     * re-reading the record forever) and the writer counts the row invalid, so the run completes.
     */
    @Test
    void aRowTheMatchersTopologyFailsOnEndsAsAnInvalidRowOfItsRunAndTheStreamGoesOn() {
        String run = UUID.randomUUID().toString();
        String raw = Topics.RAW_PATHFUL.name();
        raw(raw, run, started(run, "PATHFUL", "2024-2025", List.of("SessionId", "EventId", "TeacherEmail",
                "SessionStart", "AttendanceStatus")));
        raw(raw, run, ended(run, "PATHFUL", raw, 1, List.of()));
        var handler = new org.polaris.matcher.DeadLettering.Processing();
        handler.configure(Map.of("bootstrap.servers", TestBroker.bootstrapServers(), "application.id", "polaris-matcher"));
        NormalizedAttendance row = NormalizedAttendance.newBuilder().setRunId(run).setRowNumber(2)
                .setAcademicYear("2024-2025").setSessionId("S-9").setEventId("PX-9").setTeacherEmail("fails@example.org")
                .setSessionStart(0L).setSessionDate("2025-03-01").setSessionZone("America/Chicago")
                .setStatus(AttendanceStatus.ATTENDED).setParticipantType("Teacher").setMode(RunMode.COMMIT)
                .setWarnings(List.of()).build();

        var response = handler.handle(new FailedAt(Topics.NORMALIZED_PATHFUL.name(), 0, 42L,
                org.polaris.schemas.RecordHeaders.of(run, 2)), new Record<>("2024-2025|fails@example.org", row, 0L),
                new NullPointerException());

        assertThat(response).isEqualTo(ProcessingExceptionHandler.ProcessingHandlerResponse.CONTINUE);
        Map<String, Object> done = Runs.awaitFinal(run);
        assertThat(done.get("status")).isEqualTo("COMPLETED");
        assertThat(Runs.counts(done)).containsExactly(1, 0, 0, 0, 0, 0, 1);
        assertThat(Runs.rows(run, "INVALID")).singleElement().satisfies(r -> assertThat(r.get("reasons").toString())
                .contains("the matcher failed on this row (NullPointerException)"));
    }

    /** Where a record failed, as Kafka Streams tells its processing-exception handler. */
    private record FailedAt(String topic, int partition, long offset, org.apache.kafka.common.header.Headers headers)
            implements ErrorHandlerContext {
        @Override
        public String processorNodeId() {
            return "event-lookup";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, partition);
        }

        @Override
        public long timestamp() {
            return 0L;
        }

        @Override
        public byte[] sourceRawKey() {
            return null;
        }

        @Override
        public byte[] sourceRawValue() {
            return null;
        }
    }

    @Test
    void poisonOnTheWritersInputAndARowTheDatabaseRefusesEndAsInvalidRowsOfTheirRun() throws SQLException {
        String run = UUID.randomUUID().toString();
        String raw = "polaris.raw.test-widgets";
        raw(raw, run, started(run, "TEST_WIDGETS", null, List.of("Widget ID", "Name", "Color")));
        raw(raw, run, row(run, "TEST_WIDGETS", null, 2, Map.of("Widget ID", "p-1", "Name", "Plain", "Color", "red")));
        raw(raw, run, row(run, "TEST_WIDGETS", null, 3, Map.of("Widget ID", "p-2", "Name", "Glow", "Color", "ultraviolet")));
        String normalized = "polaris.normalized.test-widgets";
        Kafka.send(normalized, "P-3", new byte[] {7, 7, 7}, org.polaris.schemas.RecordHeaders.of(run, 4));
        Kafka.send(normalized, "P-4", outcome(run), org.polaris.schemas.RecordHeaders.of(run, 5));
        raw(raw, run, ended(run, "TEST_WIDGETS", raw, 4, List.of()));

        Map<String, Object> done = Runs.awaitFinal(run);

        assertThat(done.get("status")).isEqualTo("COMPLETED");
        assertThat(Runs.counts(done)).containsExactly(4, 1, 0, 0, 0, 0, 3);
        List<Map<String, Object>> invalid = Runs.rows(run, "INVALID");
        assertThat(invalid).extracting(r -> r.get("row")).containsExactly(3, 4, 5);
        assertThat(invalid.get(0).get("reasons").toString())
                .contains("the writer could not store this row: SQLSTATE 23514 (constraint test_widget_color_check)");
        assertThat(invalid.get(1).get("reasons").toString()).contains("could not be decoded (3 bytes)");
        assertThat(invalid.get(2).get("reasons").toString())
                .contains("is a RowOutcome record, but polaris.normalized.test-widgets carries NormalizedWidget records");
        assertThat(count("select count(*) from test_widget where widget_id in ('P-1', 'P-2')")).isEqualTo(1);
        // the refused row is on the dead-letter topic too, with its run and row
        assertThat(Kafka.deadLetters(d -> run.equals(d.getRunId()) && d.getStage().equals("writer")
                && d.getRowNumber() == 3)).isNotEmpty();
    }

    @Test
    void aRowOfARunThatNeverStartedIsNeverWritten() throws SQLException {
        String stray = UUID.randomUUID().toString();
        raw(Topics.RAW_EVENTS.name(), stray, row(stray, "EVENTS", null, 2, Map.of("Session ID", "PX-STRAY",
                "Session Title", "Stray", "Date", "2025-03-01")));

        List<DeadLetter> letters = Kafka.deadLetters(d -> d.getReasons().toString().contains("never started")
                && Topics.RAW_EVENTS.name().equals(d.getSourceTopic()));

        assertThat(letters.get(0).getRunId()).isEmpty();
        assertThat(letters.get(0).getSourceOffset()).isNotNull();
        assertThat(count("select count(*) from event where pathful_session_id = 'PX-STRAY'")).isZero();
        assertThat(count("select count(*) from import_run where id = '" + stray + "'")).isZero();
    }

    @Test
    void bytesNoRunCanClaimGoToTheDeadLetterTopicWithWhereTheyWereRead() {
        Kafka.send(Topics.RAW_ROSTER.name(), "not-a-run-id", new byte[] {42, 42, 42}, new RecordHeaders());

        List<DeadLetter> letters = Kafka.deadLetters(d -> Topics.RAW_ROSTER.name().equals(d.getSourceTopic())
                && d.getReasons().toString().contains("could not be decoded (3 bytes)"));

        DeadLetter d = letters.get(0);
        assertThat(d.getRunId()).isEmpty();
        assertThat(d.getKind()).isEqualTo("ROSTER");
        assertThat(d.getSourcePartition()).isNotNull();
        assertThat(d.getSourceOffset()).isNotNull();
        assertThat(d.getReasons().get(0)).contains("polaris.raw.roster partition " + d.getSourcePartition()
                + " offset " + d.getSourceOffset());
    }

    @Test
    void aRunMissingRowsIsStalledWithWhichThenCompletesWhenTheyArrive() {
        String run = UUID.randomUUID().toString();
        String raw = Topics.RAW_EVENTS.name();
        raw(raw, run, started(run, "EVENTS", null, EVENT_HEADER));
        raw(raw, run, row(run, "EVENTS", null, 2, Map.of("Session ID", "PX-200", "Session Title", "Slow", "Date",
                "2025-03-02")));
        raw(raw, run, ended(run, "EVENTS", raw, 3, List.of("2-3", "5")));

        Map<String, Object> stalled = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var r = RestAssured.get("/api/runs/" + run);
                    return r.statusCode() == 200 ? r.jsonPath().<String, Object>getMap("") : Map.<String, Object>of();
                }, r -> "STALLED".equals(r.get("status")));
        assertThat(stalled.get("message").toString()).startsWith("stalled: 2 of 3 rows have no outcome after")
                .endsWith("(rows 3, 5)");

        raw(raw, run, row(run, "EVENTS", null, 3, Map.of("Session ID", "PX-201", "Session Title", "Late", "Date",
                "2025-03-03")));
        raw(raw, run, row(run, "EVENTS", null, 5, Map.of("Session ID", "PX-202", "Session Title", "Later", "Date",
                "2025-03-04")));

        Map<String, Object> done = Runs.awaitFinal(run);
        assertThat(done.get("status")).isEqualTo("COMPLETED");
        assertThat(done.get("message")).isNull();
        assertThat(Runs.counts(done)).containsExactly(3, 3, 0, 0, 0, 0, 0);
        // the ops dashboards count a run once, when it is final: a stalled run is not final yet
        var summaries = Kafka.summaries(run);
        assertThat(summaries).filteredOn(s -> s.getStatus().name().equals("STALLED")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.getFinalSummary()).isFalse());
        assertThat(summaries).filteredOn(s -> s.getFinalSummary()).singleElement()
                .satisfies(s -> assertThat(s.getStatus().name()).isEqualTo("COMPLETED"));
    }

    // --- records as ingest writes them, by hand ------------------------------------------------

    private static void raw(String topic, String run, Object payload) {
        int row = payload instanceof RawRow r ? r.getRowNumber() : 0;
        Kafka.send(topic, run, RawRecord.newBuilder().setPayload(payload).build(),
                org.polaris.schemas.RecordHeaders.of(run, row));
    }

    private static RunStarted started(String run, String kind, String window, List<String> header) {
        return RunStarted.newBuilder().setRunId(run).setKind(kind).setSourceRef("poison-it").setWindow(window)
                .setTriggeredBy("it").setHeader(header).setStartedAt(System.currentTimeMillis())
                .setMode(RunMode.COMMIT).build();
    }

    private static RawRow row(String run, String kind, String window, int number, Map<String, String> cells) {
        return RawRow.newBuilder().setRunId(run).setKind(kind).setRowNumber(number).setSourceRef("poison-it")
                .setWindow(window).setCells(cells).setMode(RunMode.COMMIT).setIngestWarnings(List.of()).build();
    }

    private static RunEnded ended(String run, String kind, String topic, int rows, List<String> ranges) {
        return RunEnded.newBuilder().setRunId(run).setKind(kind).setRowCount(rows).setRawTopic(topic).setRawPartition(0)
                .setRowRanges(ranges).setEndedAt(System.currentTimeMillis()).build();
    }

    /** A record of another schema. */
    private static RowOutcome outcome(String run) {
        return RowOutcome.newBuilder().setRunId(run).setRowNumber(99).setOutcome(OutcomeKind.CREATED)
                .setReasons(List.of()).setWarnings(List.of()).setRecordedAt(System.currentTimeMillis()).build();
    }

    private int count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
