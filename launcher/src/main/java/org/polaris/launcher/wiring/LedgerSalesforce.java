package org.polaris.launcher.wiring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.polaris.salesforce.sync.SyncLedger;
import org.polaris.schemas.kinds.RunCounts;
import org.polaris.writer.KindStore;
import org.polaris.writer.kinds.salesforce.SalesforceStore;
import org.polaris.writer.ledger.RunLedger;

/**
 * The Salesforce runner's view of the writer's tables, in the one-process application: watermarks,
 * run ends and live counts, read only (the writer stays the only one that writes them).
 */
@ApplicationScoped
public class LedgerSalesforce implements SyncLedger {

    private static final String WATERMARK = "select watermark from salesforce_sync_state where kind = ?";
    private static final String RUN = """
            select status, processed, created, updated, skipped, unmatched_teacher, unmatched_event, invalid, warnings,
                   counters::text, message, waiting
            from import_run where id = ?::uuid and status in ('COMPLETED', 'REJECTED', 'FAILED')
            """;

    @Inject
    DataSource db;

    @Inject
    @Any
    Instance<KindStore<?>> stores;

    @Override
    public Optional<Instant> watermark(String kindId) {
        return query(WATERMARK, kindId, rs -> rs.next() && rs.getTimestamp(1) != null
                ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.<Instant>empty());
    }

    @Override
    public Optional<RunEnd> ended(String runId) {
        return query(RUN, runId, rs -> {
            if (!rs.next()) {
                return Optional.<RunEnd>empty();
            }
            Map<String, Integer> counts = RunCounts.of(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                    rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(12), rs.getInt(9),
                    RunLedger.counters(rs.getString(10)));
            return Optional.of(new RunEnd(rs.getString(1), counts, rs.getString(11)));
        });
    }

    @Override
    public OptionalInt liveCount(String kindId) {
        for (KindStore<?> store : stores) {
            if (store instanceof SalesforceStore<?> sf && sf.kind().equals(kindId)) {
                return query(sf.liveCountSql(), null, rs -> rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty());
            }
        }
        return OptionalInt.empty();
    }

    private interface Read<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, String param, Read<T> read) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return read.read(rs);
            }
        } catch (SQLException e) {
            // the SQL state only: a database error's text may quote values
            throw new IllegalStateException("reading the Salesforce sync state failed (SQL state " + e.getSQLState() + ")");
        }
    }
}
