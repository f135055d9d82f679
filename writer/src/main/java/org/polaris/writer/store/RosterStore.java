package org.polaris.writer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.polaris.schemas.Keys;
import org.polaris.schemas.avro.NormalizedRosterEntry;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.RosterEntry;

/**
 * TeacherProgress roster entries, keyed by (academic year, normalized email), with the replace
 * semantics of facts §10: the first row of a key in a run wins (later ones are skipped, naming the
 * first); rows an administrator deactivated stay deactivated (reported); when the run completes,
 * the active roster of its (district, year) becomes exactly its keys ({@link #replace}).
 */
public final class RosterStore {

    private static final String MEMBERS = """
            insert into roster_run_row (run_id, academic_year, email, row_no)
            select * from unnest(?::uuid[], ?::text[], ?::text[], ?::int[])
            on conflict do nothing
            returning run_id::text, academic_year, email
            """;

    private static final String FIRST_ROWS = """
            select m.run_id::text, m.academic_year, m.email, m.row_no from roster_run_row m
            join unnest(?::uuid[], ?::text[], ?::text[]) as k(run_id, ay, email)
              on m.run_id = k.run_id and m.academic_year = k.ay and m.email = k.email
            """;

    private static final String MANUALLY_DEACTIVATED = """
            select academic_year, email from teacher_progress
            where manually_deactivated and (academic_year, email) in (select * from unnest(?::text[], ?::text[]))
            """;

    private static final String UPSERT = """
            insert into teacher_progress as tp (academic_year, virtual_year, district, building, name, email, grade,
                target_sessions, active, last_run_id)
            select u.ay, u.vy, u.district, u.building, u.name, u.email, u.grade, u.target, true, u.run_id
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::uuid[])
                 as u(ay, vy, district, building, name, email, grade, target, run_id)
            on conflict (academic_year, email) do update set
                virtual_year = excluded.virtual_year, district = excluded.district, building = excluded.building,
                name = excluded.name, grade = excluded.grade, target_sessions = excluded.target_sessions,
                active = not tp.manually_deactivated, deactivated_by_run = null,
                last_run_id = excluded.last_run_id, updated_at = now()
            where (tp.virtual_year, tp.district, tp.building, tp.name, tp.grade, tp.target_sessions, tp.active)
                is distinct from (excluded.virtual_year, excluded.district, excluded.building, excluded.name,
                                  excluded.grade, excluded.target_sessions, not tp.manually_deactivated)
            returning tp.academic_year, tp.email, (tp.xmax = 0) as inserted
            """;

    private static final String CURRENT = """
            select id, academic_year, email, name, building, district, target_sessions, active
            from teacher_progress
            where (academic_year, email) in (select * from unnest(?::text[], ?::text[]))
            """;

    private static final String REPLACE = """
            update teacher_progress tp set active = false, deactivated_by_run = ?::uuid, updated_at = now()
            where tp.academic_year = ? and tp.district is not distinct from ? and tp.active
              and not exists (select 1 from roster_run_row m
                              where m.run_id = ?::uuid and m.academic_year = tp.academic_year and m.email = tp.email)
            returning tp.academic_year, tp.email
            """;

    private RosterStore() {
    }

