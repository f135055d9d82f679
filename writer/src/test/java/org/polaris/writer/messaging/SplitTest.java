package org.polaris.writer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.polaris.schemas.avro.AttendanceMatch;
import org.polaris.schemas.avro.AttendanceStatus;
import org.polaris.schemas.avro.EventSession;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.NormalizedSfOrganization;
import org.polaris.schemas.avro.RunEnded;
import org.polaris.writer.Batch;
import org.polaris.writer.Stores;
import org.polaris.writer.kinds.AttendanceStore;
import org.polaris.writer.kinds.salesforce.SfOrganizationStore;

class SplitTest {

    private static final String RUN = "0b6f2a4e-1d55-4a8e-9a57-5b1c8c7f0a11";
    private static final Stores STORES = Stores.of(List.of(new SfOrganizationStore(), new AttendanceStore()));

    private static NormalizedSfOrganization org(int row) {
        return NormalizedSfOrganization.newBuilder().setRunId(RUN).setRowNumber(row).setSalesforceId("001" + row)
                .setName("Org " + row).build();
    }

    /** A Pathful row as the writer takes it: matched attendance (a kind whose rows build on each other). */
    private static AttendanceMatch attendance(int row) {
        return attendance(row, "S-" + row, row, "t" + row + "@school.org");
    }

    /** A matched Pathful row: Pathful's EventId, the event row it matched, the teacher's email. */
    private static AttendanceMatch attendance(int row, String eventId, long eventDbId, String email) {
        return AttendanceMatch.newBuilder().setAttendance(NormalizedAttendance.newBuilder().setRunId(RUN)
                .setRowNumber(row).setAcademicYear("2026-27").setSessionId(eventId).setEventId(eventId)
                .setTeacherEmail(email).setSessionStart(1_795_000_000_000L)
                .setSessionDate("2026-11-28").setSessionZone("America/Chicago").setStatus(AttendanceStatus.ATTENDED)
                .build())
                .setEvent(EventSession.newBuilder().setSessionId(eventId).setEventDbId(eventDbId).setTitle("Session")
                        .setStart(1_795_000_000_000L).build())
                .build();
    }

    private static RunEnded end() {
        return RunEnded.newBuilder().setRunId(RUN).setKind("SF_ORGANIZATIONS").setRowCount(1000)
                .setRawTopic("polaris.raw.salesforce.organizations").setRawPartition(0).setEndedAt(0L).build();
    }

    private record Poll(List<Object> payloads, List<String> keys) {
    }

    private static Poll orgs(int n, boolean withEnd) {
        List<Object> payloads = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 2; i < n + 2; i++) {
            payloads.add(org(i));
            keys.add("001" + i);
            if (withEnd && i == n / 2) {
                payloads.add(end());
                keys.add(RUN);
            }
        }
        return new Poll(payloads, keys);
    }

    @Test
    void aPollOfIndependentRowsIsSplitByKeyWithTheRunMarkersFirst() {
        Poll p = orgs(1000, true);
        Split.Parts parts = Split.byKey(Batch.of(p.payloads(), STORES), p.payloads(), p.keys(), STORES, 2);

        assertThat(parts.first().ended()).hasSize(1);
        assertThat(parts.first().rows()).isEmpty();
        assertThat(parts.parts()).hasSize(2);
        assertThat(parts.parts()).allSatisfy(b -> assertThat(b.ended()).isEmpty());
        // every row once, each key in one part only, in the poll's order within its part
        List<Integer> rows = parts.parts().stream().flatMap(b -> b.rows().stream())
                .map(r -> r.ref().rowNumber()).sorted().toList();
        assertThat(rows).hasSize(1000).doesNotHaveDuplicates();
        for (Batch b : parts.parts()) {
            List<Integer> inPart = b.rows().stream().map(r -> r.ref().rowNumber()).toList();
            assertThat(inPart).isSorted();
            Set<Integer> buckets = b.rows().stream()
                    .map(r -> Math.floorMod(("001" + r.ref().rowNumber()).hashCode(), 2)).collect(Collectors.toSet());
            assertThat(buckets).hasSize(1);
        }
    }

    @Test
    void twoChangesOfOneKeyStayInOnePartInOrder() {
        Poll p = orgs(600, false);
        NormalizedSfOrganization again = org(7);
        again.setRowNumber(900);
        p.payloads().add(again);
        p.keys().add("0017");
        Split.Parts parts = Split.byKey(Batch.of(p.payloads(), STORES), p.payloads(), p.keys(), STORES, 2);

        Batch withKey = parts.parts().stream().filter(b -> b.rows().stream()
                .anyMatch(r -> r.ref().rowNumber() == 7)).findFirst().orElseThrow();
        List<Integer> inPart = withKey.rows().stream().map(r -> r.ref().rowNumber()).toList();
        assertThat(inPart).contains(7, 900);
        assertThat(inPart.indexOf(7)).isLessThan(inPart.indexOf(900));
    }

    @Test
    void aSmallPollIsOneTransaction() {
        Poll p = orgs(499, true);
        Batch batch = Batch.of(p.payloads(), STORES);
        Split.Parts parts = Split.byKey(batch, p.payloads(), p.keys(), STORES, 2);

        assertThat(parts.first()).isNull();
        assertThat(parts.parts()).containsExactly(batch);
    }

    @Test
    void pathfulRowsAreSplitByTheRowTheyWriteNotByTheirKafkaKey() {
        List<Object> payloads = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 2; i < 1002; i++) {
            payloads.add(attendance(i));
            keys.add("S-" + i + "|t" + i + "@school.org");
        }
        // two rows of one participation (event row 7, one email) under two Pathful EventIds: their
        // Kafka keys differ, the row they write does not, so they stay in one part, in order
        payloads.add(attendance(2000, "S-A", 7, "same@school.org"));
        keys.add("S-A|same@school.org");
        payloads.add(attendance(2001, "S-B", 7, "same@school.org"));
        keys.add("S-B|same@school.org");
        Batch attendanceOnly = Batch.of(payloads, STORES);
        Split.Parts parts = Split.byKey(attendanceOnly, payloads, keys, STORES, 2);

        assertThat(parts.parts()).hasSize(2);
        assertThat(parts.parts().stream().mapToInt(b -> b.rows().size()).sum()).isEqualTo(1002);
        Batch withBoth = parts.parts().stream()
                .filter(b -> b.rows().stream().anyMatch(r -> r.ref().rowNumber() == 2000)).findFirst().orElseThrow();
        List<Integer> inPart = withBoth.rows().stream().map(r -> r.ref().rowNumber()).toList();
        assertThat(inPart).contains(2000, 2001);
        assertThat(inPart.indexOf(2000)).isLessThan(inPart.indexOf(2001));
    }

    @Test
    void mixedPollsAreOneTransaction() {
        Poll p = orgs(1000, false);
        p.payloads().add(attendance(5000));
        p.keys().add("S-5000");
        Batch mixed = Batch.of(p.payloads(), STORES);
        assertThat(Split.byKey(mixed, p.payloads(), p.keys(), STORES, 2).parts()).containsExactly(mixed);
    }

    @Test
    void concurrencyOneNeverSplits() {
        Poll p = orgs(2000, false);
        Batch batch = Batch.of(p.payloads(), STORES);
        assertThat(Split.byKey(batch, p.payloads(), p.keys(), STORES, 1).parts()).containsExactly(batch);
    }
}
