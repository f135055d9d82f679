package org.polaris.writer.kinds.salesforce;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.avro.NormalizedSfAffiliation;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.salesforce.SalesforceKind;
import org.polaris.schemas.kinds.salesforce.SfAffiliationsKind;
import org.polaris.schemas.kinds.salesforce.SfOrganizationsKind;
import org.polaris.schemas.kinds.salesforce.SfVolunteersKind;
import org.polaris.writer.Change;
import org.polaris.writer.Changes;
import org.polaris.writer.Effects;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.SalesforceState;
import org.polaris.writer.store.Sql;
import org.polaris.writer.store.Upsert;
import org.polaris.writer.store.Waiting;

/**
 * Affiliations: the volunteer ↔ organization link rows (facts §1 "M:N Organization (link rows)"), keyed
 * by Salesforce id. One whose volunteer or organization is not in Polaris yet waits (WAITING, parked)
 * and is applied when that parent arrives, counted on the parent's run.
 */
@Singleton
public class SfAffiliationStore extends SalesforceStore<NormalizedSfAffiliation> implements ChildStore {

    static final Upsert<NormalizedSfAffiliation> AFFILIATION = Upsert.<NormalizedSfAffiliation>into(
                    "volunteer_organization", "a")
            .key("salesforce_id", "text", NormalizedSfAffiliation::getSalesforceId)
            .value("contact_salesforce_id", "text", NormalizedSfAffiliation::getContactSalesforceId)
            .value("organization_salesforce_id", "text", NormalizedSfAffiliation::getOrganizationSalesforceId)
            .value("status", "text", NormalizedSfAffiliation::getStatus)
            .value("is_primary", "boolean", NormalizedSfAffiliation::getPrimary)
            .value("deleted", "boolean", NormalizedSfAffiliation::getDeleted)
            .derived("volunteer_id", "(select v.id from volunteer v where v.salesforce_individual_id = "
                    + "u.contact_salesforce_id)", "excluded.volunteer_id")
            .derived("organization_id", "(select o.id from organization o where o.salesforce_id = "
                    + "u.organization_salesforce_id)", "excluded.organization_id")
            .carried("system_modstamp", "timestamptz", a -> Timestamps.of(a.getSystemModstamp()))
            .carried("last_run_id", "uuid", NormalizedSfAffiliation::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    public SfAffiliationStore() {
        super(new SfAffiliationsKind());
    }

    @Override
    Upsert<NormalizedSfAffiliation> table() {
        return AFFILIATION;
    }

    @Override
    public String liveCountSql() {
        return "select count(*) from volunteer_organization where not deleted";
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<NormalizedSfAffiliation>> changes, Effects effects)
            throws SQLException {
        Present present = present(c, changes.stream().map(Change::record).toList());
        List<Change<NormalizedSfAffiliation>> ready = new ArrayList<>();
        List<Waiting.Parked> parked = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Change<NormalizedSfAffiliation> ch : changes) {
            NormalizedSfAffiliation a = ch.record();
            Optional<Waiting.Parked> missing = missingParent(a, present);
            if (missing.isPresent()) {
                parked.add(missing.get());
                outcomes.add(new Outcome(a.getRunId(), a.getRowNumber(), OutcomeKind.WAITING,
                        List.of(missing.get().reason()), a.getWarnings(), null));
            } else {
                ready.add(ch);
            }
        }
        outcomes.addAll(super.write(c, ready, effects));
        Waiting.park(c, parked);
        Waiting.forget(c, kind(), ready.stream().map(ch -> ch.record().getSalesforceId()).toList());
        SalesforceState.seen(c, parked.stream().map(p -> (NormalizedSfAffiliation) p.record()).toList(),
                NormalizedSfAffiliation::getRunId, NormalizedSfAffiliation::getSystemModstamp);
        return outcomes;
    }

    @Override
    public void release(Connection c, String parentKind, String parentRunId, Collection<String> parentIds,
            Effects effects) throws SQLException {
        List<NormalizedSfAffiliation> waiting = new ArrayList<>();
        for (SpecificRecord r : Waiting.take(c, kind(), parentKind, parentIds)) {
            waiting.add((NormalizedSfAffiliation) r);
        }
        if (waiting.isEmpty()) {
            return;
        }
        Present present = present(c, waiting);
        List<Change<NormalizedSfAffiliation>> ready = new ArrayList<>();
        List<Waiting.Parked> still = new ArrayList<>();
        for (NormalizedSfAffiliation a : waiting) {
            missingParent(a, present).ifPresentOrElse(still::add, () -> ready.add(Change.upsert(a)));
        }
        Changes.apply(c, AFFILIATION, ready, this::row, this::warnings); // their rows' outcomes stay WAITING
        Waiting.park(c, still);
        if (!ready.isEmpty()) {
            effects.count(parentRunId, SalesforceKind.APPLIED, ready.size());
        }
    }

    private record Present(Set<String> volunteers, Set<String> organizations) {
    }

    private static Present present(Connection c, List<NormalizedSfAffiliation> records) throws SQLException {
        return new Present(
                existing(c, "select salesforce_individual_id from volunteer where salesforce_individual_id = any(?::text[])",
                        records.stream().map(NormalizedSfAffiliation::getContactSalesforceId).distinct().toList()),
                existing(c, "select salesforce_id from organization where salesforce_id = any(?::text[])",
                        records.stream().map(NormalizedSfAffiliation::getOrganizationSalesforceId).distinct().toList()));
    }

    private static Set<String> existing(Connection c, String sql, List<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private Optional<Waiting.Parked> missingParent(NormalizedSfAffiliation a, Present present) {
        String parentKind;
        String parentId;
        String what;
        if (!present.volunteers().contains(a.getContactSalesforceId())) {
            parentKind = SfVolunteersKind.ID;
            parentId = a.getContactSalesforceId();
            what = "its volunteer (npe5__Contact__c " + parentId + ")";
        } else if (!present.organizations().contains(a.getOrganizationSalesforceId())) {
            parentKind = SfOrganizationsKind.ID;
            parentId = a.getOrganizationSalesforceId();
            what = "its organization (npe5__Organization__c " + parentId + ")";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Waiting.Parked(kind(), a.getSalesforceId(), a.getRunId(), a.getRowNumber(), parentKind,
                parentId, "waiting for " + what + ": kept, and applied when it is in Polaris", a));
    }

    @Override
    String salesforceId(NormalizedSfAffiliation r) {
        return r.getSalesforceId();
    }

    @Override
    String runId(NormalizedSfAffiliation r) {
        return r.getRunId();
    }

    @Override
    int rowNumber(NormalizedSfAffiliation r) {
        return r.getRowNumber();
    }

    @Override
    RunMode mode(NormalizedSfAffiliation r) {
        return r.getMode();
    }

    @Override
    boolean deleted(NormalizedSfAffiliation r) {
        return r.getDeleted();
    }

    @Override
    Long modstamp(NormalizedSfAffiliation r) {
        return r.getSystemModstamp();
    }

    @Override
    List<String> warnings(NormalizedSfAffiliation r) {
        return r.getWarnings();
    }
}
