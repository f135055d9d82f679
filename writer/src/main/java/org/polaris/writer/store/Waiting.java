package org.polaris.writer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.serde.AvroCodec;

/**
 * Child records waiting for their parent (a participation before its event or its contact): kept
 * whole (the normalized record, Avro-encoded as on a topic), one row per child with the parent it
 * waits for, in the writer's transaction. The child's store parks them and takes them back when a
 * parent arrives.
 */
public final class Waiting {

    private static final String PARK = """
            insert into salesforce_waiting (kind, salesforce_id, run_id, row_no, parent_kind, parent_id, reason, record)
            values (?, ?, ?::uuid, ?, ?, ?, ?, ?)
            on conflict (kind, salesforce_id) do update set run_id = excluded.run_id, row_no = excluded.row_no,
                parent_kind = excluded.parent_kind, parent_id = excluded.parent_id, reason = excluded.reason,
                record = excluded.record, since = now()
            """;
    // Joined to unnest(ids), not "= any(ids)": a prepared statement's generic plan then probes the index once
    // per id whatever the table's statistics say. With "= any" and no fresh statistics (this table churns, and
    // autovacuum may be late or off) PostgreSQL chose a plan that read every row of the parent kind per batch:
    // 63 % of the database's active samples in the Salesforce benchmark (README, "Benchmark").
    private static final String FORGET = """
            delete from salesforce_waiting w using unnest(?::text[]) as ids(id)
            where w.kind = ? and w.salesforce_id = ids.id
            """;
    private static final String TAKE = """
            delete from salesforce_waiting w using unnest(?::text[]) as ids(id)
            where w.kind = ? and w.parent_kind = ? and w.parent_id = ids.id
            returning w.record
            """;

    private Waiting() {
    }

    /** A child to park: which parent it waits for, and why (shown as its row's reason). */
    public record Parked(String kind, String salesforceId, String runId, int rowNumber, String parentKind,
            String parentId, String reason, SpecificRecord record) {
    }

    public static void park(Connection c, List<Parked> children) throws SQLException {
        if (children.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(PARK)) {
            for (Parked p : children) {
                ps.setString(1, p.kind());
                ps.setString(2, p.salesforceId());
                ps.setString(3, p.runId());
                ps.setInt(4, p.rowNumber());
                ps.setString(5, p.parentKind());
                ps.setString(6, p.parentId());
                ps.setString(7, p.reason());
                ps.setBytes(8, AvroCodec.get().encode(p.record()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Children of this kind no longer waiting (a newer version of them was written). */
    public static void forget(Connection c, String kind, Collection<String> salesforceIds) throws SQLException {
        if (salesforceIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(FORGET)) {
            ps.setArray(1, Sql.text(c, new ArrayList<>(salesforceIds)));
            ps.setString(2, kind);
            ps.executeUpdate();
        }
    }

    /** Takes (removes and returns) the children of a kind waiting for any of these parents. */
    public static List<SpecificRecord> take(Connection c, String kind, String parentKind, Collection<String> parentIds)
            throws SQLException {
        List<SpecificRecord> out = new ArrayList<>();
        if (parentIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(TAKE)) {
            ps.setArray(1, Sql.text(c, new ArrayList<>(parentIds)));
            ps.setString(2, kind);
            ps.setString(3, parentKind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(AvroCodec.get().decode(rs.getBytes(1)));
                }
            }
        }
        return out;
    }
}
