package org.polaris.normalizer.rows.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.normalizer.Fixtures;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.KindRules.RowContext;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.schemas.avro.NormalizedSfEvent;
import org.polaris.schemas.avro.NormalizedSfHistory;
import org.polaris.schemas.avro.NormalizedSfSchool;
import org.polaris.schemas.avro.NormalizedSfTeacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polaris.normalizer.Fixtures.cells;

/** The Salesforce kinds' rules on records as REST JSON and Bulk CSV send them. */
class SalesforceRowsTest {

    private static final RowContext CONTEXT = new RowContext(null, Fixtures.CHICAGO);

    @SuppressWarnings("unchecked")
    private static <V> RowResult<V> normalize(String kind, Map<String, String> cells) {
        KindRules<?> rules = Fixtures.RULES.stream().filter(r -> r.kind().id().equals(kind)).findFirst().orElseThrow();
        HeaderResolution columns = Fixtures.defaultMapping().resolve(kind, rules.contract(), new ArrayList<>(cells.keySet()));
        return (RowResult<V>) rules.normalize(Fixtures.row(kind, null, 2, cells), columns, CONTEXT);
    }

    @Test
    void aTeacherKeepsItsIdAndDeletedFlagAndAMalformedEmailIsLeftEmptyWithAWarning() {
        RowResult<NormalizedSfTeacher> r = normalize("SF_TEACHERS", cells("Id", "003000000000000001", "FirstName", "Ana",
                "LastName", "O'Neil", "Email", "no-at-sign.example.org", "Gender__c", "Woman", "IsDeleted", "true",
                "SystemModstamp", "2026-01-01T00:00:05.000+0000", "npsp__Primary_Affiliation__c", "001000000000000007"));

        NormalizedSfTeacher t = r.value();
        assertThat(t.getSalesforceId()).isEqualTo("003000000000000001");
        assertThat(t.getLastName()).isEqualTo("O'Neil");
        assertThat(t.getEmail()).isNull();
        assertThat(t.getGender()).isNull();
        assertThat(t.getDeleted()).isTrue();
        assertThat(t.getSystemModstamp()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:05Z").toEpochMilli());
        assertThat(t.getSchoolSalesforceId()).isEqualTo("001000000000000007");
        assertThat(t.getWarnings()).containsExactly("Email is not a valid email address: left empty",
                "Gender__c value \"Woman\" is not in the gender table (polaris.mapping.picklists.gender): left empty");
    }

    @Test
    void aRecordWithoutItsRequiredFieldsIsAnErrorNamingThem() {
        RowResult<NormalizedSfTeacher> r = normalize("SF_TEACHERS", cells("Id", "not-an-id", "FirstName", "Bo",
                "LastName", ""));

        assertThat(r.reasons()).containsExactly("Id \"not-an-id\" is not a Salesforce id (15 or 18 letters and digits)",
                "LastName is empty");
    }

    @Test
    void anEventsPicklistsMapToTheVocabulariesAndBulkDatetimesRead() {
        RowResult<NormalizedSfEvent> r = normalize("SF_EVENTS", cells("Id", "a0A000000000000001", "Name", "Career Day",
                "Session_Type__c", "Career Talk", "Session_Status__c", "Scheduled", "Format__c", "Virtual",
                "Start_Date_and_Time__c", "2026-02-03T15:00:00.000Z", "End_Date_and_Time__c", "",
                "Pathful_Session_Id__c", "PS-7", "SystemModstamp", "2026-01-01T00:00:05.000Z"));

        NormalizedSfEvent e = r.value();
        assertThat(e.getType()).isEqualTo("CAREER_SPEAKER");
        assertThat(e.getStatus()).isEqualTo("CONFIRMED");
        assertThat(e.getFormat()).isEqualTo("virtual");
        assertThat(e.getLocalDate()).isEqualTo("2026-02-03");
        assertThat(e.getEnd()).isNull();
        assertThat(e.getPathfulSessionId()).isEqualTo("PS-7");
        assertThat(e.getWarnings()).isEmpty();
    }

    @Test
    void anUnknownStatusIsLeftEmptyAndAnUnknownFormatFallsBackAndSaysSo() {
        RowResult<NormalizedSfEvent> r = normalize("SF_EVENTS", cells("Id", "a0A000000000000002", "Name", "Fair",
                "Session_Status__c", "Postponed", "Format__c", "", "Start_Date_and_Time__c", "2026-02-03T15:00:00.000+0000"));

        assertThat(r.value().getStatus()).isNull();
        assertThat(r.value().getSessionStatus()).isEqualTo("Postponed");
        assertThat(r.value().getFormat()).isEqualTo("in_person");
        assertThat(r.value().getWarnings()).containsExactly("Format__c is blank or unknown: read as in_person",
                "Session_Status__c value \"Postponed\" is not in the event-status table "
                        + "(polaris.mapping.picklists.event-status): left empty");
    }

    @Test
    void aVolunteersPreferredEmailIsPrimaryAMalformedOneIsLeftOutAndSkillsSplit() {
        RowResult<org.polaris.schemas.avro.NormalizedSfVolunteer> r = normalize("SF_VOLUNTEERS", cells(
                "Id", "003000000000000009", "FirstName", "Dee", "LastName", "D'Angelo", "Email", " Dee@Home.ORG ",
                "npe01__WorkEmail__c", "dee@work.example.org", "npe01__Preferred_Email__c", "Work", "Phone", "816-555-0101",
                "MobilePhone", "816-555-0101", "Volunteer_Skills__c", "Mentoring; Software;;Mentoring",
                "Gender__c", "Female", "Age_Group__c", "Unknown", "DoNotCall", "true", "First_Volunteer_Date__c", "2024-02-01"));
        var v = r.value();
        assertThat(v.getEmails()).extracting(e -> e.getAddress() + " " + e.getType() + " " + e.getPrimary())
                .containsExactly("dee@home.org personal false", "dee@work.example.org work true");
        assertThat(v.getPhones()).extracting(p -> p.getNumber() + " " + p.getType()).containsExactly("816-555-0101 phone");
        assertThat(v.getSkills()).containsExactly("Mentoring", "Software");
        assertThat(v.getGender()).isEqualTo("female");
        assertThat(v.getAgeGroup()).isNull();
        assertThat(v.getDoNotCall()).isTrue();
        assertThat(v.getFirstVolunteerDate()).isEqualTo("2024-02-01");
        assertThat(v.getWarnings()).containsExactly(
                "Age_Group__c value \"Unknown\" is not in the age-group table (polaris.mapping.picklists.age-group): left empty");

        RowResult<Object> bad = normalize("SF_VOLUNTEERS", cells("Id", "003000000000000010", "FirstName", "Al", "LastName", "Bo",
                "Email", "a@b", "npe01__WorkEmail__c", ""));
        assertThat(((org.polaris.schemas.avro.NormalizedSfVolunteer) bad.value()).getEmails()).isEmpty();
        assertThat(((org.polaris.schemas.avro.NormalizedSfVolunteer) bad.value()).getWarnings())
                .containsExactly("Email is not a valid email address: left empty");
    }

    @Test
    void aDistrictAccountIsADistrictAndASchoolKeepsItsParent() {
        RowResult<NormalizedSfSchool> district = normalize("SF_SCHOOLS", cells("Id", "001000000000000001",
                "Name", "Kansas City  Public Schools", "Type", "School District", "ParentId", ""));
        RowResult<NormalizedSfSchool> school = normalize("SF_SCHOOLS", cells("Id", "001000000000000002",
                "Name", "St. Mary's High", "Type", "School", "ParentId", "001000000000000001"));

        assertThat(district.value().getDistrict()).isTrue();
        assertThat(district.value().getName()).isEqualTo("Kansas City Public Schools");
        assertThat(school.value().getDistrict()).isFalse();
        assertThat(school.value().getDistrictSalesforceId()).isEqualTo("001000000000000001");
        assertThat(school.value().getNormalizedName()).isEqualTo("st mary s high");
    }

    @Test
    void aTaskIsLinkedByWhoIdItsDateReadInChicagoAndItsDescriptionKeepsLineBreaks() {
        RowResult<NormalizedSfHistory> r = normalize("SF_HISTORY", cells("SObject", "Task", "Id", "00T000000000000001",
                "WhoId", "003000000000000009", "WhatId", "", "Subject", "Call:  Follow up", "ActivityDate", "2025-09-02",
                "Type", "Call", "Status", "Completed", "Description", "Notes:\nbring badge\n"));

        NormalizedSfHistory h = r.value();
        assertThat(h.getSource()).isEqualTo("Task");
        assertThat(h.getContactSalesforceId()).isEqualTo("003000000000000009");
        assertThat(h.getContactEmail()).isNull();
        assertThat(h.getRelatedSalesforceId()).isNull();
        assertThat(h.getSubject()).isEqualTo("Call: Follow up");
        assertThat(h.getOccurredAt()).isEqualTo(java.time.Instant.parse("2025-09-02T05:00:00Z").toEpochMilli());
        assertThat(h.getDescription()).isEqualTo("Notes:\nbring badge");
        assertThat(h.getWarnings()).isEmpty();
    }

    @Test
    void anEmailMessageIsLinkedByTheContactsAddressAndOneWithoutAnAddressIsAnErrorThatDoesNotQuoteIt() {
        RowResult<NormalizedSfHistory> out = normalize("SF_HISTORY", cells("SObject", "EmailMessage",
                "Id", "02s000000000000001", "Incoming", "false", "FromAddress", "programs@polaris.example.org",
                "ToAddress", " Ana.ONeil@Example.org ; other@example.org", "MessageDate", "2025-10-01T14:00:00.000Z"));
        RowResult<NormalizedSfHistory> in = normalize("SF_HISTORY", cells("SObject", "EmailMessage",
                "Id", "02s000000000000002", "Incoming", "true", "FromAddress", "not-an-address", "ToAddress",
                "programs@polaris.example.org"));
        RowResult<NormalizedSfHistory> lead = normalize("SF_HISTORY", cells("SObject", "Event", "Id", "00U000000000000001"));

        assertThat(out.value().getContactEmail()).isEqualTo("ana.oneil@example.org");
        assertThat(out.value().getIncoming()).isFalse();
        assertThat(out.value().getActivityType()).isEqualTo("Email");
        assertThat(out.value().getOccurredAt()).isEqualTo(java.time.Instant.parse("2025-10-01T14:00:00Z").toEpochMilli());
        assertThat(in.reasons()).containsExactly("no contact to link: FromAddress is empty or not an email address");
        assertThat(lead.reasons()).containsExactly("SObject \"Event\" is neither Task nor EmailMessage");
    }
}
