package org.polaris.normalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polaris.normalizer.Fixtures.cells;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.normalizer.Normalizer.Output;
import org.polaris.normalizer.mapping.KindMapping;
import org.polaris.normalizer.mapping.MappingSource;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.avro.RunEvent;
import org.polaris.schemas.avro.RunRejected;
import org.polaris.schemas.avro.RunStarted;

/**
 * Mapping versions as runs see them: a run reads its header and all its rows through the version
 * current at its start, whatever changes meanwhile; a later run reads through the new one; rows of a
 * run this instance did not see start read through the version current when they were published.
 */
class MappingVersionsTest {

    private static final List<String> EDUCATOR_HEADER = List.of("SessionId", "EventId", "EducatorEmail", "SessionStart",
            "AttendanceStatus");
    private static final long CHANGED_AT = 1_700_000_500_000L;

    /** Version 1 (the configuration's) until {@link #change}, then version 2, which maps EducatorEmail. */
    private static final class ChangingMappings implements MappingSource {
        final KindMapping v1 = Fixtures.defaultMapping().current("PATHFUL");
        final KindMapping v2;
        boolean changed;

        ChangingMappings() {
            Map<String, List<String>> aliases = new HashMap<>(v1.aliases());
            aliases.put("teacher-email", List.of("TeacherEmail", "EducatorEmail"));
            v2 = new KindMapping("PATHFUL", "pathful-v2", aliases, KindMapping.ExtraColumns.WARN);
        }

        void change() {
            changed = true;
        }

        @Override
        public KindMapping current(String kind) {
            return changed ? v2 : v1;
        }

        @Override
        public KindMapping asOf(String kind, long epochMillis) {
            return epochMillis < CHANGED_AT ? v1 : v2;
        }
    }

    private final ChangingMappings mappings = new ChangingMappings();
    private final Normalizer normalizer = new Normalizer(mappings, Fixtures.CHICAGO, Fixtures.RULES);

    private static RawRecord started(String run, List<String> header) {
        return RawRecord.newBuilder().setPayload(RunStarted.newBuilder().setRunId(run).setKind("PATHFUL")
                .setSourceRef("export.csv").setWindow("2024-2025").setTriggeredBy("ops").setHeader(header)
                .setStartedAt(1L).build()).build();
    }

    private static RawRecord educatorRow(String run) {
        RawRow row = Fixtures.row("PATHFUL", "2024-2025", 2, cells("SessionId", "S-1", "EventId", "E-1", "EducatorEmail",
                "ana@kckps.org", "SessionStart", "2025-03-05 14:15", "AttendanceStatus", "Completed"));
        row.setRunId(run);
        return RawRecord.newBuilder().setPayload(row).build();
    }

    private static Object payload(Output out) {
        return ((RunEvent) out.value()).getPayload();
    }

    @Test
    void aRunKeepsTheVersionItStartedUnderAndTheNextRunTakesTheNewOne() {
        List<Output> first = normalizer.apply(started("run-a", EDUCATOR_HEADER), 1L);
        assertThat(((RunStarted) payload(first.get(0))).getMappingVersion()).isEqualTo("pathful-v1");
        // the reason names EducatorEmail as the closest header: no second warning about it as an extra column
        assertThat(((RunStarted) payload(first.get(0))).getWarnings()).isEmpty();
        assertThat(((RunRejected) payload(first.get(1))).getMappingVersion()).isEqualTo("pathful-v1");

        mappings.change();

        // run-a was rejected under v1: its rows stay out even though v2 would read them
        assertThat(normalizer.apply(educatorRow("run-a"), CHANGED_AT + 1)).isEmpty();
        // run-b starts under v2 and its rows are read through it
        List<Output> second = normalizer.apply(started("run-b", EDUCATOR_HEADER), CHANGED_AT + 2);
        assertThat(second).hasSize(1);
        assertThat(((RunStarted) payload(second.get(0))).getMappingVersion()).isEqualTo("pathful-v2");
        List<Output> row = normalizer.apply(educatorRow("run-b"), CHANGED_AT + 3);
        assertThat(row).singleElement().extracting(Output::value).isInstanceOfSatisfying(NormalizedAttendance.class,
                a -> assertThat(a.getTeacherEmail()).isEqualTo("ana@kckps.org"));
    }

    @Test
    void rowsOfARunNotSeenStartingReadThroughTheVersionOfTheirPublishTime() {
        mappings.change();

        // published before the change: v1 does not read EducatorEmail, the run was rejected then
        assertThat(normalizer.apply(educatorRow("run-c"), CHANGED_AT - 1)).isEmpty();
        // published after it: v2 reads it
        assertThat(normalizer.apply(educatorRow("run-d"), CHANGED_AT + 1)).singleElement().extracting(Output::value)
                .isInstanceOf(NormalizedAttendance.class);
    }

    @Test
    void extraColumnsAreAWarningOnTheStartMarker() {
        List<String> header = List.of("SessionId", "EventId", "TeacherEmail", "SessionStart", "AttendanceStatus", "Room");

        RunStarted forwarded = (RunStarted) payload(normalizer.apply(started("run-e", header), 1L).get(0));

        assertThat(forwarded.getWarnings()).containsExactly("column \"Room\" is not in the pathful mapping (pathful-v1) "
                + "and was not read; map one with bin/polaris mappings set pathful FIELD --alias NAME, or hide this warning "
                + "with bin/polaris mappings policy pathful --extra-columns ignore");
    }
}
