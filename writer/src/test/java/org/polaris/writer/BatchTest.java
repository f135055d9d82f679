package org.polaris.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.polaris.schemas.avro.AttendanceMatch;
import org.polaris.schemas.avro.AttendanceStatus;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.NormalizedEventSession;
import org.polaris.schemas.avro.NormalizedRosterEntry;
import org.polaris.schemas.avro.RunEnded;
import org.polaris.schemas.avro.RunEvent;
import org.polaris.schemas.avro.RunRejected;
import org.polaris.schemas.avro.RunStarted;
import org.polaris.schemas.avro.UnmatchedAttendance;
import org.polaris.schemas.avro.UnmatchedReason;
import org.polaris.schemas.serde.AnyAvroDeserializer.Undecodable;
import org.polaris.writer.kinds.AttendanceStore;
import org.polaris.writer.kinds.EventStore;
import org.polaris.writer.kinds.RosterStore;
import org.polaris.writer.kinds.TeacherStore;
import org.polaris.writer.kinds.UnmatchedAttendanceStore;
import org.polaris.writer.kinds.VirtualSessionStore;
import org.polaris.writer.store.Outcome.RowKey;

class BatchTest {

    private static final long T = 1_795_000_000_000L; // epoch millis

    /** The built-in kinds' stores, as CDI finds them in the application. */
    static final Stores STORES = Stores.of(List.of(new AttendanceStore(), new UnmatchedAttendanceStore(),
            new RosterStore(), new EventStore(), new VirtualSessionStore(), new TeacherStore()));

    // --- real Avro records, every required field set -----------------------------------------

    static RunStarted started(String runId) {
        return RunStarted.newBuilder().setRunId(runId).setKind("PATHFUL").setSourceRef("pathful.csv")
                .setTriggeredBy("test").setHeader(List.of("Session Id", "Email")).setStartedAt(T).build();
    }

    static RunEnded ended(String runId) {
        return RunEnded.newBuilder().setRunId(runId).setKind("PATHFUL").setRowCount(3)
                .setRawTopic("raw.pathful").setRawPartition(0).setEndedAt(T).build();
    }

    static RunRejected rejected(String runId) {
        return RunRejected.newBuilder().setRunId(runId).setKind("ROSTER").setReason("missing column Email")
                .setMissingColumns(List.of("Email")).setRejectedAt(T).build();
    }

    static NormalizedAttendance attendance(String runId, int row) {
        return NormalizedAttendance.newBuilder().setRunId(runId).setRowNumber(row).setAcademicYear("2026-27")
                .setSessionId("S-" + row).setEventId("S-" + row).setTeacherEmail("t" + row + "@school.org")
                .setSessionStart(T).setSessionDate("2026-11-28").setSessionZone("America/Chicago")
                .setStatus(AttendanceStatus.ATTENDED).build();
    }

    static AttendanceMatch matched(String runId, int row) {
        return AttendanceMatch.newBuilder().setAttendance(attendance(runId, row)).build();
    }

    static UnmatchedAttendance unmatched(String runId, int row) {
        return UnmatchedAttendance.newBuilder().setAttendance(attendance(runId, row))
                .setReason(UnmatchedReason.TEACHER).setDetail("no roster entry").build();
    }

    static DeadLetter deadLetter(String runId, int row) {
        return DeadLetter.newBuilder().setRunId(runId).setKind("PATHFUL").setRowNumber(row)
                .setSourceRef("pathful.csv").setStage("normalizer").setReasons(List.of("bad date"))
                .setCells(Map.of("Date", "31/02/2026")).setFailedAt(T).build();
    }

    static NormalizedRosterEntry roster(String runId, int row) {
        return NormalizedRosterEntry.newBuilder().setRunId(runId).setRowNumber(row).setAcademicYear("2026-27")
                .setVirtualYear("2026-27").setEmail("t" + row + "@school.org").setName("Teacher " + row)
                .setBuilding("North").build();
    }

