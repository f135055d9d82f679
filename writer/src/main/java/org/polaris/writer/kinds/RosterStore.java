package org.polaris.writer.kinds;

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

import jakarta.inject.Singleton;
import org.polaris.schemas.Keys;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.NormalizedRosterEntry;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.RosterEntry;
import org.polaris.schemas.kinds.RosterKind;
import org.polaris.writer.Change;
import org.polaris.writer.Effects;
import org.polaris.writer.KindStore;
import org.polaris.writer.Publication;
import org.polaris.writer.RowRef;
import org.polaris.writer.ledger.RunChanges;
import org.polaris.writer.ledger.RunLedger.CompletedRun;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.Preview;
import org.polaris.writer.store.ProgressStore;
import org.polaris.writer.store.Sql;
import org.polaris.writer.store.TeacherLinks;
import org.polaris.writer.store.Upsert;
import org.polaris.writer.store.Waves;

/**
 * TeacherProgress roster entries, keyed by (academic year, normalized email), with the replace
 * semantics of facts §10: the first row of a key in a run wins (later ones are skipped, naming the
 * first); rows an administrator deactivated stay deactivated (reported); when the run completes,
 * the active roster of its (district, year) becomes exactly its keys ({@link #replace}), then the
 * year's progress is recomputed and its entries are matched to VMS teachers.
 */
@Singleton
public class RosterStore implements KindStore<NormalizedRosterEntry> {

    static final Upsert<NormalizedRosterEntry> TEACHER_PROGRESS = Upsert.<NormalizedRosterEntry>into("teacher_progress", "tp")
            .key("academic_year", "text", NormalizedRosterEntry::getAcademicYear)
            .key("email", "text", NormalizedRosterEntry::getEmail)
            .value("virtual_year", "text", NormalizedRosterEntry::getVirtualYear)
            .value("district", "text", NormalizedRosterEntry::getDistrict)
            .value("building", "text", NormalizedRosterEntry::getBuilding)
            .value("name", "text", NormalizedRosterEntry::getName)
            .value("grade", "text", NormalizedRosterEntry::getGrade)
            .value("target_sessions", "integer", NormalizedRosterEntry::getTargetSessions)
            // a teacher an administrator deactivated stays deactivated, whatever the run says
            .derived("active", "true", "not tp.manually_deactivated")
            .compared("tp.active", "not tp.manually_deactivated")
            .carried("last_run_id", "uuid", NormalizedRosterEntry::getRunId)
            .onUpdate("deactivated_by_run = null")
            .onUpdate("updated_at = now()")
            .build();

    private static final String YEARS_OF_RUN = "select distinct academic_year from roster_run_row where run_id = ?::uuid";

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

    private static final String ACTIVE_DISTRICTS = """
            select academic_year, email, district from teacher_progress
            where active and (academic_year, email) in (select * from unnest(?::text[], ?::text[]))
            """;

    private static final String MANUALLY_DEACTIVATED = """
            select academic_year, email from teacher_progress
            where manually_deactivated and (academic_year, email) in (select * from unnest(?::text[], ?::text[]))
            """;

    private static final String CURRENT = """
            select id, academic_year, email, name, building, district, target_sessions, active
            from teacher_progress
            where (academic_year, email) in (select * from unnest(?::text[], ?::text[]))
            """;

    /** What {@link #REPLACE} would deactivate, read only (a validate-only run's completion). */
    private static final String WOULD_REPLACE = """
            select tp.academic_year, tp.email, tp.name, tp.building, tp.district from teacher_progress tp
            where tp.academic_year = ? and tp.district is not distinct from ? and tp.active
              and not exists (select 1 from roster_run_row m
                              where m.run_id = ?::uuid and m.academic_year = tp.academic_year and m.email = tp.email)
            order by tp.email
            """;

    private static final String REPLACE = """
            update teacher_progress tp set active = false, deactivated_by_run = ?::uuid, updated_at = now()
            where tp.academic_year = ? and tp.district is not distinct from ? and tp.active
              and not exists (select 1 from roster_run_row m
                              where m.run_id = ?::uuid and m.academic_year = tp.academic_year and m.email = tp.email)
            returning tp.id, tp.academic_year, tp.email, tp.name, tp.building, tp.district, tp.target_sessions
            """;

