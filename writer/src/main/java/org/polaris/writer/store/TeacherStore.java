package org.polaris.writer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.polaris.schemas.avro.NormalizedTeacher;
import org.polaris.schemas.avro.OutcomeKind;

/** VMS teachers, keyed by Salesforce id, else email. */
public final class TeacherStore {

    private static final String UPSERT = """
            insert into teacher as t (teacher_key, salesforce_id, first_name, last_name, middle_name, email, school, last_run_id)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[])
            on conflict (teacher_key) do update set
                salesforce_id = excluded.salesforce_id, first_name = excluded.first_name, last_name = excluded.last_name,
                middle_name = excluded.middle_name, email = excluded.email, school = excluded.school,
                last_run_id = excluded.last_run_id, updated_at = now()
            where (t.first_name, t.last_name, t.middle_name, t.email, t.school)
                is distinct from (excluded.first_name, excluded.last_name, excluded.middle_name, excluded.email, excluded.school)
            returning t.teacher_key, (t.xmax = 0) as inserted
            """;

    private TeacherStore() {
    }

    public static List<Outcome> upsert(Connection c, List<NormalizedTeacher> rows) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (List<NormalizedTeacher> wave : Waves.of(rows, NormalizedTeacher::getTeacherKey)) {
            Map<String, OutcomeKind> classified = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setArray(1, Sql.text(c, wave.stream().map(NormalizedTeacher::getTeacherKey).toList()));
                ps.setArray(2, Sql.text(c, col(wave, NormalizedTeacher::getSalesforceId)));
                ps.setArray(3, Sql.text(c, wave.stream().map(NormalizedTeacher::getFirstName).toList()));
                ps.setArray(4, Sql.text(c, wave.stream().map(NormalizedTeacher::getLastName).toList()));
                ps.setArray(5, Sql.text(c, col(wave, NormalizedTeacher::getMiddleName)));
                ps.setArray(6, Sql.text(c, col(wave, NormalizedTeacher::getEmail)));
                ps.setArray(7, Sql.text(c, col(wave, NormalizedTeacher::getSchool)));
                ps.setArray(8, Sql.text(c, wave.stream().map(NormalizedTeacher::getRunId).toList()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        classified.put(rs.getString(1), rs.getBoolean(2) ? OutcomeKind.CREATED : OutcomeKind.UPDATED);
                    }
                }
            }
            for (NormalizedTeacher t : wave) {
                outcomes.add(Outcome.of(t.getRunId(), t.getRowNumber(),
                        classified.getOrDefault(t.getTeacherKey(), OutcomeKind.SKIPPED), t.getWarnings()));
            }
        }
        return outcomes;
    }

    private static List<String> col(List<NormalizedTeacher> rows, java.util.function.Function<NormalizedTeacher, String> f) {
        List<String> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(f.apply(r)));
        return out;
    }
}