    static NormalizedEventSession event(String runId, int row) {
        return NormalizedEventSession.newBuilder().setRunId(runId).setRowNumber(row).setSessionId("S-" + row)
                .setTitle("Session " + row).setStart(T).setLocalDate("2026-11-28").build();
    }

    static RunEvent runEvent(Object payload) {
        return RunEvent.newBuilder().setPayload(payload).build();
    }

    private static Batch batch(Object... payloads) {
        return Batch.of(Arrays.asList(payloads), STORES);
    }

    // --- of -----------------------------------------------------------------------------------

    @Test
    void emptyPayloadsGiveAnEmptyBatch() {
        Batch b = Batch.of(List.of(), STORES);

        assertThat(b.size()).isZero();
        assertThat(b.runIds()).isEmpty();
        assertThat(b.rowKeys()).isEmpty();
        assertThat(b.singles(STORES)).isEmpty();
    }

    @Test
    void ofSortsEveryPayloadByItsType() {
        RunStarted s = started("00000000-0000-0000-0000-000000000001");
        RunEnded e = ended("00000000-0000-0000-0000-000000000001");
        RunRejected rj = rejected("00000000-0000-0000-0000-000000000002");
        AttendanceMatch m = matched("00000000-0000-0000-0000-000000000001", 2);
        UnmatchedAttendance u = unmatched("00000000-0000-0000-0000-000000000001", 3);
        DeadLetter d = deadLetter("00000000-0000-0000-0000-000000000001", 4);
        NormalizedRosterEntry ro = roster("00000000-0000-0000-0000-000000000003", 2);
        NormalizedEventSession ev = event("00000000-0000-0000-0000-000000000004", 2);
        Undecodable bad = new Undecodable("t", "garbage", 5);
        String odd = "not a record";

        Batch b = batch(ev, ro, d, u, m, rj, e, s, bad, odd);

        assertThat(b.started()).containsExactly(s);
        assertThat(b.ended()).containsExactly(e);
        assertThat(b.rejected()).containsExactly(rj);
        assertThat(b.rowsOf(AttendanceMatch.class)).containsExactly(m);
        assertThat(b.rowsOf(UnmatchedAttendance.class)).containsExactly(u);
        assertThat(b.deadLetters()).containsExactly(d);
        assertThat(b.rowsOf(NormalizedRosterEntry.class)).containsExactly(ro);
        assertThat(b.rowsOf(NormalizedEventSession.class)).containsExactly(ev);
        assertThat(b.undecodable()).containsExactly(bad);
        assertThat(b.unexpected()).containsExactly(odd);
        assertThat(b.size()).isEqualTo(8);
    }

    @Test
    void ofUnwrapsRunEventPayloads() {
        RunStarted s = started("00000000-0000-0000-0000-000000000001");
        RunEnded e = ended("00000000-0000-0000-0000-000000000001");
        RunRejected rj = rejected("00000000-0000-0000-0000-000000000002");

        Batch b = batch(runEvent(s), runEvent(e), runEvent(rj));

        assertThat(b.started()).containsExactly(s);
        assertThat(b.ended()).containsExactly(e);
        assertThat(b.rejected()).containsExactly(rj);
        assertThat(b.unexpected()).isEmpty();
    }

    @Test
    void ofIgnoresNullPayloads() {
        Batch b = batch(null, matched("00000000-0000-0000-0000-000000000001", 2), null);

        assertThat(b.rowsOf(AttendanceMatch.class)).hasSize(1);
        assertThat(b.unexpected()).isEmpty();
        assertThat(b.size()).isEqualTo(1);
    }

