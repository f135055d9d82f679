package org.polaris.writer.kinds.salesforce;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedSfHistory;
import org.polaris.schemas.kinds.salesforce.SfHistoryKind;
import org.polaris.schemas.kinds.salesforce.SfStudentsKind;
import org.polaris.schemas.kinds.salesforce.SfTeachersKind;
import org.polaris.schemas.kinds.salesforce.SfVolunteersKind;
import org.polaris.writer.Change;
import org.polaris.writer.Effects;
import org.polaris.writer.store.Sql;
import org.polaris.writer.store.Upsert;

/**
 * History (Playbook D6), keyed by Salesforce id: a Task linked to its contact by WhoId, an EmailMessage
 * by the contact's address, in whichever of the volunteer, teacher and student tables the contact is
 * (an address two contacts share links to neither, with a warning). One whose contact is not in Polaris is the
 * playbook's "No matching contact": it waits, and the contacts' stores apply it when the contact arrives.
 */
@Singleton
public class SfHistoryStore extends ChildOfParents<NormalizedSfHistory> {

    /** The waiting rows' parent kind of a Task: any contact, whichever import brings it. */
    static final String CONTACT = "SF_CONTACT";
    /** The waiting rows' parent kind of an EmailMessage: a contact with its address. */
    static final String CONTACT_EMAIL = "SF_CONTACT_EMAIL";
    private static final Set<String> CONTACT_KINDS = Set.of(SfVolunteersKind.ID, SfTeachersKind.ID, SfStudentsKind.ID);

    private static final Map<String, String> LOOKUPS = Map.of(
            CONTACT, """
                    select ids.id from unnest(?::text[]) as ids(id)
                    where exists (select 1 from volunteer v where v.salesforce_individual_id = ids.id)
                       or exists (select 1 from teacher t where t.salesforce_id = ids.id)
                       or exists (select 1 from student s where s.salesforce_individual_id = ids.id)""",
            CONTACT_EMAIL, """
                    select ids.id from unnest(?::text[]) as ids(id)
                    where exists (select 1 from volunteer_email ve where ve.email = ids.id)
                       or exists (select 1 from teacher t where t.email = ids.id and t.salesforce_id is not null)
                       or exists (select 1 from student s where s.email = ids.id)""");

    /** The Salesforce contacts that have each address (volunteers by any of their addresses). */
    private static final String CONTACTS_BY_ADDRESS = """
            select c.email, min(c.sf), count(distinct c.sf)
            from (select ve.email, v.salesforce_individual_id as sf from volunteer_email ve
                      join volunteer v on v.id = ve.volunteer_id where ve.email = any(?::text[])
                  union all
                  select t.email, t.salesforce_id from teacher t where t.email = any(?::text[]) and t.salesforce_id is not null
                  union all
                  select s.email, s.salesforce_individual_id from student s where s.email = any(?::text[])) c
            group by c.email""";

