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
import org.polaris.schemas.avro.NormalizedSfClass;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.salesforce.SalesforceKind;
import org.polaris.schemas.kinds.salesforce.SfClassesKind;
import org.polaris.schemas.kinds.salesforce.SfSchoolsKind;
import org.polaris.schemas.kinds.salesforce.SfTeachersKind;
import org.polaris.writer.Change;
import org.polaris.writer.Changes;
import org.polaris.writer.Effects;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.SalesforceState;
import org.polaris.writer.store.Sql;
import org.polaris.writer.store.Upsert;
import org.polaris.writer.store.Waiting;

/**
 * Classes, keyed by Salesforce id, with their school and teacher. One whose school or teacher is not in
 * Polaris yet (the runner reads classes before teachers) waits (WAITING, parked) and is applied when that
 * parent arrives, counted on the parent's run.
 */
@Singleton
public class SfClassStore extends SalesforceStore<NormalizedSfClass> implements ChildStore {

    static final Upsert<NormalizedSfClass> CLASS = Upsert.<NormalizedSfClass>into("class", "k")
            .key("salesforce_id", "text", NormalizedSfClass::getSalesforceId)
            .value("name", "text", NormalizedSfClass::getName)
            .value("school_salesforce_id", "text", NormalizedSfClass::getSchoolSalesforceId)
            .value("teacher_salesforce_id", "text", NormalizedSfClass::getTeacherSalesforceId)
            .value("deleted", "boolean", NormalizedSfClass::getDeleted)
            .derived("school_id", "u.school_salesforce_id", "excluded.school_id")
            .derived("teacher_id", "(select t.id from teacher t where t.salesforce_id = u.teacher_salesforce_id)",
                    "excluded.teacher_id")
            .carried("system_modstamp", "timestamptz", k -> Timestamps.of(k.getSystemModstamp()))
            .carried("last_run_id", "uuid", NormalizedSfClass::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    public SfClassStore() {
        super(new SfClassesKind());
    }

    @Override
    Upsert<NormalizedSfClass> table() {
        return CLASS;
    }

    @Override
    public String liveCountSql() {
        return "select count(*) from class where not deleted";
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<NormalizedSfClass>> changes, Effects effects)
            throws SQLException {
        Present present = present(c, changes.stream().map(Change::record).toList());
        List<Change<NormalizedSfClass>> ready = new ArrayList<>();
        List<Waiting.Parked> parked = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Change<NormalizedSfClass> ch : changes) {
            NormalizedSfClass a = ch.record();
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
        SalesforceState.seen(c, parked.stream().map(p -> (NormalizedSfClass) p.record()).toList(),
                NormalizedSfClass::getRunId, NormalizedSfClass::getSystemModstamp);
        return outcomes;
    }

    @Override
    public void release(Connection c, String parentKind, String parentRunId, Collection<String> parentIds,
            Effects effects) throws SQLException {
        List<NormalizedSfClass> waiting = new ArrayList<>();
        for (SpecificRecord r : Waiting.take(c, kind(), parentKind, parentIds)) {
            waiting.add((NormalizedSfClass) r);
        }
        if (waiting.isEmpty()) {
            return;
        }
        Present present = present(c, waiting);
        List<Change<NormalizedSfClass>> ready = new ArrayList<>();
        List<Waiting.Parked> still = new ArrayList<>();
        for (NormalizedSfClass a : waiting) {
            missingParent(a, present).ifPresentOrElse(still::add, () -> ready.add(Change.upsert(a)));
        }
        Changes.apply(c, CLASS, ready, this::row, this::warnings); // their rows' outcomes stay WAITING
        Waiting.park(c, still);
        if (!ready.isEmpty()) {
            effects.count(parentRunId, SalesforceKind.APPLIED, ready.size());
        }
    }

    private record Present(Set<String> schools, Set<String> teachers) {
    }

    private static Present present(Connection c, List<NormalizedSfClass> records) throws SQLException {
        return new Present(
                existing(c, "select id from school where id = any(?::text[])",
                        records.stream().map(NormalizedSfClass::getSchoolSalesforceId).distinct().toList()),
                existing(c, "select salesforce_id from teacher where salesforce_id = any(?::text[])",
                        records.stream().map(NormalizedSfClass::getTeacherSalesforceId).distinct().toList()));
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

    private Optional<Waiting.Parked> missingParent(NormalizedSfClass a, Present present) {
        String parentKind;
        String parentId;
        String what;
        if (!present.schools().contains(a.getSchoolSalesforceId())) {
            parentKind = SfSchoolsKind.ID;
            parentId = a.getSchoolSalesforceId();
            what = "its school (School__c " + parentId + ")";
        } else if (!present.teachers().contains(a.getTeacherSalesforceId())) {
            parentKind = SfTeachersKind.ID;
            parentId = a.getTeacherSalesforceId();
            what = "its teacher (Teacher__c " + parentId + ")";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Waiting.Parked(kind(), a.getSalesforceId(), a.getRunId(), a.getRowNumber(), parentKind,
                parentId, "waiting for " + what + ": kept, and applied when it is in Polaris", a));
    }

    @Override
    String salesforceId(NormalizedSfClass r) {
        return r.getSalesforceId();
    }

    @Override
    String runId(NormalizedSfClass r) {
        return r.getRunId();
    }

    @Override
    int rowNumber(NormalizedSfClass r) {
        return r.getRowNumber();
    }

    @Override
    RunMode mode(NormalizedSfClass r) {
        return r.getMode();
    }

    @Override
    boolean deleted(NormalizedSfClass r) {
        return r.getDeleted();
    }

    @Override
    Long modstamp(NormalizedSfClass r) {
        return r.getSystemModstamp();
    }

    @Override
    List<String> warnings(NormalizedSfClass r) {
        return r.getWarnings();
    }
}