    @Test
    void ofKeepsArrivalOrderWithinAType() {
        AttendanceMatch m5 = matched("00000000-0000-0000-0000-000000000001", 5);
        AttendanceMatch m2 = matched("00000000-0000-0000-0000-000000000001", 2);
        AttendanceMatch m9 = matched("00000000-0000-0000-0000-000000000001", 9);

        Batch b = batch(m5, roster("00000000-0000-0000-0000-000000000001", 1), m2, m9);

        assertThat(b.rowsOf(AttendanceMatch.class)).containsExactly(m5, m2, m9);
    }

    @Test
    void sizeCountsControlRecordsAndRowsButNotUndecodableOrUnexpected() {
        Batch b = batch(started("00000000-0000-0000-0000-000000000001"), matched("00000000-0000-0000-0000-000000000001", 2), new Undecodable("t", "x", 1), 42);

        assertThat(b.size()).isEqualTo(2);
    }

    // --- runIds -------------------------------------------------------------------------------

    @Test
    void runIdsAreEveryRunTouchedInIdOrder() {
        Batch b = batch(event("00000000-0000-0000-0000-000000000008", 2), roster("00000000-0000-0000-0000-000000000007", 2), deadLetter("00000000-0000-0000-0000-000000000006", 2), unmatched("00000000-0000-0000-0000-000000000005", 2), matched("00000000-0000-0000-0000-000000000004", 2),
                rejected("00000000-0000-0000-0000-000000000003"), ended("00000000-0000-0000-0000-000000000002"), started("00000000-0000-0000-0000-000000000001"));

        assertThat(b.runIds()).containsExactly("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000003", "00000000-0000-0000-0000-000000000004", "00000000-0000-0000-0000-000000000005", "00000000-0000-0000-0000-000000000006", "00000000-0000-0000-0000-000000000007", "00000000-0000-0000-0000-000000000008");
    }

    @Test
    void runIdsAreDistinctAndSorted() {
        String a = "00000000-0000-0000-0000-00000000000a";
        String b2 = "00000000-0000-0000-0000-00000000000b";
        String c = "00000000-0000-0000-0000-00000000000c";
        String zero = "00000000-0000-0000-0000-000000000000";
        Batch b = batch(matched(b2, 2), matched(a, 2), matched(b2, 3), started(c), ended(a), runEvent(started(zero)));

        Set<String> ids = b.runIds();

        assertThat(ids).containsExactly(zero, a, b2, c);
    }

    @Test
    void runIdsIgnoreUndecodableAndUnexpected() {
        Batch b = batch(new Undecodable("t", "x", 1), "stray");

        assertThat(b.runIds()).isEmpty();
    }

    // --- rowKeys ------------------------------------------------------------------------------

    @Test
    void rowKeysNameEverySourceRowButNoControlRecord() {
        Batch b = batch(started("00000000-0000-0000-0000-000000000001"), ended("00000000-0000-0000-0000-000000000001"), rejected("00000000-0000-0000-0000-000000000002"), matched("00000000-0000-0000-0000-000000000001", 2), unmatched("00000000-0000-0000-0000-000000000001", 3),
                deadLetter("00000000-0000-0000-0000-000000000001", 4), roster("00000000-0000-0000-0000-000000000003", 5), event("00000000-0000-0000-0000-000000000004", 6));

        assertThat(b.rowKeys()).containsExactlyInAnyOrder(
                new RowKey("00000000-0000-0000-0000-000000000001", 2), new RowKey("00000000-0000-0000-0000-000000000001", 3), new RowKey("00000000-0000-0000-0000-000000000001", 4),
                new RowKey("00000000-0000-0000-0000-000000000003", 5), new RowKey("00000000-0000-0000-0000-000000000004", 6));
    }

    @Test
    void rowKeysListADuplicateRowTwice() {
        Batch b = batch(matched("00000000-0000-0000-0000-000000000001", 2), matched("00000000-0000-0000-0000-000000000001", 2));

        assertThat(b.rowKeys()).containsExactly(new RowKey("00000000-0000-0000-0000-000000000001", 2), new RowKey("00000000-0000-0000-0000-000000000001", 2));
    }

