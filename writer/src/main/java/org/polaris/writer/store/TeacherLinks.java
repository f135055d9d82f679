package org.polaris.writer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.polaris.matching.teachers.Candidate;
import org.polaris.matching.teachers.MatchDecision;
import org.polaris.matching.teachers.RosterTeacher;
import org.polaris.matching.teachers.TeacherMatcher;
import org.polaris.matching.teachers.VmsTeacher;

/**
 * Post-import teacher matching (Playbook B): links roster entries to VMS teachers with the
 * matcher's rules (exact email, then name similarity within blocks), keeps review candidates for
 * a person, and never touches a link a person made (MANUAL).
 */
public final class TeacherLinks {

    private static final String ROSTER = """
            select id, name, email, building from teacher_progress
            where active and match_status <> 'MANUAL' and academic_year = ?
            """;
    /**
     * The VMS teachers a year's auto-match may link: every live one a person has not linked by hand in
     * that year (a Salesforce teacher's school is its school's name).
     */
    private static final String TEACHERS = """
            select t.id, t.first_name, t.middle_name, t.last_name, t.email, coalesce(t.school, s.name) from teacher t
            left join school s on s.id = t.school_salesforce_id
            where not t.deleted and not exists (select 1 from teacher_progress tp where tp.academic_year = ? and tp.active
                              and tp.match_status = 'MANUAL' and tp.teacher_id = t.id)
            """;
    private static final String YEARS = "select distinct academic_year from teacher_progress where active order by 1";
    private static final String LINK = """
            update teacher_progress set teacher_id = ?, match_status = ?, match_score = ?, updated_at = now()
            where id = ? and (teacher_id, match_status, match_score) is distinct from (?::bigint, ?::text, ?::double precision)
            """;
    private static final String CLEAR = "delete from teacher_match_candidate where teacher_progress_id = any(?::bigint[])";
    private static final String CANDIDATE = "insert into teacher_match_candidate values (?, ?, ?)";

    private TeacherLinks() {
    }

    /**
     * Matches the active, not manually linked roster entries of a year, or of every year one by one
     * (null: after a VMS teacher import), so a teacher is linked once per year, never demoted for being
     * on two years' rosters. Returns how many were linked.
     */
    public static int autoMatch(Connection c, String academicYear) throws SQLException {
        if (academicYear == null) {
            List<String> years = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(YEARS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getString(1));
                }
            }
            int linked = 0;
            for (String year : years) {
                linked += autoMatch(c, year);
            }
            return linked;
        }
        List<RosterTeacher> roster = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ROSTER)) {
            ps.setString(1, academicYear);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roster.add(new RosterTeacher(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        if (roster.isEmpty()) {
            return 0;
        }
        List<VmsTeacher> teachers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TEACHERS)) {
            ps.setString(1, academicYear);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    teachers.add(new VmsTeacher(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(4),
                            rs.getString(3), rs.getString(5) == null ? List.of() : List.of(rs.getString(5)),
                            rs.getString(6)));
                }
            }
        }
        List<MatchDecision> decisions = new TeacherMatcher().match(roster, teachers);
        int linked = 0;
        try (PreparedStatement clear = c.prepareStatement(CLEAR)) {
            clear.setArray(1, c.createArrayOf("bigint", roster.stream().map(r -> Long.valueOf(r.id())).toArray()));
            clear.executeUpdate();
        }
        try (PreparedStatement link = c.prepareStatement(LINK); PreparedStatement candidate = c.prepareStatement(CANDIDATE)) {
            for (MatchDecision d : decisions) {
                long rosterId = Long.parseLong(d.rosterId());
                Long teacherId = null;
                String status = "UNMATCHED";
                Double score = null;
                switch (d.outcome()) {
                    case AUTO_LINKED -> {
                        teacherId = Long.parseLong(d.teacherId());
                        status = "AUTO_" + d.reason().name();
                        score = d.score();
                        linked++;
                    }
                    case REVIEW -> {
                        status = "REVIEW";
                        score = d.score();
                        for (Candidate cand : d.candidates()) {
                            candidate.setLong(1, rosterId);
                            candidate.setLong(2, Long.parseLong(cand.teacherId()));
                            candidate.setDouble(3, cand.score());
                            candidate.addBatch();
                        }
                    }
                    default -> {
                        // no candidate: stays unmatched
                    }
                }
                // unchanged links are not rewritten: a re-import that changes nothing leaves the table as it was
                for (int offset : new int[] {0, 4}) {
                    link.setObject(offset + 1, teacherId, java.sql.Types.BIGINT);
                    link.setString(offset + 2, status);
                    link.setObject(offset + 3, score, java.sql.Types.DOUBLE);
                }
                link.setLong(4, rosterId);
                link.addBatch();
            }
            link.executeBatch();
            candidate.executeBatch();
        }
        return linked;
    }

}
