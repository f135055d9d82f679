package org.polaris.salesforce.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.polaris.salesforce.peer.Soql.And;
import org.polaris.salesforce.peer.Soql.Comparison;
import org.polaris.salesforce.peer.Soql.Condition;
import org.polaris.salesforce.peer.Soql.In;
import org.polaris.salesforce.peer.Soql.Like;
import org.polaris.salesforce.peer.Soql.Not;
import org.polaris.salesforce.peer.Soql.Op;
import org.polaris.salesforce.peer.Soql.Or;
import org.polaris.salesforce.peer.Soql.Order;
import org.polaris.salesforce.peer.Soql.Query;

class SoqlTest {

    @Nested
    class Parsing {

        @Test
        void selectWithEveryClause() {
            Query q = Soql.parse("SELECT Id, FirstName, LastName FROM Contact WHERE LastName = 'Smith' "
                    + "ORDER BY LastName DESC NULLS LAST, FirstName LIMIT 10 OFFSET 5");

            assertThat(q).isEqualTo(new Query("Contact", List.of("Id", "FirstName", "LastName"), false,
                    new Comparison("LastName", Op.EQ, "Smith"),
                    List.of(new Order("LastName", true, false), new Order("FirstName", false, true)), 10, 5));
        }

        @Test
        void keywordsAreCaseInsensitiveAndNamesKeepTheirSpelling() {
            Query q = Soql.parse("select id, lastName from contact where lastName != null order by id asc nulls first limit 3");

            assertThat(q).isEqualTo(new Query("contact", List.of("id", "lastName"), false,
                    new Comparison("lastName", Op.NE, null), List.of(new Order("id", false, true)), 3, null));
        }

        @Test
        void countQuery() {
            Query q = Soql.parse("SELECT COUNT() FROM Session__c WHERE Session_Status__c = 'Completed'");

            assertThat(q).isEqualTo(new Query("Session__c", List.of(), true,
                    new Comparison("Session_Status__c", Op.EQ, "Completed"), List.of(), null, null));
        }

        @Test
        void literalsBecomeJavaValues() {
            Condition where = Soql.parse("SELECT Id FROM X WHERE a = 'O\\'Neil' AND b = 'back\\\\slash\\n' AND c = 12.50 "
                    + "AND d = -3 AND e = true AND f = FALSE AND g = null AND h = 2026-01-05 "
                    + "AND i = 2026-01-01T00:00:00Z AND j = 2026-01-01T02:00:00+02:00 AND k = 2026-01-01T00:00:00.250-0100").where();

            assertThat(where).isEqualTo(new And(List.of(
                    new Comparison("a", Op.EQ, "O'Neil"),
                    new Comparison("b", Op.EQ, "back\\slash\n"),
                    new Comparison("c", Op.EQ, new BigDecimal("12.50")),
                    new Comparison("d", Op.EQ, new BigDecimal("-3")),
                    new Comparison("e", Op.EQ, true),
                    new Comparison("f", Op.EQ, false),
                    new Comparison("g", Op.EQ, null),
                    new Comparison("h", Op.EQ, LocalDate.of(2026, 1, 5)),
                    new Comparison("i", Op.EQ, Instant.parse("2026-01-01T00:00:00Z")),
                    new Comparison("j", Op.EQ, Instant.parse("2026-01-01T00:00:00Z")),
                    new Comparison("k", Op.EQ, Instant.parse("2026-01-01T01:00:00.250Z")))));
        }

        @Test
        void everyComparisonOperator() {
            Condition where = Soql.parse("SELECT Id FROM X WHERE (a = 1 AND b != 2 AND c <> 3 AND d < 4 AND e <= 5 AND f > 6 AND g >= 7)").where();

            assertThat(where).isEqualTo(new And(List.of(
                    new Comparison("a", Op.EQ, BigDecimal.ONE), new Comparison("b", Op.NE, new BigDecimal("2")),
                    new Comparison("c", Op.NE, new BigDecimal("3")), new Comparison("d", Op.LT, new BigDecimal("4")),
                    new Comparison("e", Op.LE, new BigDecimal("5")), new Comparison("f", Op.GT, new BigDecimal("6")),
                    new Comparison("g", Op.GE, new BigDecimal("7")))));
        }

