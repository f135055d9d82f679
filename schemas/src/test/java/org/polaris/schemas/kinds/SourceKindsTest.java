package org.polaris.schemas.kinds;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceKindsTest {

    @Test
    void theBuiltInKindsAreRegisteredInOrder() {
        assertThat(SourceKinds.all()).extracting(SourceKind::id)
                .containsExactly("PATHFUL", "ROSTER", "EVENTS", "VIRTUAL_SESSIONS", "TEACHERS", "REMATCH", "SF_ORGANIZATIONS", "SF_VOLUNTEERS", "SF_AFFILIATIONS",
                        "SF_SCHOOLS", "SF_CLASSES", "SF_TEACHERS", "SF_EVENTS", "SF_EVENT_PARTICIPATIONS", "SF_HISTORY", "SF_STUDENT_PARTICIPATIONS",
                        "SF_STUDENTS");
        assertThat(SourceKinds.slugs()).containsExactly("pathful", "roster", "events", "virtual_sessions", "teachers", "rematch",
                "salesforce-organizations", "salesforce-volunteers", "salesforce-affiliations", "salesforce-schools", "salesforce-classes", "salesforce-teachers", "salesforce-events",
                "salesforce-event-participations", "salesforce-history", "salesforce-student-participations", "salesforce-students");
    }

    @Test
    void kindsAreFoundByIdImportNameAndSheetPurpose() {
        assertThat(SourceKinds.byId("ROSTER")).get().extracting(SourceKind::rawTopic).isEqualTo(Topics.RAW_ROSTER);
        assertThat(SourceKinds.bySlug("Virtual-Sessions")).get().extracting(SourceKind::id).isEqualTo("VIRTUAL_SESSIONS");
        assertThat(SourceKinds.bySlug("unknown")).isEmpty();
        assertThat(SourceKinds.bySheetPurpose("teacher_progress_tracking")).get().extracting(SourceKind::id)
                .isEqualTo("ROSTER");
        assertThat(SourceKinds.bySheetPurpose("virtual_sessions")).get().extracting(SourceKind::id)
                .isEqualTo("VIRTUAL_SESSIONS");
        assertThat(SourceKinds.bySheetPurpose("other")).isEmpty();
    }

    @Test
    void theCatalogueListsEveryKindsTopicsOnce() {
        List<String> names = Topics.all().stream().map(Topic::name).toList();
        assertThat(names).doesNotHaveDuplicates().contains("polaris.raw.pathful", "polaris.raw.teachers",
                "polaris.normalized.virtual-sessions", "polaris.attendance.matched", "polaris.runs.summaries");
        assertThat(names).hasSize(41);
        assertThat(Topics.raw()).extracting(Topic::name).containsExactly("polaris.raw.pathful", "polaris.raw.roster",
                "polaris.raw.events", "polaris.raw.virtual-sessions", "polaris.raw.teachers", "polaris.raw.rematch",
                "polaris.raw.salesforce.organizations", "polaris.raw.salesforce.volunteers",
                "polaris.raw.salesforce.affiliations", "polaris.raw.salesforce.schools",
                "polaris.raw.salesforce.classes", "polaris.raw.salesforce.teachers", "polaris.raw.salesforce.events",
                "polaris.raw.salesforce.event-participations", "polaris.raw.salesforce.history", "polaris.raw.salesforce.student-participations",
                "polaris.raw.salesforce.students");
        assertThat(Topics.writerInputs()).extracting(Topic::name).containsExactly("polaris.attendance.matched",
                "polaris.attendance.unmatched", "polaris.normalized.roster", "polaris.normalized.events",
                "polaris.normalized.virtual-sessions", "polaris.normalized.teachers",
                "polaris.normalized.salesforce.organizations", "polaris.normalized.salesforce.volunteers",
                "polaris.normalized.salesforce.affiliations", "polaris.normalized.salesforce.schools",
                "polaris.normalized.salesforce.classes", "polaris.normalized.salesforce.teachers", "polaris.normalized.salesforce.events",
                "polaris.normalized.salesforce.event-participations", "polaris.normalized.salesforce.history",
                "polaris.normalized.salesforce.student-participations", "polaris.normalized.salesforce.students",
                "polaris.deadletter",
                "polaris.runs.events");
    }

    @Test
    void aSalesforceKindPrintsPlaybookDsBlockAndTakesNoUploads() {
        SourceKind<?> events = SourceKinds.bySlug("salesforce-events").orElseThrow();
        Map<String, Integer> counts = RunCounts.of(10, 4, 3, 1, 0, 0, 2, 1, Map.of("deleted", 1, "status:Completed", 6));
        assertThat(events.summary(counts)).containsExactly(
                new SummaryLine.Value("Total Records", 10),
                new SummaryLine.Value("Successful", 8),
                new SummaryLine.Value("Created", 4),
                new SummaryLine.Value("Updated", 3),
                new SummaryLine.Value("Errors", 2),
                new SummaryLine.Value("Deleted", 1),
                new SummaryLine.Value("Skipped (invalid)", 2));
        assertThat(events.access()).isEqualTo(SourceKind.Access.ADMINS);
        assertThat(events.fileUploads()).isFalse();
        assertThat(SourceKinds.byId("PATHFUL").orElseThrow().fileUploads()).isTrue();
    }

    @Test
    void theExpectedOutputBlockIsTheKindsLabelsOverTheRunsCounts() {
        Map<String, Integer> counts = RunCounts.of(10, 5, 2, 1, 0, 0, 2, 0, Map.of("deactivated", 3));
        assertThat(SourceKinds.byId("ROSTER").orElseThrow().summary(counts)).containsExactly(
                new SummaryLine.Value("Teachers imported", 8),
                new SummaryLine.Value("Teachers created", 5),
                new SummaryLine.Value("Teachers updated", 2),
                new SummaryLine.Value("Rows skipped", 1),
                new SummaryLine.Value("Teachers deactivated", 3),
                new SummaryLine.Value("Rows invalid", 2));
        assertThat(SourceKinds.byId("ROSTER").orElseThrow().reported(counts)).containsExactly(
                Map.entry("processed", 10), Map.entry("created", 5), Map.entry("updated", 2), Map.entry("skipped", 1),
                Map.entry("deactivated", 3), Map.entry("invalid", 2), Map.entry("warnings", 0));
    }

    @Test
    void twoKindsClaimingOneIdAreRefusedNamingBoth() {
        assertThatThrownBy(() -> SourceKinds.check(List.of(new PathfulKind(), new Impostor())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PathfulKind").hasMessageContaining("both claim the id PATHFUL");
    }

    /** A second kind that claims Pathful's id. */
    private static final class Impostor implements SourceKind<org.polaris.schemas.avro.NormalizedEventSession> {
        private final EventsKind events = new EventsKind();

        @Override
        public String id() {
            return "PATHFUL";
        }

        @Override
        public String label() {
            return "Impostor";
        }

        @Override
        public String slug() {
            return "impostor";
        }

        @Override
        public Topic<String, org.polaris.schemas.avro.RawRecord> rawTopic() {
            return Topics.raw("polaris.raw.impostor");
        }

        @Override
        public Topic<String, org.polaris.schemas.avro.NormalizedEventSession> normalizedTopic() {
            return events.normalizedTopic();
        }

        @Override
        public Class<org.polaris.schemas.avro.NormalizedEventSession> valueType() {
            return events.valueType();
        }

        @Override
        public String key(org.polaris.schemas.avro.NormalizedEventSession e) {
            return events.key(e);
        }

        @Override
        public List<SummaryLine> expectedOutput() {
            return events.expectedOutput();
        }
    }
}