    static final Upsert<NormalizedSfHistory> HISTORY = Upsert.<NormalizedSfHistory>into("history", "h")
            .key("salesforce_id", "text", NormalizedSfHistory::getSalesforceId)
            .value("source", "text", NormalizedSfHistory::getSource)
            .value("contact_salesforce_id", "text", NormalizedSfHistory::getContactSalesforceId)
            .value("contact_email", "text", NormalizedSfHistory::getContactEmail)
            .value("related_salesforce_id", "text", NormalizedSfHistory::getRelatedSalesforceId)
            .value("subject", "text", NormalizedSfHistory::getSubject)
            .value("occurred_at", "timestamptz", h -> Timestamps.of(h.getOccurredAt()))
            .value("activity_type", "text", NormalizedSfHistory::getActivityType)
            .value("status", "text", NormalizedSfHistory::getStatus)
            .value("description", "text", NormalizedSfHistory::getDescription)
            .value("incoming", "boolean", NormalizedSfHistory::getIncoming)
            .value("deleted", "boolean", NormalizedSfHistory::getDeleted)
            .derived("volunteer_id", "(select v.id from volunteer v where v.salesforce_individual_id = "
                    + "u.contact_salesforce_id)", "excluded.volunteer_id")
            .derived("teacher_id", "(select t.id from teacher t where t.salesforce_id = u.contact_salesforce_id)",
                    "excluded.teacher_id")
            .derived("student_id", "(select s.id from student s where s.salesforce_individual_id = "
                    + "u.contact_salesforce_id)", "excluded.student_id")
            .derived("event_id", "(select e.id from event e where e.salesforce_id = u.related_salesforce_id)",
                    "excluded.event_id")
            .carried("system_modstamp", "timestamptz", h -> Timestamps.of(h.getSystemModstamp()))
            .newerOnly("system_modstamp")
            .carried("last_run_id", "uuid", NormalizedSfHistory::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    public SfHistoryStore() {
        super(new SfHistoryKind());
    }

    @Override
    Upsert<NormalizedSfHistory> table() {
        return HISTORY;
    }

    @Override
    public String liveCountSql() {
        return "select count(*) from history where not deleted";
    }

    /**
     * An EmailMessage is linked to the one contact with its address (its Salesforce id filled in); an
     * address two contacts share links to neither, and the row says so (without quoting it).
     */
    @Override
    List<Change<NormalizedSfHistory>> prepare(Connection c, List<Change<NormalizedSfHistory>> changes)
            throws SQLException {
        List<String> addresses = changes.stream().map(ch -> ch.record())
                .filter(h -> h.getContactSalesforceId() == null && h.getContactEmail() != null)
                .map(NormalizedSfHistory::getContactEmail).distinct().toList();
        if (addresses.isEmpty()) {
            return changes;
        }
        Map<String, String> only = new HashMap<>();
        Map<String, Integer> shared = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CONTACTS_BY_ADDRESS)) {
            for (int i = 1; i <= 3; i++) {
                ps.setArray(i, Sql.text(c, addresses));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(3) == 1) {
                        only.put(rs.getString(1), rs.getString(2));
                    } else {
                        shared.put(rs.getString(1), rs.getInt(3));
                    }
                }
            }
        }
        for (Change<NormalizedSfHistory> ch : changes) {
            NormalizedSfHistory h = ch.record();
            if (h.getContactSalesforceId() == null && h.getContactEmail() != null) {
                if (only.containsKey(h.getContactEmail())) {
                    h.setContactSalesforceId(only.get(h.getContactEmail()));
                } else if (shared.containsKey(h.getContactEmail())) {
                    List<String> warnings = new ArrayList<>(h.getWarnings());
                    warnings.add("the message's address belongs to " + shared.get(h.getContactEmail())
                            + " contacts: linked to none");
                    h.setWarnings(warnings);
                }
            }
        }
        return changes;
    }

    @Override
    List<Parent> parents(NormalizedSfHistory h) {
        // the reason never quotes the address (no personal data in reasons)
        return h.getContactSalesforceId() != null
                ? List.of(new Parent(CONTACT, h.getContactSalesforceId(), "its contact (WhoId " + h.getContactSalesforceId() + ")"))
                : List.of(new Parent(CONTACT_EMAIL, h.getContactEmail(), "a contact with the message's "
                        + (Boolean.TRUE.equals(h.getIncoming()) ? "sender" : "recipient") + " address"));
    }

    @Override
    Map<String, String> lookups() {
        return LOOKUPS;
    }

    @Override
    String waitingFor(String parentKind) {
        return CONTACT_KINDS.contains(parentKind) ? CONTACT : parentKind;
    }

    /** Contacts with these addresses were written (in a run of theirs): the messages waiting for them are applied. */
    void releaseEmails(Connection c, String parentRunId, Collection<String> emails, Effects effects) throws SQLException {
        releaseAs(kind(), c, CONTACT_EMAIL, parentRunId, emails, effects);
    }
}