    /** Upserts roster rows; returns one outcome per row, in order. */
    public static List<Outcome> upsert(Connection c, List<NormalizedRosterEntry> rows) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (List<NormalizedRosterEntry> wave : Waves.of(rows, r -> r.getRunId() + "|" + key(r))) {
            Set<String> firsts = claimFirst(c, wave);
            Map<String, Integer> firstRows = firstRows(c, wave, firsts);
            List<NormalizedRosterEntry> apply = wave.stream().filter(r -> firsts.contains(member(r))).toList();
            Set<String> manual = manuallyDeactivated(c, apply);
            Map<String, OutcomeKind> classified = upsertRows(c, apply);
            for (NormalizedRosterEntry r : wave) {
                List<String> warnings = new ArrayList<>(r.getWarnings());
                OutcomeKind kind;
                if (!firsts.contains(member(r))) {
                    kind = OutcomeKind.SKIPPED;
                    warnings.add("duplicate of row " + firstRows.get(member(r)) + " (same Teacher Email): the first is kept");
                } else {
                    kind = classified.getOrDefault(key(r), OutcomeKind.SKIPPED);
                    if (manual.contains(key(r))) {
                        warnings.add("kept deactivated: an administrator deactivated this teacher");
                    }
                }
                outcomes.add(Outcome.of(r.getRunId(), r.getRowNumber(), kind, warnings));
            }
        }
        return outcomes;
    }

    /**
     * Completes a roster run's replace: every active entry of (district, year) the run did not carry
     * is deactivated (kept, never deleted). Returns the keys deactivated.
     */
    public static List<String> replace(Connection c, String runId, String academicYear, String district)
            throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(REPLACE)) {
            ps.setString(1, runId);
            ps.setString(2, academicYear);
            ps.setString(3, district);
            ps.setString(4, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(Keys.roster(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return keys;
    }

    /** How many rows of a roster run were accepted (the keys it carries). */
    public static int acceptedRows(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from roster_run_row where run_id = ?::uuid")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Records each row's key for its run; returns run|key of the rows that were first. */
    private static Set<String> claimFirst(Connection c, List<NormalizedRosterEntry> wave) throws SQLException {
        Set<String> firsts = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(MEMBERS)) {
            ps.setArray(1, Sql.text(c, wave.stream().map(NormalizedRosterEntry::getRunId).toList()));
            ps.setArray(2, Sql.text(c, wave.stream().map(NormalizedRosterEntry::getAcademicYear).toList()));
            ps.setArray(3, Sql.text(c, wave.stream().map(NormalizedRosterEntry::getEmail).toList()));
            ps.setArray(4, Sql.ints(c, wave.stream().map(NormalizedRosterEntry::getRowNumber).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    firsts.add(rs.getString(1) + "|" + Keys.roster(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return firsts;
    }

    /** Row numbers of the first rows of the keys these duplicates repeat. */
    private static Map<String, Integer> firstRows(Connection c, List<NormalizedRosterEntry> wave, Set<String> firsts)
            throws SQLException {
        List<NormalizedRosterEntry> dups = wave.stream().filter(r -> !firsts.contains(member(r))).toList();
        Map<String, Integer> rows = new HashMap<>();
        if (dups.isEmpty()) {
            return rows;
        }
        try (PreparedStatement ps = c.prepareStatement(FIRST_ROWS)) {
            ps.setArray(1, Sql.text(c, dups.stream().map(NormalizedRosterEntry::getRunId).toList()));
            ps.setArray(2, Sql.text(c, dups.stream().map(NormalizedRosterEntry::getAcademicYear).toList()));
            ps.setArray(3, Sql.text(c, dups.stream().map(NormalizedRosterEntry::getEmail).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1) + "|" + Keys.roster(rs.getString(2), rs.getString(3)), rs.getInt(4));
                }
            }
        }
        return rows;
    }

    private static Set<String> manuallyDeactivated(Connection c, List<NormalizedRosterEntry> rows) throws SQLException {
        Set<String> keys = new HashSet<>();
        if (rows.isEmpty()) {
            return keys;
        }
        try (PreparedStatement ps = c.prepareStatement(MANUALLY_DEACTIVATED)) {
            ps.setArray(1, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getAcademicYear).toList()));
            ps.setArray(2, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getEmail).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(Keys.roster(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return keys;
    }

    private static Map<String, OutcomeKind> upsertRows(Connection c, List<NormalizedRosterEntry> rows) throws SQLException {
        Map<String, OutcomeKind> classified = new HashMap<>();
        if (rows.isEmpty()) {
            return classified;
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setArray(1, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getAcademicYear).toList()));
            ps.setArray(2, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getVirtualYear).toList()));
            ps.setArray(3, Sql.text(c, nullable(rows, NormalizedRosterEntry::getDistrict)));
            ps.setArray(4, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getBuilding).toList()));
            ps.setArray(5, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getName).toList()));
            ps.setArray(6, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getEmail).toList()));
            ps.setArray(7, Sql.text(c, nullable(rows, NormalizedRosterEntry::getGrade)));
            ps.setArray(8, Sql.ints(c, rows.stream().map(NormalizedRosterEntry::getTargetSessions).toList()));
            ps.setArray(9, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getRunId).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    classified.put(Keys.roster(rs.getString(1), rs.getString(2)),
                            rs.getBoolean(3) ? OutcomeKind.CREATED : OutcomeKind.UPDATED);
                }
            }
        }
        return classified;
    }

    /**
     * The current reference row of every key in the batch: the entry when active, null (a
     * tombstone for the matcher's table) when not.
     */
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
                    String key = Keys.roster(rs.getString(2), rs.getString(3));
                    refs.put(key, !rs.getBoolean(8) ? null : RosterEntry.newBuilder()
                            .setTeacherProgressId(rs.getLong(1)).setAcademicYear(rs.getString(2))
                            .setEmail(rs.getString(3)).setName(rs.getString(4)).setBuilding(rs.getString(5))
                            .setDistrict(rs.getString(6)).setTargetSessions(rs.getInt(7)).build());
                }
            }
        }
        return refs;
    }

    private static String key(NormalizedRosterEntry r) {
        return Keys.roster(r.getAcademicYear(), r.getEmail());
    }

    private static String member(NormalizedRosterEntry r) {
        return r.getRunId() + "|" + key(r);
    }

    private static List<String> nullable(List<NormalizedRosterEntry> rows,
            java.util.function.Function<NormalizedRosterEntry, String> f) {
        List<String> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(f.apply(r)));
        return out;
    }
}
