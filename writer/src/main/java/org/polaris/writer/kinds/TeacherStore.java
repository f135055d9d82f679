package org.polaris.writer.kinds;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.NormalizedTeacher;
import org.polaris.schemas.kinds.TeachersKind;
import org.polaris.writer.Change;
import org.polaris.writer.Changes;
import org.polaris.writer.Effects;
import org.polaris.writer.KindStore;
import org.polaris.writer.RowRef;
import org.polaris.writer.ledger.RunLedger.CompletedRun;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.TeacherLinks;
import org.polaris.writer.store.Upsert;

/** VMS teachers, keyed by Salesforce id, else email; a completed run matches the rosters to them again. */
@Singleton
public class TeacherStore implements KindStore<NormalizedTeacher> {

    static final Upsert<NormalizedTeacher> TEACHER = Upsert.<NormalizedTeacher>into("teacher", "t")
            .key("teacher_key", "text", NormalizedTeacher::getTeacherKey)
            .carried("salesforce_id", "text", NormalizedTeacher::getSalesforceId)
            .value("first_name", "text", NormalizedTeacher::getFirstName)
            .value("last_name", "text", NormalizedTeacher::getLastName)
            .value("middle_name", "text", NormalizedTeacher::getMiddleName)
            .value("email", "text", NormalizedTeacher::getEmail)
            .value("school", "text", NormalizedTeacher::getSchool)
            .carried("last_run_id", "uuid", NormalizedTeacher::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    @Override
    public String kind() {
        return TeachersKind.ID;
    }

    @Override
    public Class<NormalizedTeacher> recordType() {
        return NormalizedTeacher.class;
    }

    @Override
    public RowRef row(NormalizedTeacher t) {
        return RowRef.of(t.getRunId(), t.getRowNumber(), t.getMode());
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<NormalizedTeacher>> changes, Effects effects)
            throws SQLException {
        return Changes.apply(c, TEACHER, changes, this::row, NormalizedTeacher::getWarnings);
    }

    @Override
    public void completed(Connection c, CompletedRun run, Effects effects) throws SQLException {
        TeacherLinks.autoMatch(c, null);
    }
}
