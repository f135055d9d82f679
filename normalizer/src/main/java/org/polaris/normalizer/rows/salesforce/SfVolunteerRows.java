package org.polaris.normalizer.rows.salesforce;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.normalizer.rules.DateTimes;
import org.polaris.normalizer.rules.Picklists;
import org.polaris.schemas.avro.NormalizedSfVolunteer;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.avro.SfEmail;
import org.polaris.schemas.avro.SfPhone;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.salesforce.SfVolunteersKind;

/**
 * D1 volunteers (facts §5): FirstName and LastName required; Email (personal) and
 * npe01__WorkEmail__c (work) become email rows, the primary one named by npe01__Preferred_Email__c
 * (else the first there is), a malformed one left out with a warning; Phone and MobilePhone phone
 * rows; the mailing address; Volunteer_Skills__c split on {@code ;}; the demographic picklists through
 * their tables; the do-not flags; npsp__Primary_Affiliation__c the organization.
 */
@Singleton
public class SfVolunteerRows implements KindRules<NormalizedSfVolunteer> {

    static final SfVolunteersKind KIND = new SfVolunteersKind();
    static final Field FIRST_NAME = Field.required("first-name", "FirstName");
    static final Field LAST_NAME = Field.required("last-name", "LastName");
    static final Field MIDDLE_NAME = Field.optional("middle-name", "MiddleName");
    static final Field EMAIL = Field.optional("email", "Email");
    static final Field PREFERRED = Field.optional("preferred-email", "npe01__Preferred_Email__c");
    static final Field WORK_EMAIL = Field.optional("work-email", "npe01__WorkEmail__c");
    static final Field PHONE = Field.optional("phone", "Phone");
    static final Field MOBILE = Field.optional("mobile-phone", "MobilePhone");
    static final Field STREET = Field.optional("mailing-street", "MailingStreet");
    static final Field CITY = Field.optional("mailing-city", "MailingCity");
    static final Field STATE = Field.optional("mailing-state", "MailingState");
    static final Field POSTAL_CODE = Field.optional("mailing-postal-code", "MailingPostalCode");
    static final Field TITLE = Field.optional("title", "Title");
    static final Field DEPARTMENT = Field.optional("department", "Department");
    static final Field GENDER = Field.optional("gender", "Gender__c");
    static final Field RACE = Field.optional("race-ethnicity", "Racial_Ethnic_Background__c");
    static final Field EDUCATION = Field.optional("education", "Highest_Level_of_Educational__c");
    static final Field AGE_GROUP = Field.optional("age-group", "Age_Group__c");
    static final Field SKILLS = Field.optional("skills", "Volunteer_Skills__c");
    static final Field FIRST_DATE = Field.optional("first-volunteer-date", "First_Volunteer_Date__c");
    static final Field LAST_DATE = Field.optional("last-volunteer-date", "Last_Volunteer_Date__c");
    static final Field DO_NOT_CALL = Field.optional("do-not-call", "DoNotCall");
    static final Field DO_NOT_CONTACT = Field.optional("do-not-contact", "npsp__Do_Not_Contact__c");
    static final Field OPTED_OUT = Field.optional("email-opt-out", "HasOptedOutOfEmail");
    static final Field BOUNCED = Field.optional("email-bounced-date", "EmailBouncedDate");
    static final Field ORGANIZATION = Field.optional("primary-affiliation", "npsp__Primary_Affiliation__c");
    static final Field ACCOUNT = Field.optional("account", "AccountId");

    private final Picklists picklists;

    @Inject
    public SfVolunteerRows(Picklists picklists) {
        this.picklists = picklists;
    }