    // --- without ------------------------------------------------------------------------------

    @Test
    void withoutDropsRowsAlreadyRecorded() {
        AttendanceMatch m2 = matched("00000000-0000-0000-0000-000000000001", 2);
        AttendanceMatch m3 = matched("00000000-0000-0000-0000-000000000001", 3);
        UnmatchedAttendance u4 = unmatched("00000000-0000-0000-0000-000000000001", 4);
        DeadLetter d5 = deadLetter("00000000-0000-0000-0000-000000000001", 5);
        NormalizedRosterEntry ro2 = roster("00000000-0000-0000-0000-000000000002", 2);
        NormalizedEventSession ev2 = event("00000000-0000-0000-0000-000000000003", 2);
        Batch b = batch(m2, m3, u4, d5, ro2, ev2);

        Batch fresh = b.without(Set.of(new RowKey("00000000-0000-0000-0000-000000000001", 2), new RowKey("00000000-0000-0000-0000-000000000001", 4), new RowKey("00000000-0000-0000-0000-000000000001", 5),
                new RowKey("00000000-0000-0000-0000-000000000002", 2), new RowKey("00000000-0000-0000-0000-000000000003", 2)));

        assertThat(fresh.rowsOf(AttendanceMatch.class)).containsExactly(m3);
        assertThat(fresh.rowsOf(UnmatchedAttendance.class)).isEmpty();
        assertThat(fresh.deadLetters()).isEmpty();
        assertThat(fresh.rowsOf(NormalizedRosterEntry.class)).isEmpty();
        assertThat(fresh.rowsOf(NormalizedEventSession.class)).isEmpty();
        assertThat(fresh.rowKeys()).containsExactly(new RowKey("00000000-0000-0000-0000-000000000001", 3));
    }

    @Test
    void withoutMatchesRecordedRowsByRunIdAndRowNumberTogether() {
        AttendanceMatch r1row2 = matched("00000000-0000-0000-0000-000000000001", 2);
        AttendanceMatch r2row2 = matched("00000000-0000-0000-0000-000000000002", 2);
        AttendanceMatch r1row3 = matched("00000000-0000-0000-0000-000000000001", 3);

        Batch fresh = batch(r1row2, r2row2, r1row3).without(Set.of(new RowKey("00000000-0000-0000-0000-000000000001", 2)));

        assertThat(fresh.rowsOf(AttendanceMatch.class)).containsExactly(r2row2, r1row3);
    }

