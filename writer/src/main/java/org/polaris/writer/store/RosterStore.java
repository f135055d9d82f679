package org.polaris.writer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.polaris.schemas.Keys;
import org.polaris.schemas.avro.NormalizedRosterEntry;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.RosterEntry;

/** TeacherProgress roster entries, keyed by (academic year, normalized email). */
public final class RosterStore {

    private static final String UPSERT = """
            insert into teacher_progress as tp (academic_year, virtual_year, district, building, name, email, grade,
                target_sessions, active, last_run_id)
            select u.ay, u.vy, u.district, u.building, u.name, u.email, u.grade, u.target, true, u.run_id
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::uuid[])
                 as u(ay, vy, district, building, name, email, grade, target, run_id)
            on conflict (academic_year, email) do update set
                virtual_year = excluded.virtual_year, district = excluded.district, building = excluded.building,
                name = excluded.name, grade = excluded.grade, target_sessions = excluded.target_sessions,
                active = true, last_run_id = excluded.last_run_id, updated_at = now()
            where (tp.virtual_year, tp.district, tp.building, tp.name, tp.grade, tp.target_sessions, tp.active)
                is distinct from (excluded.virtual_year, excluded.district, excluded.building, excluded.name,
                                  excluded.grade, excluded.target_sessions, true)
            returning tp.academic_year, tp.email, (tp.xmax = 0) as inserted
            """;

    private static final String CURRENT = """
            select id, academic_year, email, name, building, district, target_sessions
            from teacher_progress
            where active and (academic_year, email) in (select * from unnest(?::text[], ?::text[]))
            """;

    private RosterStore() {
    }

    /** Upserts roster rows; the outcomes in order, and the reference rows the matcher's table needs. */
    public static List<Outcome> upsert(Connection c, List<NormalizedRosterEntry> rows) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        Map<String, OutcomeKind> classified = new HashMap<>();
        for (List<NormalizedRosterEntry> wave : Waves.of(rows, RosterStore::key)) {
            classified.clear();
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setArray(1, Sql.text(c, wave.stream().map(NormalizedRosterEntry::getAcademicYear).toList()));
                ps.setArray(2, Sql.text(c, wave.stream().map(NormalizedRosterEntry::getVirtualYear).toList()));
                ps.setArray(3, Sql.text(c, nullable(wave, NormalizedRosterEntry::getDistrict)));
                ps.setArray(4, Sql.text(c, wave.stream().map(NormalizedRosterEntry::getBuilding).toList()));
                ps.setArray(5, Sql.text(c, wave.stream().map(NormalizedRosterEntry::getName).toList()));
                ps.setArray(6, Sql.text(c, wave.stream().map(NormalizedRosterEntry::getEmail).toList()));
                ps.setArray(7, Sql.text(c, nullable(wave, NormalizedRosterEntry::getGrade)));
                ps.setArray(8, Sql.ints(c, wave.stream().map(NormalizedRosterEntry::getTargetSessions).toList()));
                ps.setArray(9, Sql.text(c, wave.stream().map(NormalizedRosterEntry::getRunId).toList()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        classified.put(Keys.roster(rs.getString(1), rs.getString(2)),
                                rs.getBoolean(3) ? OutcomeKind.CREATED : OutcomeKind.UPDATED);
                    }
                }
            }
            for (NormalizedRosterEntry r : wave) {
                OutcomeKind kind = classified.getOrDefault(key(r), OutcomeKind.SKIPPED);
                outcomes.add(Outcome.of(r.getRunId(), r.getRowNumber(), kind, r.getWarnings()));
            }
        }
        return outcomes;
    }

    /** The current reference row of every key in the batch, duplicates and unchanged rows included. */
    public static Map<String, RosterEntry> current(Connection c, List<NormalizedRosterEntry> rows) throws SQLException {
        Map<String, RosterEntry> refs = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return refs;
        }
        try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
            ps.setArray(1, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getAcademicYear).toList()));
            ps.setArray(2, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getEmail).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RosterEntry e = RosterEntry.newBuilder()
                            .setTeacherProgressId(rs.getLong(1)).setAcademicYear(rs.getString(2))
                            .setEmail(rs.getString(3)).setName(rs.getString(4)).setBuilding(rs.getString(5))
                            .setDistrict(rs.getString(6)).setTargetSessions(rs.getInt(7)).build();
                    refs.put(Keys.roster(e.getAcademicYear(), e.getEmail()), e);
                }
            }
        }
        return refs;
    }

    private static String key(NormalizedRosterEntry r) {
        return Keys.roster(r.getAcademicYear(), r.getEmail());
    }

    private static List<String> nullable(List<NormalizedRosterEntry> rows,
            java.util.function.Function<NormalizedRosterEntry, String> f) {
        List<String> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(f.apply(r)));
        return out;
    }

}
