package org.polaris.launcher.wiring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.polaris.ingest.rematch.PendingRematches;

/**
 * The re-match's view of the writer's tables, in the one-process application (read only): pending
 * unmatched Pathful rows whose teacher is active on the roster of their year and whose event exists.
 */
@ApplicationScoped
public class LedgerPendingRematches implements PendingRematches {

    private static final String MATCHABLE = """
            select p.run_id::text, p.row_no, p.academic_year, p.session_id, p.event_id, p.teacher_email, p.session_start,
                   p.attendance_status, p.participant_type
            from pathful_unmatched_record p
            where p.status = 'pending' and p.attendance_status is not null
              and p.created_at > now() - make_interval(secs => ?)
              and exists (select 1 from teacher_progress tp
                          where tp.academic_year = p.academic_year and tp.email = p.teacher_email and tp.active)
              and exists (select 1 from event e where e.pathful_session_id = p.event_id)
            order by p.academic_year, p.created_at, p.run_id, p.row_no
            limit ?
            """;

    @Inject
    AgroalDataSource db;

    @Override
    public List<Pending> matchable(Duration window, int limit) {
        List<Pending> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(MATCHABLE)) {
            ps.setDouble(1, window.toSeconds());
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the pending unmatched rows (SQLSTATE " + e.getSQLState() + ")");
        }
        return out;
    }

    @Override
    public boolean ended(String runId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select 1 from import_run where id = ?::uuid and status in ('COMPLETED', 'REJECTED', 'FAILED')")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