    @Test
    void withoutDropsASecondCopyOfTheSameRowWithinTheBatch() {
        AttendanceMatch first = matched("00000000-0000-0000-0000-000000000001", 2);
        AttendanceMatch copy = matched("00000000-0000-0000-0000-000000000001", 2);
        AttendanceMatch other = matched("00000000-0000-0000-0000-000000000001", 3);
        NormalizedRosterEntry ro = roster("00000000-0000-0000-0000-000000000002", 7);
        NormalizedRosterEntry roCopy = roster("00000000-0000-0000-0000-000000000002", 7);
        NormalizedEventSession ev = event("00000000-0000-0000-0000-000000000003", 4);
        NormalizedEventSession evCopy = event("00000000-0000-0000-0000-000000000003", 4);
        DeadLetter d = deadLetter("00000000-0000-0000-0000-000000000004", 9);
        DeadLetter dCopy = deadLetter("00000000-0000-0000-0000-000000000004", 9);
        UnmatchedAttendance u = unmatched("00000000-0000-0000-0000-000000000005", 6);
        UnmatchedAttendance uCopy = unmatched("00000000-0000-0000-0000-000000000005", 6);

        Batch fresh = batch(first, copy, other, ro, roCopy, ev, evCopy, d, dCopy, u, uCopy).without(Set.of());

        assertThat(fresh.rowsOf(AttendanceMatch.class)).hasSize(2).first().isSameAs(first);
        assertThat(fresh.rowsOf(AttendanceMatch.class).get(1)).isSameAs(other);
        assertThat(fresh.rowsOf(NormalizedRosterEntry.class)).hasSize(1).first().isSameAs(ro);
        assertThat(fresh.rowsOf(NormalizedEventSession.class)).hasSize(1).first().isSameAs(ev);
        assertThat(fresh.deadLetters()).hasSize(1).first().isSameAs(d);
        assertThat(fresh.rowsOf(UnmatchedAttendance.class)).hasSize(1).first().isSameAs(u);
        assertThat(fresh.rowKeys()).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void withoutKeepsControlRecordsEvenForRecordedRuns() {
        RunStarted s = started("00000000-0000-0000-0000-000000000001");
        RunEnded e = ended("00000000-0000-0000-0000-000000000001");
        RunRejected rj = rejected("00000000-0000-0000-0000-000000000001");
        Undecodable bad = new Undecodable("t", "x", 3);
        Object odd = 7L;

        Batch fresh = batch(s, e, rj, matched("00000000-0000-0000-0000-000000000001", 2), bad, odd).without(Set.of(new RowKey("00000000-0000-0000-0000-000000000001", 2)));

        assertThat(fresh.started()).containsExactly(s);
        assertThat(fresh.ended()).containsExactly(e);
        assertThat(fresh.rejected()).containsExactly(rj);
        assertThat(fresh.undecodable()).containsExactly(bad);
        assertThat(fresh.unexpected()).containsExactly(odd);
        assertThat(fresh.rowsOf(AttendanceMatch.class)).isEmpty();
        assertThat(fresh.size()).isEqualTo(3);
    }

    @Test
    void withoutDoesNotChangeTheOriginalBatchOrTheRecordedSet() {
        Batch b = batch(matched("00000000-0000-0000-0000-000000000001", 2), matched("00000000-0000-0000-0000-000000000001", 2), matched("00000000-0000-0000-0000-000000000001", 3));
        Set<RowKey> recorded = new java.util.HashSet<>(Set.of(new RowKey("00000000-0000-0000-0000-000000000001", 3)));

        Batch fresh = b.without(recorded);

        assertThat(fresh.rowsOf(AttendanceMatch.class)).hasSize(1);
        assertThat(b.rowsOf(AttendanceMatch.class)).hasSize(3);
        assertThat(recorded).containsExactly(new RowKey("00000000-0000-0000-0000-000000000001", 3));
    }

    @Test
    void withoutNothingRecordedAndNoDuplicatesKeepsEverything() {
        Batch b = batch(started("00000000-0000-0000-0000-000000000001"), matched("00000000-0000-0000-0000-000000000001", 2), unmatched("00000000-0000-0000-0000-000000000001", 3), deadLetter("00000000-0000-0000-0000-000000000001", 4), ended("00000000-0000-0000-0000-000000000001"));

        Batch fresh = b.without(Set.of());

        assertThat(fresh.size()).isEqualTo(b.size());
        assertThat(fresh.rowKeys()).isEqualTo(b.rowKeys());
    }

    // --- singles ------------------------------------------------------------------------------

    @Test
    void singlesGiveOneBatchPerRecord() {
        RunStarted s = started("00000000-0000-0000-0000-000000000001");
        AttendanceMatch m = matched("00000000-0000-0000-0000-000000000001", 2);
        UnmatchedAttendance u = unmatched("00000000-0000-0000-0000-000000000001", 3);
        DeadLetter d = deadLetter("00000000-0000-0000-0000-000000000001", 4);
        NormalizedRosterEntry ro = roster("00000000-0000-0000-0000-000000000002", 2);
        NormalizedEventSession ev = event("00000000-0000-0000-0000-000000000003", 2);
        RunEnded e = ended("00000000-0000-0000-0000-000000000001");
        RunRejected rj = rejected("00000000-0000-0000-0000-000000000004");
        Batch b = batch(s, m, u, d, ro, ev, e, rj);

        List<Batch> singles = b.singles(STORES);

        assertThat(singles).hasSize(8).allSatisfy(one -> assertThat(one.size()).isEqualTo(1));
        List<Object> records = new ArrayList<>();
        for (Batch one : singles) {
            records.addAll(one.started());
            records.addAll(one.ended());
            records.addAll(one.rejected());
            records.addAll(one.rowsOf(AttendanceMatch.class));
            records.addAll(one.rowsOf(UnmatchedAttendance.class));
            records.addAll(one.deadLetters());
            records.addAll(one.rowsOf(NormalizedRosterEntry.class));
            records.addAll(one.rowsOf(NormalizedEventSession.class));
        }
        assertThat(records).containsExactlyInAnyOrder(s, m, u, d, ro, ev, e, rj);
    }

    @Test
    void singlesPutControlRecordsFirstThenRowsByType() {
        RunStarted s = started("00000000-0000-0000-0000-000000000001");
        RunEnded e = ended("00000000-0000-0000-0000-000000000001");
        AttendanceMatch m = matched("00000000-0000-0000-0000-000000000001", 2);
        NormalizedEventSession ev = event("00000000-0000-0000-0000-000000000001", 3);

        List<Batch> singles = batch(ev, m, e, s).singles(STORES);

        assertThat(singles).hasSize(4);
        assertThat(singles.get(0).started()).containsExactly(s);
        assertThat(singles.get(1).ended()).containsExactly(e);
        assertThat(singles.get(2).rowsOf(AttendanceMatch.class)).containsExactly(m);
        assertThat(singles.get(3).rowsOf(NormalizedEventSession.class)).containsExactly(ev);
    }

    @Test
    void eachSingleRowBatchNamesItsOneRow() {
        Batch b = batch(matched("00000000-0000-0000-0000-000000000001", 2), deadLetter("00000000-0000-0000-0000-000000000001", 3));

        List<Batch> singles = b.singles(STORES);

        assertThat(singles).extracting(Batch::rowKeys)
                .containsExactly(List.of(new RowKey("00000000-0000-0000-0000-000000000001", 2)), List.of(new RowKey("00000000-0000-0000-0000-000000000001", 3)));
    }

    @Test
    void singlesLeaveOutUndecodableAndUnexpected() {
        Batch b = batch(new Undecodable("t", "x", 1), "stray", matched("00000000-0000-0000-0000-000000000001", 2));

        assertThat(b.singles(STORES)).hasSize(1);
        assertThat(b.singles(STORES).get(0).undecodable()).isEmpty();
        assertThat(b.singles(STORES).get(0).unexpected()).isEmpty();
    }

    @Test
    void recordsNoRunCanClaimAreSetAsideNotWritten() {
        DeadLetter unattributed = deadLetter("", 0);
        DeadLetter garbled = deadLetter("not-a-run-id", 3);

        Batch b = Batch.of(List.of(unattributed, garbled), STORES);

        assertThat(b.deadLetters()).isEmpty();
        assertThat(b.unexpected()).containsExactly(unattributed, garbled);
        assertThat(b.size()).isZero();
    }

    @Test
    void rowsOfDryRunsAreSeparatedFromRowsThatWrite() {
        String run = "00000000-0000-0000-0000-000000000007";
        NormalizedRosterEntry commit = roster(run, 2);
        NormalizedRosterEntry dry = NormalizedRosterEntry.newBuilder(roster(run, 3))
                .setMode(org.polaris.schemas.avro.RunMode.VALIDATE).build();

        Batch b = Batch.of(List.of(commit, dry, started(run)), STORES);

        assertThat(b.committing().rowsOf(NormalizedRosterEntry.class)).containsExactly(commit);
        assertThat(b.validating().rowsOf(NormalizedRosterEntry.class)).containsExactly(dry);
        assertThat(b.validating().started()).isEmpty();
    }
}
