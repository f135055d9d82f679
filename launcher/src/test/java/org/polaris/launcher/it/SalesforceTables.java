package org.polaris.launcher.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The Salesforce ITs share one boot and one database, and each asserts exact counts against its own
 * generated org: each starts from no Salesforce records (the other kinds' rows are left alone).
 */
public final class SalesforceTables {

    private static final String[] RESET = {
        "delete from history", "delete from class", "delete from event_participation",
        "delete from volunteer_organization", "delete from volunteer_email", "delete from volunteer_phone",
        "delete from volunteer_skill", "delete from volunteer", "delete from student", "delete from organization",
        "delete from school", "delete from district",
        "delete from teacher_match_candidate where teacher_id in (select id from teacher where salesforce_id is not null)",
        "delete from teacher where salesforce_id is not null", "delete from event where salesforce_id is not null",
        "delete from salesforce_waiting", "delete from salesforce_sync_state", "delete from salesforce_stream_state"};

    private SalesforceTables() {
    }

    /** Deletes every record a Salesforce import or the stream wrote, and the watermarks and stream positions. */
    public static void reset(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : RESET) {
                s.executeUpdate(sql);
            }
        }
    }
}
