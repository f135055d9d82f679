package org.polaris.salesforce.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratedOrgTest {

    private static final Org ORG = new Org();

    @BeforeAll
    static void fill() {
        GeneratedOrg.fill(ORG, 1000, 42);
    }

    private static int count(String soql) {
        return ORG.query(soql, false).totalSize();
    }

    @Test
    void sameSeedSameOrg() {
        Org again = new Org();
        GeneratedOrg.fill(again, 1000, 42);

        for (String sobject : ORG.sobjects()) {
            assertThat(again.records(sobject)).as(sobject).isEqualTo(ORG.records(sobject));
        }
        assertThat(again.clock()).isEqualTo(ORG.clock()).isEqualTo(Instant.parse("2026-01-01T00:35:26Z"));
    }

    @Test
    void countsScaleWithContacts() {
        Map<String, String> counts = new LinkedHashMap<>();
        ORG.sobjects().forEach(s -> counts.put(s, ORG.count(s) + "/" + ORG.countAll(s)));

        assertThat(counts).containsExactly(
                Map.entry("Account", "35/35"), // 20 organizations, 5 districts, 10 schools
                Map.entry("Contact", "990/1000"),
                Map.entry("npe5__Affiliation__c", "281/281"),
                Map.entry("Session__c", "200/200"),
                Map.entry("Session_Participant__c", "400/400"),
                Map.entry("Class__c", "50/50"),
                Map.entry("Task", "100/100"),
                Map.entry("EmailMessage", "50/50"));
        assertThat(count("SELECT COUNT() FROM Account WHERE Type = 'School District'")).isEqualTo(5);
        assertThat(count("SELECT COUNT() FROM Account WHERE Type = 'School' AND ParentId != null")).isEqualTo(10);
    }

    @Test
    void contactTypesFollowTheMix() {
        assertThat(count("SELECT COUNT() FROM Contact WHERE Contact_Type__c = 'Volunteer'")).isEqualTo(527);
        assertThat(count("SELECT COUNT() FROM Contact WHERE Contact_Type__c = null")).isEqualTo(101);
        assertThat(count("SELECT COUNT() FROM Contact WHERE Contact_Type__c = 'Teacher'")).isEqualTo(100);
        assertThat(count("SELECT COUNT() FROM Contact WHERE Contact_Type__c = 'Student'")).isEqualTo(204);
        assertThat(count("SELECT COUNT() FROM Contact WHERE Contact_Type__c IN ('Parent', 'Alumni', 'Board Member')")).isEqualTo(58);
    }

    @Test
    void theMessIsThere() {
        assertThat(ORG.get("Account", "001000000000000001").get("Name")).isEqualTo("O'Brien Industries");
        assertThat(count("SELECT COUNT() FROM Account WHERE Type NOT IN ('School', 'School District', 'Business', 'Non-Profit', 'Government')")).isEqualTo(3);
        assertThat(count("SELECT COUNT() FROM Contact WHERE Gender__c = 'Woman'")).isEqualTo(11);
        assertThat(count("SELECT COUNT() FROM Contact WHERE Age_Group__c = 'Unknown'")).isEqualTo(13);
        assertThat(count("SELECT COUNT() FROM Contact WHERE LastName = null")).isEqualTo(6);
        assertThat(count("SELECT COUNT() FROM Contact WHERE LastName LIKE '%\\'%'")).isEqualTo(60);
        assertThat(count("SELECT COUNT() FROM Contact WHERE Email LIKE ' %'")).isEqualTo(24);
        assertThat(count("SELECT COUNT() FROM Contact WHERE Email != null AND (NOT Email LIKE '%@%.%')")).isEqualTo(18);
        assertThat(count("SELECT COUNT() FROM Session__c WHERE Session_Type__c = 'Connector Session'")).isEqualTo(2);
        assertThat(count("SELECT COUNT() FROM Session__c WHERE Session_Status__c = 'Postponed'")).isEqualTo(2);
        assertThat(count("SELECT COUNT() FROM Session_Participant__c WHERE Contact__c LIKE '0039%' OR Session__c LIKE 'a0A9%'")).isEqualTo(7);
        assertThat(count("SELECT COUNT() FROM Task WHERE WhoId LIKE '0039%'")).isEqualTo(1);
        assertThat(count("SELECT COUNT() FROM EmailMessage WHERE ToAddress LIKE '%@nowhere.example.com'")).isEqualTo(1);
        assertThat(count("SELECT COUNT() FROM Task WHERE Description LIKE '%\\n%' OR Description LIKE '%\"%' OR Description LIKE '%,%'")).isEqualTo(56);
    }

    @Test
    void sessionsAreConsistent() {
        List<Map<String, Object>> sessions = ORG.records("Session__c");
        Instant from = Instant.parse("2025-08-01T00:00:00Z");
        Instant to = Instant.parse("2026-07-01T00:00:00Z");
        long bad = sessions.stream().filter(s -> {
            Instant start = (Instant) s.get("Start_Date_and_Time__c");
            Instant end = (Instant) s.get("End_Date_and_Time__c");
            Duration length = Duration.between(start, end);
            boolean virtual = "Virtual Session".equals(s.get("Session_Type__c")) || "Virtual".equals(s.get("Format__c"));
            return start.isBefore(from) || !end.isBefore(to)
                    || length.compareTo(Duration.ofHours(1)) < 0 || length.compareTo(Duration.ofHours(2)) > 0
                    || virtual != (s.get("Pathful_Session_Id__c") instanceof String id && id.startsWith("SFPS-"))
                    || s.get("District__c") != null
                            && !ORG.get("Account", (String) s.get("School__c")).get("ParentId").equals(s.get("District__c"));
        }).count();

        assertThat(bad).isZero();
        assertThat(count("SELECT COUNT() FROM Session__c WHERE District__c = null")).isEqualTo(20);
        assertThat(count("SELECT COUNT() FROM Session__c WHERE School__c = null")).isEqualTo(7);
        assertThat(count("SELECT COUNT() FROM Session__c WHERE Pathful_Session_Id__c != null")).isEqualTo(64);
    }

    @Test
    void participantsMatchTheirTypeUnlessOrphaned() {
        Map<String, Object> typeOf = ORG.records("Contact").stream()
                .collect(Collectors.toMap(c -> (String) c.get("Id"), c -> String.valueOf(c.get("Contact_Type__c"))));
        long mismatched = ORG.records("Session_Participant__c").stream()
                .filter(p -> typeOf.containsKey(p.get("Contact__c")))
                .filter(p -> !typeOf.get(p.get("Contact__c")).equals(p.get("Participant_Type__c")))
                .count();
        Set<Object> hours = ORG.records("Session_Participant__c").stream()
                .map(p -> p.get("Delivery_Hours__c")).collect(Collectors.toSet());

        assertThat(mismatched).isZero();
        assertThat(hours).containsExactlyInAnyOrder(null, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0);
    }

    @Test
    void benchmarkScaleIsReachable() {
        Org big = new Org();
        GeneratedOrg.fill(big, 100_000, 20_000, 200_000, 7);

        assertThat(big.countAll("Contact")).isEqualTo(100_000);
        assertThat(big.count("Contact")).isEqualTo(98_969);
        assertThat(big.countAll("Session__c")).isEqualTo(20_000);
        assertThat(big.countAll("Session_Participant__c")).isEqualTo(200_000);
        assertThat(big.countAll("Account")).isEqualTo(2000 + 5 + 1000);
    }
}