    @Override
    public String kind() {
        return RosterKind.ID;
    }

    @Override
    public Class<NormalizedRosterEntry> recordType() {
        return NormalizedRosterEntry.class;
    }

    @Override
    public RowRef row(NormalizedRosterEntry r) {
        return RowRef.of(r.getRunId(), r.getRowNumber(), r.getMode());
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<NormalizedRosterEntry>> changes, Effects effects)
            throws SQLException {
        return upsert(c, changes.stream().map(Change::record).toList());
    }

    @Override
    public List<Publication> references(Connection c, List<NormalizedRosterEntry> records) throws SQLException {
        List<Publication> refs = new ArrayList<>();
        current(c, records).forEach((key, entry) -> refs.add(Publication.of(Topics.REF_ROSTER, key, entry)));
        return refs;
    }

    /** A validate-only batch's rows were undone: which entries the run carries is kept, for its completion. */
    @Override
    public void validated(Connection c, List<NormalizedRosterEntry> records) throws SQLException {
        claimFirst(c, records);
    }

    /** A validate-only run's completion: the entries the replace would deactivate, listed and counted, not touched. */
    @Override
    public void validatedCompleted(Connection c, CompletedRun run, Effects effects) throws SQLException {
        if (run.window() == null || acceptedRows(c, run.runId()) == 0) {
            return;
        }
        List<RunChanges.Change> wouldDeactivate = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(WOULD_REPLACE)) {
            ps.setString(1, run.window());
            ps.setString(2, run.district());
            ps.setString(3, run.runId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Preview.Field> fields = new LinkedHashMap<>();
                    fields.put("active", new Preview.Field("true", "false"));
                    fields.put("name", new Preview.Field(rs.getString(3), rs.getString(3)));
                    fields.put("building", new Preview.Field(rs.getString(4), rs.getString(4)));
                    wouldDeactivate.add(new RunChanges.Change(null, "DEACTIVATE", "teacher_progress",
                            Keys.roster(rs.getString(1), rs.getString(2)), fields));
                }
            }
        }
        RunChanges.record(c, run.runId(), wouldDeactivate);
        effects.count(run.runId(), RosterKind.DEACTIVATED, wouldDeactivate.size());
    }

    @Override
    public void completed(Connection c, CompletedRun run, Effects effects) throws SQLException {
        if (run.window() != null && acceptedRows(c, run.runId()) == 0) {
            // never an empty window: a run with no valid row leaves the roster as it was
            effects.note(run.runId(), "no valid row: the roster of " + run.window()
                    + (run.district() == null ? "" : " (" + run.district() + ")") + " was left as it was");
        } else if (run.window() != null) {
            Map<String, RosterEntry> deactivated = replace(c, run.runId(), run.window(), run.district());
            effects.count(run.runId(), RosterKind.DEACTIVATED, deactivated.size());
            // the matcher's table learns they are inactive before the commit (see BatchWriter.complete)
            deactivated.forEach((key, entry) -> effects.publish(Publication.of(Topics.REF_ROSTER, key, entry)));
        }
        for (String year : yearsOf(c, run.runId())) {
            ProgressStore.recompute(c, year);
            TeacherLinks.autoMatch(c, year);
        }
    }

    private static List<String> yearsOf(Connection c, String runId) throws SQLException {
        List<String> years = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(YEARS_OF_RUN)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getString(1));
                }
            }
        }
        return years;
    }

    /** Upserts roster rows; returns one outcome per row, in order. */
    static List<Outcome> upsert(Connection c, List<NormalizedRosterEntry> rows) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (List<NormalizedRosterEntry> wave : Waves.of(rows, r -> r.getRunId() + "|" + key(r))) {
            Set<String> firsts = claimFirst(c, wave);
            Map<String, Integer> firstRows = firstRows(c, wave, firsts);
            List<NormalizedRosterEntry> candidates = wave.stream().filter(r -> firsts.contains(member(r))).toList();
            Map<String, String> takenBy = otherDistricts(c, candidates);
            unclaim(c, candidates.stream().filter(r -> takenBy.containsKey(key(r))).toList());
            List<NormalizedRosterEntry> apply = candidates.stream().filter(r -> !takenBy.containsKey(key(r))).toList();
            Set<String> manual = manuallyDeactivated(c, apply);
            Map<String, OutcomeKind> classified = TEACHER_PROGRESS.upsert(c, apply);
            for (NormalizedRosterEntry r : wave) {
                List<String> warnings = new ArrayList<>(r.getWarnings());
                OutcomeKind kind;
                if (takenBy.containsKey(key(r))) {
                    outcomes.add(new Outcome(r.getRunId(), r.getRowNumber(), OutcomeKind.INVALID, List.of(
                            "this Teacher Email is on the " + r.getAcademicYear() + " roster of " + takenBy.get(key(r))
                                    + ": a roster of " + (r.getDistrict() == null ? "no district" : r.getDistrict())
                                    + " may not take the entry over (that roster must drop it first)"),
                            warnings, null));
                    continue;
                }
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
     * is deactivated (kept, never deleted). Returns the entries deactivated, by key, as the matcher's
     * table holds them now (inactive).
     */
    static Map<String, RosterEntry> replace(Connection c, String runId, String academicYear, String district)
            throws SQLException {
        Map<String, RosterEntry> entries = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(REPLACE)) {
            ps.setString(1, runId);
            ps.setString(2, academicYear);
            ps.setString(3, district);
            ps.setString(4, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.put(Keys.roster(rs.getString(2), rs.getString(3)), RosterEntry.newBuilder()
                            .setTeacherProgressId(rs.getLong(1)).setAcademicYear(rs.getString(2))
                            .setEmail(rs.getString(3)).setName(rs.getString(4)).setBuilding(rs.getString(5))
                            .setDistrict(rs.getString(6)).setTargetSessions(rs.getInt(7)).setActive(false).build());
                }
            }
        }
        return entries;
    }

    /** How many rows of a roster run were accepted (the keys it carries). */
    static int acceptedRows(Connection c, String runId) throws SQLException {
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

    /**
     * The active entries these rows would move from another district (or from no district to one, or
     * back): key -> that district's name. A roster import speaks for its own district only.
     */
    private static Map<String, String> otherDistricts(Connection c, List<NormalizedRosterEntry> rows) throws SQLException {
        Map<String, String> taken = new HashMap<>();
        if (rows.isEmpty()) {
            return taken;
        }
        Map<String, String> districtOf = new HashMap<>();
        rows.forEach(r -> districtOf.put(key(r), r.getDistrict()));
        try (PreparedStatement ps = c.prepareStatement(ACTIVE_DISTRICTS)) {
            ps.setArray(1, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getAcademicYear).toList()));
            ps.setArray(2, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getEmail).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = Keys.roster(rs.getString(1), rs.getString(2));
                    String current = rs.getString(3);
                    if (!java.util.Objects.equals(current, districtOf.get(key))) {
                        taken.put(key, current == null ? "no district" : current);
                    }
                }
            }
        }
        return taken;
    }

    /** Rows refused as another district's: they are not among the rows the run's replace keeps. */
    private static void unclaim(Connection c, List<NormalizedRosterEntry> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                delete from roster_run_row m using unnest(?::uuid[], ?::text[], ?::text[]) as k(run_id, ay, email)
                where m.run_id = k.run_id and m.academic_year = k.ay and m.email = k.email""")) {
            ps.setArray(1, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getRunId).toList()));
            ps.setArray(2, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getAcademicYear).toList()));
            ps.setArray(3, Sql.text(c, rows.stream().map(NormalizedRosterEntry::getEmail).toList()));
            ps.executeUpdate();
        }
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

    /**
     * The current reference row of every key in the batch, active or not (a deactivated entry stays
     * on the matcher's table, marked inactive, so a Pathful row of that teacher says it is deactivated).
     */
    static Map<String, RosterEntry> current(Connection c, List<NormalizedRosterEntry> rows) throws SQLException {
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
                    refs.put(key, RosterEntry.newBuilder()
                            .setTeacherProgressId(rs.getLong(1)).setAcademicYear(rs.getString(2))
                            .setEmail(rs.getString(3)).setName(rs.getString(4)).setBuilding(rs.getString(5))
                            .setDistrict(rs.getString(6)).setTargetSessions(rs.getInt(7)).setActive(rs.getBoolean(8))
                            .build());
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
}
