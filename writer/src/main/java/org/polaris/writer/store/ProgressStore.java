package org.polaris.writer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Recomputes the stored progress of the roster teachers of one academic year from their
 * participations. The rule lives in {@link ProgressStatus}; only rows whose figures change are written.
 */
public final class ProgressStore {

    private static final String COUNTS = """
            select tp.id, tp.target_sessions, tp.attended_sessions, tp.registered_sessions, tp.status,
                   count(et.*) filter (where et.status = 'attended'),
                   count(et.*) filter (where et.status = 'registered')
            from teacher_progress tp left join event_teacher et on et.teacher_progress_id = tp.id
            where tp.academic_year = ?
            group by tp.id
            """;

    private static final String UPDATE = """
            update teacher_progress set attended_sessions = ?, registered_sessions = ?, status = ?, updated_at = now()
            where id = ?
            """;

    private ProgressStore() {
    }

    /** Returns how many teachers' progress changed. */
    public static int recompute(Connection c, String academicYear) throws SQLException {
        int changed = 0;
        try (PreparedStatement read = c.prepareStatement(COUNTS); PreparedStatement write = c.prepareStatement(UPDATE)) {
            read.setString(1, academicYear);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    int attended = rs.getInt(6);
                    int registered = rs.getInt(7);
                    String status = ProgressStatus.of(attended, registered, rs.getInt(2)).label();
                    if (attended != rs.getInt(3) || registered != rs.getInt(4) || !status.equals(rs.getString(5))) {
                        write.setInt(1, attended);
                        write.setInt(2, registered);
                        write.setString(3, status);
                        write.setLong(4, rs.getLong(1));
                        write.addBatch();
                        changed++;
                    }
                }
            }
            if (changed > 0) {
                write.executeBatch();
            }
        }
        return changed;
    }
}