        @Test
        void inNotInLikeNotAndParentheses() {
            Condition where = Soql.parse("SELECT Id FROM Contact WHERE (Type__c IN ('a', 'b', null) OR Type__c NOT IN ('c')) "
                    + "AND NOT Email LIKE '%@example.org' AND NOT (A = 'x' OR B = 'y')").where();

            assertThat(where).isEqualTo(new And(List.of(
                    new Or(List.of(new In("Type__c", Arrays.asList("a", "b", null), false), new In("Type__c", List.of("c"), true))),
                    new Not(new Like("Email", "%@example.org")),
                    new Not(new Or(List.of(new Comparison("A", Op.EQ, "x"), new Comparison("B", Op.EQ, "y")))))));
        }

        @Test
        void referencedFieldsInOrderFirstMentioned() {
            Query q = Soql.parse("SELECT Id, Name FROM Account WHERE (Type = 'School' OR ParentId != null) AND Name LIKE 'A%' ORDER BY BillingCity");

            assertThat(q.referencedFields()).containsExactly("Id", "Name", "Type", "ParentId", "BillingCity");
        }

        @Test
        void mixingAndWithOrNeedsParentheses() {
            assertMalformed("SELECT Id FROM Contact WHERE A = 'x' AND B = 'y' OR C = 'z'",
                    "unexpected token: 'OR' (use parentheses when mixing AND and OR)");
        }

        @Test
        void malformedQueriesNameTheOffendingToken() {
            assertMalformed("SELECT FROM Contact", "unexpected token: 'FROM', expected field name");
            assertMalformed("SELECT Id Contact", "unexpected token: 'Contact'");
            assertMalformed("SELECT Id FROM", "unexpected token: <EOF>, expected object name");
            assertMalformed("SELECT Id FROM Contact WHERE", "unexpected token: <EOF>, expected field name");
            assertMalformed("SELECT Id FROM Contact WHERE Name = 'x", "unterminated string literal starting at column 37");
            assertMalformed("SELECT Id FROM Contact WHERE (Name = 'x'", "unexpected token: <EOF>");
            assertMalformed("SELECT Id FROM Contact WHERE Name = Smith", "unexpected token: 'Smith'");
            assertMalformed("SELECT Id FROM Contact WHERE Name LIKE 5", "unexpected token: '5'");
            assertMalformed("SELECT Id FROM Contact LIMIT x", "LIMIT must be a non-negative integer, found 'x'");
            assertMalformed("SELECT Id FROM Contact LIMIT 5 garbage", "unexpected token: 'garbage'");
            assertMalformed("SELECT Id, Name, id FROM Contact", "duplicate field selected: id");
            assertMalformed("SELECT Id FROM Contact WHERE d = 2026-13-01", "invalid date: 2026-13-01");
            assertMalformed("SELECT Id FROM Contact WHERE Name = 'a\\q'", "invalid escape sequence: \\q");
            assertMalformed("SELECT Id FROM Contact WHERE Name ~ 'a'", "unexpected token: '~' at column 35");
        }

