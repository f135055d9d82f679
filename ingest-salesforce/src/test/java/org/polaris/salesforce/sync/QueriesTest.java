package org.polaris.salesforce.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.polaris.salesforce.SalesforceConfig.ObjectQuery;

import static org.assertj.core.api.Assertions.assertThat;

class QueriesTest {

    private static ObjectQuery query(String sobject, String where, List<String> fields) {
        return new ObjectQuery() {
            public String sobject() {
                return sobject;
            }

            public Optional<String> where() {
                return Optional.ofNullable(where);
            }

            public List<String> fields() {
                return fields;
            }

            public boolean bulk() {
                return false;
            }
        };
    }

    @Test
    void aFullSyncReadsTheSelectionWithIdDeletedAndModstamp() {
        ObjectQuery q = query("Contact", "Contact_Type__c = 'Teacher'", List.of("FirstName", " LastName", "Id"));
        assertThat(Queries.select(q, Optional.empty())).isEqualTo(
                "SELECT Id, FirstName, LastName, IsDeleted, SystemModstamp FROM Contact WHERE (Contact_Type__c = 'Teacher')");
    }

    @Test
    void aDeltaAddsTheWindowAsAnUnquotedUtcLiteral() {
        ObjectQuery q = query("Account", null, List.of("Name"));
        assertThat(Queries.select(q, Optional.of(Instant.parse("2026-03-01T10:15:30.250Z")))).isEqualTo(
                "SELECT Id, Name, IsDeleted, SystemModstamp FROM Account WHERE SystemModstamp >= 2026-03-01T10:15:30Z");
        assertThat(Queries.count(query("Account", "Type = 'School'", List.of("Name"))))
                .isEqualTo("SELECT COUNT() FROM Account WHERE (Type = 'School')");
    }
}
