package org.polaris.normalizer;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.polaris.normalizer.mapping.AliasMapping;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.rows.EventRows;
import org.polaris.normalizer.rows.PathfulRows;
import org.polaris.normalizer.rows.RosterRows;
import org.polaris.normalizer.rows.TeacherRows;
import org.polaris.normalizer.rows.VirtualSessionRows;
import org.polaris.schemas.avro.RawRow;

/**
 * Shared test fixtures: the alias mapping of META-INF/microprofile-config.properties (built by
 * hand, no config runtime) and raw rows as ingest publishes them.
 */
public final class Fixtures {

    public static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    public static final String MAPPING_VERSION = "1";

    /** The rules of the built-in kinds, as CDI finds them in the application. */
    public static final org.polaris.normalizer.rules.Picklists PICKLISTS = shippedPicklists();
    public static final List<KindRules<?>> RULES = List.of(new PathfulRows(), new RosterRows(), new EventRows(),
            new VirtualSessionRows(), new TeacherRows(),
            new org.polaris.normalizer.rows.salesforce.SfOrganizationRows(),
            new org.polaris.normalizer.rows.salesforce.SfSchoolRows(),
            new org.polaris.normalizer.rows.salesforce.SfTeacherRows(PICKLISTS),
            new org.polaris.normalizer.rows.salesforce.SfEventRows(PICKLISTS),
            new org.polaris.normalizer.rows.salesforce.SfParticipationRows(PICKLISTS),
            new org.polaris.normalizer.rows.salesforce.SfVolunteerRows(PICKLISTS),
            new org.polaris.normalizer.rows.salesforce.SfStudentRows(PICKLISTS),
            new org.polaris.normalizer.rows.salesforce.SfStudentParticipationRows(PICKLISTS),
            new org.polaris.normalizer.rows.salesforce.SfAffiliationRows(),
            new org.polaris.normalizer.rows.salesforce.SfClassRows(),
            new org.polaris.normalizer.rows.salesforce.SfHistoryRows());

    private Fixtures() {
    }

    /** The picklist tables as shipped in microprofile-config.properties. */
    private static org.polaris.normalizer.rules.Picklists shippedPicklists() {
        java.util.Properties p = new java.util.Properties();
        try (var in = Fixtures.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            p.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, List<String>> tables = new HashMap<>();
        String prefix = "polaris.mapping.picklists.";
        p.stringPropertyNames().stream().filter(n -> n.startsWith(prefix)).forEach(n -> tables.put(
                n.substring(prefix.length()), List.of(p.getProperty(n).split(","))));
        return new org.polaris.normalizer.rules.Picklists(tables);
    }

    /** The default alias mapping, as shipped in microprofile-config.properties. */
    public static AliasMapping defaultMapping() {
        Map<String, Map<String, List<String>>> aliases = new HashMap<>();
        aliases.put("PATHFUL", Map.of(
                "session-id", List.of("SessionId", "Session ID"),
                "event-id", List.of("EventId", "Event ID"),
                "teacher-email", List.of("TeacherEmail", "Teacher Email"),
                "session-start", List.of("SessionStart", "Session Start"),
                "attendance-status", List.of("AttendanceStatus", "Attendance Status"),
                "participant-type", List.of("ParticipantType", "Participant Type")));
        aliases.put("ROSTER", Map.of(
                "teacher-email", List.of("Teacher Email", "Email"),
                "teacher-name", List.of("Teacher Name", "Name"),
                "building", List.of("School or Building", "School", "Building"),
                "grade", List.of("Grade"),
                "academic-year", List.of("Academic Year"),
                "virtual-year", List.of("Virtual Year"),
                "target-sessions", List.of("Target Sessions"),
                "district", List.of("District")));
        aliases.put("EVENTS", Map.of(
                "session-id", List.of("Session ID", "SessionId"),
                "title", List.of("Session Title", "Title"),
                "date", List.of("Date"),
                "time", List.of("Time")));
        aliases.put("VIRTUAL_SESSIONS", Map.of(
                "session-title", List.of("Session Title", "Title"),
                "teacher-name", List.of("Teacher Name", "Teacher"),
                "school-name", List.of("School Name", "School"),
                "session-id", List.of("Session ID", "SessionId")));
        aliases.put("TEACHERS", Map.of(
                "teacher-id", List.of("Teacher ID", "Salesforce ID", "Id"),
                "first-name", List.of("First Name", "FirstName"),
                "last-name", List.of("Last Name", "LastName"),
                "email", List.of("Email", "Teacher Email")));
        return new AliasMapping(MAPPING_VERSION, aliases);
    }

    /** The contract of a built-in kind, as its rules give it. */
    public static List<Field> contract(String kind) {
        return RULES.stream().filter(r -> r.kind().id().equals(kind)).findFirst().orElseThrow().contract();
    }

    /** Ordered cells from alternating header/value pairs. */
    public static Map<String, String> cells(String... headerValuePairs) {
        if (headerValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("header/value pairs expected");
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < headerValuePairs.length; i += 2) {
            cells.put(headerValuePairs[i], headerValuePairs[i + 1]);
        }
        return cells;
    }

    public static RawRow row(String kind, String window, int rowNumber, Map<String, String> cells) {
        return RawRow.newBuilder().setRunId("run-1").setKind(kind).setRowNumber(rowNumber)
                .setSourceRef(kind.toLowerCase() + ".csv").setWindow(window).setCells(cells).build();
    }
}