        private void assertMalformed(String soql, String message) {
            assertThatThrownBy(() -> Soql.parse(soql))
                    .isInstanceOfSatisfying(SoqlException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
                        assertThat(e.getMessage()).isEqualTo(message);
                    });
        }
    }

    @Nested
    class Evaluation {

        private boolean matches(String where, Map<String, Object> record) {
            return Soql.parse("SELECT Id FROM X WHERE " + where).where().test(record::get);
        }

        private Map<String, Object> record(Object... keyValues) {
            Map<String, Object> record = new HashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                record.put((String) keyValues[i], keyValues[i + 1]);
            }
            return record;
        }

        @Test
        void blankEqualsNullAndEmptyString() {
            for (Object blank : Arrays.asList(null, "")) {
                Map<String, Object> r = record("Email", blank);
                assertThat(matches("Email = null", r)).isTrue();
                assertThat(matches("Email = ''", r)).isTrue();
                assertThat(matches("Email != null", r)).isFalse();
                assertThat(matches("Email != 'x@y.org'", r)).isTrue();
                assertThat(matches("Email = 'x@y.org'", r)).isFalse();
                assertThat(matches("Email IN (null)", r)).isTrue();
                assertThat(matches("Email NOT IN ('a')", r)).isTrue();
                assertThat(matches("Email > 'a'", r)).isFalse();
                assertThat(matches("Email < 'a'", r)).isFalse();
            }
            assertThat(matches("Email = null", record("Email", "x@y.org"))).isFalse();
            assertThat(matches("Email != ''", record("Email", "x@y.org"))).isTrue();
        }

        @Test
        void stringComparisonIsCaseInsensitive() {
            Map<String, Object> r = record("Type", "Volunteer");
            assertThat(matches("Type = 'VOLUNTEER'", r)).isTrue();
            assertThat(matches("Type IN ('teacher', 'volunteer')", r)).isTrue();
            assertThat(matches("Type NOT IN ('volunteer')", r)).isFalse();
            assertThat(matches("Type > 'teacher'", r)).isTrue();
            assertThat(matches("Type < 'Student'", r)).isFalse();
        }

        @Test
        void likeWildcardsAndEscapes() {
            assertThat(matches("Name LIKE 'o''%'".replace("''", "\\'"), record("Name", "O'Neil"))).isTrue();
            assertThat(matches("Name LIKE '_\\'neil'", record("Name", "O'Neil"))).isTrue();
            assertThat(matches("Name LIKE '%neil'", record("Name", "O'Neill"))).isFalse();
            assertThat(matches("Pct LIKE '50\\%'", record("Pct", "50%"))).isTrue();
            assertThat(matches("Pct LIKE '50\\%'", record("Pct", "500"))).isFalse();
            assertThat(matches("Name LIKE '%'", record("Name", null))).isFalse();
            assertThat(matches("Name LIKE 'a.c'", record("Name", "abc"))).isFalse();
        }

        @Test
        void datetimesCompareAsInstants() {
            Map<String, Object> r = record("SystemModstamp", Instant.parse("2026-01-01T00:00:05Z"));
            assertThat(matches("SystemModstamp >= 2026-01-01T00:00:05Z", r)).isTrue();
            assertThat(matches("SystemModstamp > 2026-01-01T00:00:05Z", r)).isFalse();
            assertThat(matches("SystemModstamp = 2026-01-01T01:00:05+01:00", r)).isTrue();
            assertThat(matches("SystemModstamp < 2026-01-01T00:00:05.001Z", r)).isTrue();
            assertThat(matches("SystemModstamp <= 2025-12-31T23:59:59Z", r)).isFalse();
            // a date literal against a datetime field means midnight UTC
            assertThat(matches("SystemModstamp > 2026-01-01", r)).isTrue();
            assertThat(matches("SystemModstamp < 2026-01-02", r)).isTrue();
        }

        @Test
        void datesNumbersAndBooleans() {
            Map<String, Object> r = record("D", LocalDate.of(2026, 1, 5), "N", 2.5, "I", 3, "B", true);
            assertThat(matches("D = 2026-01-05", r)).isTrue();
            assertThat(matches("D > 2026-01-04 AND D < 2026-01-06", r)).isTrue();
            assertThat(matches("D >= 2026-01-05T00:00:01Z", r)).isFalse();
            assertThat(matches("N = 2.50", r)).isTrue();
            assertThat(matches("N > 2 AND N <= 2.5 AND I = 3 AND I >= 3.0", r)).isTrue();
            assertThat(matches("B = true", r)).isTrue();
            assertThat(matches("B = false", r)).isFalse();
            assertThat(matches("B != false", r)).isTrue();
            // mismatched types never compare equal (Salesforce would refuse the query)
            assertThat(matches("B = 'true'", r)).isFalse();
            assertThat(matches("N = '2.5'", r)).isFalse();
        }

        @Test
        void notAndOrNesting() {
            Map<String, Object> r = record("A", "x", "B", "y");
            assertThat(matches("NOT A = 'x'", r)).isFalse();
            assertThat(matches("NOT (A = 'z' OR B = 'z')", r)).isTrue();
            assertThat(matches("(A = 'x' AND B = 'z') OR (A = 'z' OR B = 'y')", r)).isTrue();
            assertThat(matches("A = 'x' AND (B = 'z' OR NOT B = 'z')", r)).isTrue();
        }
    }

    @Nested
    class AgainstAnOrg {

        private final Org org = new Org();

        private String contact(String first, String last, Object type) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("FirstName", first);
            fields.put("LastName", last);
            fields.put("Contact_Type__c", type);
            return org.insert("Contact", fields);
        }

        private List<String> lastNames(String soql) {
            QueryResult result = org.query(soql, false);
            int column = result.fields().indexOf("LastName");
            return result.rows().stream().map(row -> (String) row[column]).toList();
        }

        @Test
        void orderByDefaultsToAscendingNullsFirstCaseInsensitiveAndStable() {
            contact("A", "smith", "Volunteer");
            contact("B", null, "Volunteer");
            contact("C", "Adams", null);
            contact("D", "Smith", "Teacher");
            contact("E", "", "Teacher");

            assertThat(lastNames("SELECT LastName FROM Contact ORDER BY LastName")).containsExactly(null, "", "Adams", "smith", "Smith");
            assertThat(lastNames("SELECT LastName FROM Contact ORDER BY LastName DESC")).containsExactly(null, "", "smith", "Smith", "Adams");
            assertThat(lastNames("SELECT LastName FROM Contact ORDER BY LastName DESC NULLS LAST")).containsExactly("smith", "Smith", "Adams", null, "");
            assertThat(lastNames("SELECT LastName FROM Contact ORDER BY Contact_Type__c NULLS LAST, FirstName DESC"))
                    .containsExactly("", "Smith", null, "smith", "Adams");
        }

        @Test
        void limitAndOffsetApplyAfterFilteringAndSorting() {
            for (String last : List.of("E", "D", "C", "B", "A")) {
                contact("x", last, "Volunteer");
            }
            contact("x", "Z", "Teacher");

            assertThat(lastNames("SELECT LastName FROM Contact WHERE Contact_Type__c = 'Volunteer' ORDER BY LastName LIMIT 2 OFFSET 1"))
                    .containsExactly("B", "C");
            assertThat(lastNames("SELECT LastName FROM Contact ORDER BY LastName OFFSET 4")).containsExactly("E", "Z");
            assertThat(lastNames("SELECT LastName FROM Contact LIMIT 0")).isEmpty();
            assertThat(org.query("SELECT COUNT() FROM Contact WHERE Contact_Type__c = 'Volunteer' LIMIT 3", false).totalSize()).isEqualTo(3);
        }

        @Test
        void namesResolveCaseInsensitivelyToTheCanonicalSpelling() {
            String id = contact("Ann", "O'Neil", "Volunteer");

            QueryResult result = org.query("select ID, lastname, CONTACT_TYPE__C from contact where LASTNAME = 'o\\'neil'", false);

            assertThat(result.sobject()).isEqualTo("Contact");
            assertThat(result.fields()).containsExactly("Id", "LastName", "Contact_Type__c");
            assertThat(result.ids()).containsExactly(id);
            assertThat(result.rows()).hasSize(1);
            assertThat(result.rows().get(0)).containsExactly(id, "O'Neil", "Volunteer");
        }

        @Test
        void unknownFieldsAndObjectsAreRefusedLikeSalesforce() {
            contact("Ann", "Lee", "Volunteer");

            assertThatThrownBy(() -> org.query("SELECT Id, Nope__c FROM Contact", false))
                    .isInstanceOfSatisfying(SoqlException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
                        assertThat(e.getMessage()).isEqualTo("No such column 'Nope__c' on entity 'Contact'");
                    });
            assertThatThrownBy(() -> org.query("SELECT Id FROM Contact ORDER BY Missing", false))
                    .hasMessage("No such column 'Missing' on entity 'Contact'");
            assertThatThrownBy(() -> org.query("SELECT Id FROM Contact WHERE Account.Name = 'x'", false))
                    .hasMessage("No such column 'Account.Name' on entity 'Contact'");
            assertThatThrownBy(() -> org.query("SELECT Id FROM Widget__c", false))
                    .isInstanceOfSatisfying(SoqlException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("INVALID_TYPE");
                        assertThat(e.getMessage()).isEqualTo("sObject type 'Widget__c' is not supported.");
                    });
        }

        @Test
        void declaredAndSystemFieldsAreQueryableBeforeAnyRecordHasThem() {
            contact("Ann", "Lee", "Volunteer");
            org.declareFields("Contact", "Birthdate");

            QueryResult result = org.query("SELECT Birthdate, IsDeleted, CreatedDate, LastModifiedDate, SystemModstamp FROM Contact", false);

            Instant t = Org.EPOCH;
            assertThat(result.rows().get(0)).containsExactly(null, false, t, t, t);
        }

        @Test
        void deletedRecordsOnlyWithIncludeDeleted() {
            contact("A", "Keep", "Volunteer");
            String gone = contact("B", "Gone", "Volunteer");
            org.delete("Contact", gone);

            assertThat(lastNames("SELECT LastName FROM Contact")).containsExactly("Keep");
            QueryResult all = org.query("SELECT LastName, IsDeleted FROM Contact", true);
            assertThat(all.rows()).extracting(row -> row[0] + "/" + row[1]).containsExactly("Keep/false", "Gone/true");
            assertThat(org.query("SELECT COUNT() FROM Contact WHERE IsDeleted = true", true).totalSize()).isEqualTo(1);
            assertThat(org.count("Contact")).isEqualTo(1);
            assertThat(org.countAll("Contact")).isEqualTo(2);
        }
    }
}