    @Override
    public SourceKind<NormalizedSfVolunteer> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        List<Field> all = new ArrayList<>(SfRecords.COMMON);
        all.addAll(List.of(FIRST_NAME, LAST_NAME, MIDDLE_NAME, EMAIL, PREFERRED, WORK_EMAIL, PHONE, MOBILE, STREET, CITY,
                STATE, POSTAL_CODE, TITLE, DEPARTMENT, GENDER, RACE, EDUCATION, AGE_GROUP, SKILLS, FIRST_DATE, LAST_DATE,
                DO_NOT_CALL, DO_NOT_CONTACT, OPTED_OUT, BOUNCED, ORGANIZATION, ACCOUNT));
        return all;
    }

    @Override
    public RowResult<NormalizedSfVolunteer> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        SfRecords r = new SfRecords(row.getCells(), columns);
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String id = r.id(reasons);
        String first = r.required(FIRST_NAME, reasons);
        String last = r.required(LAST_NAME, reasons);
        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(NormalizedSfVolunteer.newBuilder().setRunId(row.getRunId())
                .setRowNumber(row.getRowNumber()).setMode(row.getMode()).setSalesforceId(id).setDeleted(r.deleted())
                .setSystemModstamp(r.modstamp()).setFirstName(first).setLastName(last)
                .setMiddleName(r.text(MIDDLE_NAME)).setTitle(r.text(TITLE)).setDepartment(r.text(DEPARTMENT))
                .setGender(picklists.resolve("gender", GENDER.label(), r.text(GENDER), warnings).orElse(null))
                .setRaceEthnicity(picklists.resolve("race-ethnicity", RACE.label(), r.text(RACE), warnings).orElse(null))
                .setAgeGroup(picklists.resolve("age-group", AGE_GROUP.label(), r.text(AGE_GROUP), warnings).orElse(null))
                .setEducationLevel(picklists.resolve("education", EDUCATION.label(), r.text(EDUCATION), warnings)
                        .orElse(null))
                .setFirstVolunteerDate(date(r, FIRST_DATE, warnings)).setLastVolunteerDate(date(r, LAST_DATE, warnings))
                .setDoNotCall(r.flag(DO_NOT_CALL)).setDoNotContact(r.flag(DO_NOT_CONTACT)).setEmailOptOut(r.flag(OPTED_OUT))
                .setEmailBouncedDate(r.instant(BOUNCED, false, reasons, warnings))
                .setOrganizationSalesforceId(r.reference(ORGANIZATION, warnings))
                .setAccountSalesforceId(r.reference(ACCOUNT, warnings))
                .setEmails(emails(r, warnings)).setPhones(phones(r))
                .setMailingStreet(r.text(STREET)).setMailingCity(r.text(CITY)).setMailingState(r.text(STATE))
                .setMailingPostalCode(r.text(POSTAL_CODE)).setSkills(skills(r.text(SKILLS)))
                .setWarnings(warnings).build());
    }

    /** The personal and work emails, the preferred one primary (else the first), one row per distinct address. */
    static List<SfEmail> emails(SfRecords r, List<String> warnings) {
        String personal = r.email(EMAIL, warnings);
        String work = r.email(WORK_EMAIL, warnings);
        String preferred = r.text(PREFERRED);
        boolean workPrimary = "work".equalsIgnoreCase(preferred) && work != null;
        List<SfEmail> emails = new ArrayList<>(2);
        if (personal != null) {
            emails.add(SfEmail.newBuilder().setAddress(personal).setType("personal").setPrimary(!workPrimary).build());
        }
        if (work != null && !work.equals(personal)) {
            emails.add(SfEmail.newBuilder().setAddress(work).setType("work").setPrimary(workPrimary || personal == null)
                    .build());
        }
        return emails;
    }

    static List<SfPhone> phones(SfRecords r) {
        List<SfPhone> phones = new ArrayList<>(2);
        String phone = r.text(PHONE);
        String mobile = r.text(MOBILE);
        if (phone != null) {
            phones.add(SfPhone.newBuilder().setNumber(phone).setType("phone").build());
        }
        if (mobile != null && !mobile.equals(phone)) {
            phones.add(SfPhone.newBuilder().setNumber(mobile).setType("mobile").build());
        }
        return phones;
    }

    /** A multi-select value: the entries between {@code ;}, trimmed, each once, in order. */
    static List<String> skills(String multiSelect) {
        if (multiSelect == null) {
            return List.of();
        }
        Set<String> skills = new LinkedHashSet<>();
        for (String s : multiSelect.split(";")) {
            if (!s.isBlank()) {
                skills.add(s.strip());
            }
        }
        return List.copyOf(skills);
    }

    private static String date(SfRecords r, Field f, List<String> warnings) {
        String v = r.text(f);
        if (v == null) {
            return null;
        }
        var d = DateTimes.parseDate(v, ZoneOffset.UTC);
        if (d.isEmpty()) {
            warnings.add(f.label() + " \"" + v + "\" is not a date: left empty");
        }
        return d.map(Object::toString).orElse(null);
    }
}
