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

    /**
     * A PostgreSQL session-level advisory lock on a connection of its own, held until the lease is
     * closed; a replica that dies loses its connection, and with it the lock.
     */
    @Override
    public Optional<Lease> lead(String job) {
        Connection c = null;
        try {
            c = db.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        Connection held = c;
                        c = null;
                        return Optional.of(new Lease() {
                            @Override
                            public void close() {
                                unlock(held, job);
                            }

                            @Override
                            public boolean held() {
                                return stillHeld(held, job);
                            }
                        });
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("taking the " + job + " lock failed (SQL state " + e.getSQLState() + ")");
        } finally {
            closeQuietly(c);
        }
    }

    /** The lock is held while its connection answers and PostgreSQL lists it for that connection's backend. */
    private static boolean stillHeld(Connection c, String job) {
        try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from pg_locks where locktype = 'advisory' "
                + "and granted and pid = pg_backend_pid() and objid = hashtext(?)::oid)")) {
            ps.setQueryTimeout(5);
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static void unlock(Connection c, String job) {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
            ps.setString(1, job);
            ps.execute();
        } catch (SQLException e) {
            // the connection is closed below: the lock goes with it
        } finally {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing more to release
            }
        }
    }

    @Override
    public boolean startedSince(String triggeredBy, Instant since) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select exists (select 1 from import_run where triggered_by = ? and started_at >= ?)")) {
            ps.setString(1, triggeredBy);
            ps.setTimestamp(2, java.sql.Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ledger failed (SQL state " + e.getSQLState() + ")");
        }
    }

    @Override
    public Affiliation affiliateEvents(boolean dryRun) {
        try (Connection c = db.getConnection()) {
            org.polaris.writer.store.EventAffiliation.Result r = org.polaris.writer.store.EventAffiliation.affiliate(c, dryRun);
            return new Affiliation(r.unaffiliated(), r.bySchool(), r.byParticipants(), r.still(), r.changed());
        } catch (SQLException e) {
            throw new IllegalStateException("affiliating events failed (SQL state " + e.getSQLState() + ")");
        }
    }

    @Override
    public Optional<StreamPosition> streamPosition(String channel) {
        return query("select replay_id, last_commit, heals, last_heal from salesforce_stream_state where channel = ?",
                channel, rs -> rs.next() ? Optional.of(new StreamPosition(rs.getLong(1),
                        Optional.ofNullable(rs.getTimestamp(2)).map(java.sql.Timestamp::toInstant), rs.getInt(3),
                        rs.getString(4))) : Optional.empty());
    }

    @Override
    public void saveStreamPosition(String channel, long replayId, Instant lastCommit) {
        update("""
                insert into salesforce_stream_state (channel, replay_id, last_commit) values (?, ?, ?)
                on conflict (channel) do update set replay_id = excluded.replay_id,
                    last_commit = greatest(salesforce_stream_state.last_commit, excluded.last_commit), updated_at = now()
                """, ps -> {
            ps.setString(1, channel);
            ps.setLong(2, replayId);
            ps.setTimestamp(3, lastCommit == null ? null : java.sql.Timestamp.from(lastCommit));
        });
    }

    @Override
    public void streamHealed(String channel, String how) {
        update("""
                insert into salesforce_stream_state (channel, replay_id, heals, last_heal) values (?, -1, 1, ?)
                on conflict (channel) do update set heals = salesforce_stream_state.heals + 1, last_heal = excluded.last_heal,
                    updated_at = now()
                """, ps -> {
            ps.setString(1, channel);
            ps.setString(2, how);
        });
    }

    private interface Bind {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Bind bind) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing the Salesforce stream state failed (SQL state " + e.getSQLState() + ")");
        }
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
