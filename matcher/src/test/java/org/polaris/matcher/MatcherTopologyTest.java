package org.polaris.matcher;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.AttendanceMatch;
import org.polaris.schemas.avro.AttendanceStatus;
import org.polaris.schemas.avro.EventSession;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.RosterEntry;
import org.polaris.schemas.avro.UnmatchedAttendance;
import org.polaris.schemas.avro.UnmatchedReason;

import static org.assertj.core.api.Assertions.assertThat;

/** The matcher topology, driven record by record without a broker. */
class MatcherTopologyTest {

    private static final String YEAR = "2024-2025";
    private static final Instant T0 = Instant.parse("2024-10-01T12:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, RosterEntry> roster;
    private TestInputTopic<String, EventSession> events;
    private TestInputTopic<String, NormalizedAttendance> rows;
    private TestOutputTopic<String, AttendanceMatch> matched;
    private TestOutputTopic<String, UnmatchedAttendance> unmatched;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "matcher-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(MatcherTopology.build(), props);
        roster = input(Topics.REF_ROSTER);
        events = input(Topics.REF_EVENT_SESSIONS);
        rows = input(Topics.NORMALIZED_PATHFUL);
        matched = driver.createOutputTopic(Topics.ATTENDANCE_MATCHED.name(),
                Topics.ATTENDANCE_MATCHED.keySerde().deserializer(), Topics.ATTENDANCE_MATCHED.valueSerde().deserializer());
        unmatched = driver.createOutputTopic(Topics.ATTENDANCE_UNMATCHED.name(),
                Topics.ATTENDANCE_UNMATCHED.keySerde().deserializer(), Topics.ATTENDANCE_UNMATCHED.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aRowWhoseTeacherAndEventAreKnownIsMatchedAndKeyedByParticipation() {
        roster.pipeInput(YEAR + "|ana@k12.org", teacher("ana@k12.org", 41L), T0);
        events.pipeInput("PS-1", event("PS-1", 7L), T0);
        rows.pipeInput(YEAR + "|ana@k12.org", row(2, "PS-1", "ana@k12.org"), T0.plusSeconds(1));

        var out = matched.readKeyValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key).isEqualTo("PS-1|ana@k12.org");
        assertThat(out.get(0).value.getRoster().getTeacherProgressId()).isEqualTo(41L);
        assertThat(out.get(0).value.getEvent().getEventDbId()).isEqualTo(7L);
        assertThat(out.get(0).value.getAttendance().getRowNumber()).isEqualTo(2);
        assertThat(unmatched.isEmpty()).isTrue();
    }

    @Test
    void anUnknownTeacherIsUnmatchedTeacher() {
        events.pipeInput("PS-1", event("PS-1", 7L), T0);
        rows.pipeInput(YEAR + "|zoe@k12.org", row(3, "PS-1", "zoe@k12.org"), T0.plusSeconds(1));

        UnmatchedAttendance u = single(unmatched.readValuesToList());
        assertThat(u.getReason()).isEqualTo(UnmatchedReason.TEACHER);
        assertThat(u.getDetail()).isEqualTo("teacher email not in the 2024-2025 roster");
        assertThat(matched.isEmpty()).isTrue();
    }

    @Test
    void anUnknownEventIsUnmatchedEvent() {
        roster.pipeInput(YEAR + "|ana@k12.org", teacher("ana@k12.org", 41L), T0);
        rows.pipeInput(YEAR + "|ana@k12.org", row(4, "PS-9", "ana@k12.org"), T0.plusSeconds(1));

        UnmatchedAttendance u = single(unmatched.readValuesToList());
        assertThat(u.getReason()).isEqualTo(UnmatchedReason.EVENT);
        assertThat(u.getDetail()).isEqualTo("no event with Pathful session id PS-9");
    }

    @Test
    void aRowWithBothUnknownCountsOnceAsUnmatchedTeacher() {
        rows.pipeInput(YEAR + "|zoe@k12.org", row(5, "PS-9", "zoe@k12.org"), T0);

        List<UnmatchedAttendance> out = unmatched.readValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).getReason()).isEqualTo(UnmatchedReason.TEACHER);
        assertThat(out.get(0).getDetail()).contains("event PS-9 unknown too");
        assertThat(matched.isEmpty()).isTrue();
    }

    @Test
    void theRosterIsPerAcademicYear() {
        roster.pipeInput("2023-2024|ana@k12.org", teacher("ana@k12.org", 41L), T0);
        events.pipeInput("PS-1", event("PS-1", 7L), T0);
        rows.pipeInput(YEAR + "|ana@k12.org", row(6, "PS-1", "ana@k12.org"), T0.plusSeconds(1));

        assertThat(single(unmatched.readValuesToList()).getReason()).isEqualTo(UnmatchedReason.TEACHER);
    }

    @Test
    void aTeacherAddedToTheRosterMatchesTheRowsThatFollow() {
        events.pipeInput("PS-1", event("PS-1", 7L), T0);
        rows.pipeInput(YEAR + "|ben@k12.org", row(2, "PS-1", "ben@k12.org"), T0.plusSeconds(1));
        roster.pipeInput(YEAR + "|ben@k12.org", teacher("ben@k12.org", 42L), T0.plusSeconds(2));
        rows.pipeInput(YEAR + "|ben@k12.org", row(2, "PS-1", "ben@k12.org"), T0.plusSeconds(3));

        assertThat(single(unmatched.readValuesToList()).getReason()).isEqualTo(UnmatchedReason.TEACHER);
        assertThat(single(matched.readValuesToList()).getRoster().getTeacherProgressId()).isEqualTo(42L);
    }

    @Test
    void aRosterTombstoneUnmatchesLaterRows() {
        roster.pipeInput(YEAR + "|ana@k12.org", teacher("ana@k12.org", 41L), T0);
        events.pipeInput("PS-1", event("PS-1", 7L), T0);
        roster.pipeInput(YEAR + "|ana@k12.org", null, T0.plusSeconds(1));
        rows.pipeInput(YEAR + "|ana@k12.org", row(2, "PS-1", "ana@k12.org"), T0.plusSeconds(2));

        assertThat(single(unmatched.readValuesToList()).getReason()).isEqualTo(UnmatchedReason.TEACHER);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private static <T> T single(List<T> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    @Test
    void changesToEntriesAlreadyLookedUpReachTheRowsThatFollow() {
        roster.pipeInput(YEAR + "|ana@k12.org", teacher("ana@k12.org", 41L), T0);
        events.pipeInput("PS-1", event("PS-1", 7L), T0);
        rows.pipeInput(YEAR + "|ana@k12.org", row(2, "PS-1", "ana@k12.org"), T0.plusSeconds(1));
        // the entry and the event were looked up (and kept decoded); then both change
        roster.pipeInput(YEAR + "|ana@k12.org", teacher("ana@k12.org", 42L), T0.plusSeconds(2));
        events.pipeInput("PS-1", event("PS-1", 8L), T0.plusSeconds(2));
        rows.pipeInput(YEAR + "|ana@k12.org", row(3, "PS-1", "ana@k12.org"), T0.plusSeconds(3));
        // then the entry is deactivated, then removed
        roster.pipeInput(YEAR + "|ana@k12.org", RosterEntry.newBuilder(teacher("ana@k12.org", 42L)).setActive(false)
                .build(), T0.plusSeconds(4));
        rows.pipeInput(YEAR + "|ana@k12.org", row(4, "PS-1", "ana@k12.org"), T0.plusSeconds(5));
        roster.pipeInput(YEAR + "|ana@k12.org", null, T0.plusSeconds(6));
        rows.pipeInput(YEAR + "|ana@k12.org", row(5, "PS-1", "ana@k12.org"), T0.plusSeconds(7));

        var out = matched.readValuesToList();
        assertThat(out).extracting(m -> m.getRoster().getTeacherProgressId()).containsExactly(41L, 42L);
        assertThat(out).extracting(m -> m.getEvent().getEventDbId()).containsExactly(7L, 8L);
        var unknown = unmatched.readValuesToList();
        assertThat(unknown).extracting(u -> u.getAttendance().getRowNumber()).containsExactly(4, 5);
        assertThat(unknown.get(0).getDetail()).contains("is deactivated");
        assertThat(unknown.get(1).getDetail()).startsWith("teacher email not in the 2024-2025 roster");
    }

    @Test
    void aTeacherWhoseRosterEntryIsDeactivatedIsUnmatchedSayingSo() {
        roster.pipeInput(YEAR + "|ana@k12.org", RosterEntry.newBuilder(teacher("ana@k12.org", 41L)).setActive(false)
                .build(), T0);
        events.pipeInput("PS-1", event("PS-1", 7L), T0);
        rows.pipeInput(YEAR + "|ana@k12.org", row(2, "PS-1", "ana@k12.org"), T0.plusSeconds(1));

        assertThat(matched.isEmpty()).isTrue();
        UnmatchedAttendance u = unmatched.readValue();
        assertThat(u.getReason()).isEqualTo(UnmatchedReason.TEACHER);
        assertThat(u.getDetail()).startsWith("the teacher's entry on the 2024-2025 roster is deactivated");
    }

    @Test
    void aDeadLetterOfTheMatcherNamesTheRunAndRowOfItsRecord() {
        var d = DeadLettering.deadLetter(Topics.NORMALIZED_PATHFUL.name(), 1, 17,
                org.polaris.schemas.RecordHeaders.of("7d1c2d3e-0000-4000-8000-000000000001", 9), null, "broken");
        assertThat(d.getRunId()).isEqualTo("7d1c2d3e-0000-4000-8000-000000000001");
        assertThat(d.getRowNumber()).isEqualTo(9);
        assertThat(d.getKind()).isEqualTo("PATHFUL");
        assertThat(d.getSourceOffset()).isEqualTo(17L);
        var fromValue = DeadLettering.deadLetter(Topics.NORMALIZED_PATHFUL.name(), 1, 18,
                new org.apache.kafka.common.header.internals.RecordHeaders(), row(4, "PS-1", "a@k12.org"), "broken");
        assertThat(fromValue.getRunId()).isEqualTo("run-1");
        assertThat(fromValue.getRowNumber()).isEqualTo(4);
        var nobodys = DeadLettering.deadLetter(Topics.NORMALIZED_PATHFUL.name(), 1, 19,
                new org.apache.kafka.common.header.internals.RecordHeaders(), null, "broken");
        assertThat(nobodys.getRunId()).isEmpty();
    }

    private static RosterEntry teacher(String email, long id) {
        return RosterEntry.newBuilder().setAcademicYear(YEAR).setEmail(email).setTeacherProgressId(id)
                .setName("Teacher " + id).setBuilding("School").setTargetSessions(1).build();
    }

    private static EventSession event(String sessionId, long id) {
        return EventSession.newBuilder().setSessionId(sessionId).setEventDbId(id).setTitle("Session " + sessionId)
                .setStart(T0.toEpochMilli()).build();
    }

    private static NormalizedAttendance row(int rowNumber, String eventId, String email) {
        return NormalizedAttendance.newBuilder().setRunId("run-1").setRowNumber(rowNumber).setAcademicYear(YEAR)
                .setSessionId("S-" + rowNumber).setEventId(eventId).setTeacherEmail(email)
                .setSessionStart(T0.toEpochMilli()).setSessionDate("2024-10-01").setSessionZone("America/Chicago")
                .setStatus(AttendanceStatus.ATTENDED).build();
    }
}
