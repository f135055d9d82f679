package org.polaris.writer.kinds.salesforce;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedSfVolunteer;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.SfEmail;
import org.polaris.schemas.avro.SfPhone;
import org.polaris.schemas.kinds.salesforce.SfVolunteersKind;
import org.polaris.writer.Change;
import org.polaris.writer.Effects;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.Sql;
import org.polaris.writer.store.Upsert;

/**
 * Volunteers (D1), keyed by their Contact Id, with their emails, phones and skills: a volunteer created
 * or updated gets its email, phone and skill rows replaced by the record's (the {@code details} column
 * carries them, so a change to one of them is an update and an identical record is skipped). A
 * volunteer that arrives releases the participations waiting for it.
 */
@Singleton
public class SfVolunteerStore extends SalesforceStore<NormalizedSfVolunteer> {

    static final Upsert<NormalizedSfVolunteer> VOLUNTEER = Upsert.<NormalizedSfVolunteer>into("volunteer", "v")
            .key("salesforce_individual_id", "text", NormalizedSfVolunteer::getSalesforceId)
            .value("first_name", "text", NormalizedSfVolunteer::getFirstName)
            .value("last_name", "text", NormalizedSfVolunteer::getLastName)
            .value("middle_name", "text", NormalizedSfVolunteer::getMiddleName)
            .value("title", "text", NormalizedSfVolunteer::getTitle)
            .value("department", "text", NormalizedSfVolunteer::getDepartment)
            .value("gender", "text", NormalizedSfVolunteer::getGender)
            .value("race_ethnicity", "text", NormalizedSfVolunteer::getRaceEthnicity)
            .value("age_group", "text", NormalizedSfVolunteer::getAgeGroup)
            .value("education_level", "text", NormalizedSfVolunteer::getEducationLevel)
            .value("first_volunteer_date", "date", NormalizedSfVolunteer::getFirstVolunteerDate)
            .value("last_volunteer_date", "date", NormalizedSfVolunteer::getLastVolunteerDate)
            .value("do_not_call", "boolean", NormalizedSfVolunteer::getDoNotCall)
            .value("do_not_contact", "boolean", NormalizedSfVolunteer::getDoNotContact)
            .value("email_opt_out", "boolean", NormalizedSfVolunteer::getEmailOptOut)
            .value("email_bounced_date", "timestamptz", v -> Timestamps.of(v.getEmailBouncedDate()))
            .value("organization_salesforce_id", "text", NormalizedSfVolunteer::getOrganizationSalesforceId)
            .value("salesforce_account_id", "text", NormalizedSfVolunteer::getAccountSalesforceId)
            .value("mailing_street", "text", NormalizedSfVolunteer::getMailingStreet)
            .value("mailing_city", "text", NormalizedSfVolunteer::getMailingCity)
            .value("mailing_state", "text", NormalizedSfVolunteer::getMailingState)
            .value("mailing_postal_code", "text", NormalizedSfVolunteer::getMailingPostalCode)
            .value("details", "text", SfVolunteerStore::details)
            .value("deleted", "boolean", NormalizedSfVolunteer::getDeleted)
            .carried("system_modstamp", "timestamptz", v -> Timestamps.of(v.getSystemModstamp()))
            .newerOnly("system_modstamp")
            .carried("last_run_id", "uuid", NormalizedSfVolunteer::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    // joined to unnest(ids), not "in (... = any(ids))": the generic plan of the latter scanned the whole detail
    // table per batch (a hash join over it), the join probes the primary key's volunteer_id prefix per id
    private static final String CLEAR = """
            delete from %s d using unnest(?::text[]) as u(sf) join volunteer v on v.salesforce_individual_id = u.sf
            where d.volunteer_id = v.id
            """;
    private static final String EMAILS = """
            insert into volunteer_email (volunteer_id, email, type, is_primary)
            select v.id, u.email, u.type, u.is_primary
            from unnest(?::text[], ?::text[], ?::text[], ?::boolean[]) as u(sf, email, type, is_primary)
            join volunteer v on v.salesforce_individual_id = u.sf
            """;
    private static final String PHONES = """
            insert into volunteer_phone (volunteer_id, number, type)
            select v.id, u.number, u.type from unnest(?::text[], ?::text[], ?::text[]) as u(sf, number, type)
            join volunteer v on v.salesforce_individual_id = u.sf
            """;
    private static final String SKILLS = """
            insert into skill (name) select distinct s from unnest(?::text[]) as s order by 1 on conflict (name) do nothing
            """;
    private static final String VOLUNTEER_SKILLS = """
            insert into volunteer_skill (volunteer_id, skill_id)
            select v.id, s.id from unnest(?::text[], ?::text[]) as u(sf, name)
            join volunteer v on v.salesforce_individual_id = u.sf join skill s on s.name = u.name
            """;

    @Inject
    SfParticipationStore participations;

    @Inject
    SfAffiliationStore affiliations;

    public SfVolunteerStore() {
        super(new SfVolunteersKind());
    }

    @Override
    Upsert<NormalizedSfVolunteer> table() {
        return VOLUNTEER;
    }

    @Override
    public String liveCountSql() {
        return "select count(*) from volunteer where not deleted";
    }

    @jakarta.inject.Inject
    SfHistoryStore history;

    @Override
    public List<Outcome> write(Connection c, List<Change<NormalizedSfVolunteer>> changes, Effects effects)
            throws SQLException {
        List<Outcome> outcomes = super.write(c, changes, effects);
        Map<Outcome.RowKey, OutcomeKind> byRow = new HashMap<>();
        outcomes.forEach(o -> byRow.put(o.key(), o.kind()));
        // the last version of each volunteer the batch changed (two changes to one key: the second wins), and
        // which of them existed before the batch (only those can have details to clear)
        Map<String, NormalizedSfVolunteer> changed = new java.util.LinkedHashMap<>();
        java.util.Set<String> existed = new java.util.HashSet<>();
        for (Change<NormalizedSfVolunteer> ch : changes) {
            NormalizedSfVolunteer v = ch.record();
            OutcomeKind k = byRow.get(new Outcome.RowKey(v.getRunId(), v.getRowNumber()));
            if (k == OutcomeKind.CREATED || k == OutcomeKind.UPDATED) {
                changed.put(v.getSalesforceId(), v);
            }
            if (k == OutcomeKind.UPDATED || k == OutcomeKind.SKIPPED) {
                existed.add(v.getSalesforceId());
            }
        }
        replaceDetails(c, new ArrayList<>(changed.values()), existed);
        releaseChildren(c, participations, changes, effects);
        releaseChildren(c, affiliations, changes, effects);
        releaseHistory(c, history, changes, v -> v.getEmails().stream().map(e -> e.getAddress()).toList(), effects);
        return outcomes;
    }

    /**
     * Replaces the details of volunteers the batch created or updated. A volunteer created by this batch
     * has none yet (unless an earlier change of the same batch made it), so only the others are cleared
     * first: a first full sync inserts details and deletes nothing.
     */
    private static void replaceDetails(Connection c, List<NormalizedSfVolunteer> volunteers, java.util.Set<String> existed)
            throws SQLException {
        if (volunteers.isEmpty()) {
            return;
        }
        List<String> ids = volunteers.stream().map(NormalizedSfVolunteer::getSalesforceId).filter(existed::contains)
                .toList();
        for (String table : ids.isEmpty() ? List.<String>of() : List.of("volunteer_email", "volunteer_phone",
                "volunteer_skill")) {
            try (PreparedStatement ps = c.prepareStatement(CLEAR.formatted(table))) {
                ps.setArray(1, Sql.text(c, ids));
                ps.executeUpdate();
            }
        }
        List<String> eSf = new ArrayList<>();
        List<String> eAddress = new ArrayList<>();
        List<String> eType = new ArrayList<>();
        List<Boolean> ePrimary = new ArrayList<>();
        List<String> pSf = new ArrayList<>();
        List<String> pNumber = new ArrayList<>();
        List<String> pType = new ArrayList<>();
        List<String> sSf = new ArrayList<>();
        List<String> sName = new ArrayList<>();
        for (NormalizedSfVolunteer v : volunteers) {
            for (SfEmail e : v.getEmails()) {
                eSf.add(v.getSalesforceId());
                eAddress.add(e.getAddress());
                eType.add(e.getType());
                ePrimary.add(e.getPrimary());
            }
            for (SfPhone p : v.getPhones()) {
                pSf.add(v.getSalesforceId());
                pNumber.add(p.getNumber());
                pType.add(p.getType());
            }
            for (String s : v.getSkills()) {
                sSf.add(v.getSalesforceId());
                sName.add(s);
            }
        }
        if (!eSf.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(EMAILS)) {
                ps.setArray(1, Sql.text(c, eSf));
                ps.setArray(2, Sql.text(c, eAddress));
                ps.setArray(3, Sql.text(c, eType));
                ps.setArray(4, c.createArrayOf("boolean", ePrimary.toArray()));
                ps.executeUpdate();
            }
        }
        if (!pSf.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(PHONES)) {
                ps.setArray(1, Sql.text(c, pSf));
                ps.setArray(2, Sql.text(c, pNumber));
                ps.setArray(3, Sql.text(c, pType));
                ps.executeUpdate();
            }
        }
        if (!sSf.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(SKILLS)) {
                ps.setArray(1, Sql.text(c, sName));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(VOLUNTEER_SKILLS)) {
                ps.setArray(1, Sql.text(c, sSf));
                ps.setArray(2, Sql.text(c, sName));
                ps.executeUpdate();
            }
        }
    }

    /** The emails, phones and skills as one comparable text (order as Salesforce gave them). */
    static String details(NormalizedSfVolunteer v) {
        StringJoiner j = new StringJoiner("|");
        v.getEmails().forEach(e -> j.add("e:" + e.getAddress() + "," + e.getType() + "," + e.getPrimary()));
        v.getPhones().forEach(p -> j.add("p:" + p.getNumber() + "," + p.getType()));
        v.getSkills().forEach(s -> j.add("s:" + s));
        return j.toString();
    }

}
