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

    // one statement per batch (arrays, unnest), not one per child: parking is most of a participations run
    // that precedes its contacts (facts §6 reads student participations before the students)
    private static final String PARK = """
            insert into salesforce_waiting (kind, salesforce_id, run_id, row_no, parent_kind, parent_id, reason, record)
            select * from unnest(?::text[], ?::text[], ?::uuid[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::bytea[])
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
        // one row per child: a child parked twice in a batch keeps its later version, as two statements would
        java.util.Map<List<String>, Parked> last = new java.util.LinkedHashMap<>();
        for (Parked p : children) {
            last.remove(List.of(p.kind(), p.salesforceId()));
            last.put(List.of(p.kind(), p.salesforceId()), p);
        }
        List<Parked> rows = new ArrayList<>(last.values());
        int n = rows.size();
        String[] kinds = new String[n];
        String[] ids = new String[n];
        String[] runs = new String[n];
        Integer[] numbers = new Integer[n];
        String[] parentKinds = new String[n];
        String[] parentIds = new String[n];
        String[] reasons = new String[n];
        byte[][] records = new byte[n][];
        for (int i = 0; i < n; i++) {
            Parked p = rows.get(i);
            kinds[i] = p.kind();
            ids[i] = p.salesforceId();
            runs[i] = p.runId();
            numbers[i] = p.rowNumber();
            parentKinds[i] = p.parentKind();
            parentIds[i] = p.parentId();
            reasons[i] = p.reason();
            records[i] = AvroCodec.get().encode(p.record());
        }
        try (PreparedStatement ps = c.prepareStatement(PARK)) {
            ps.setArray(1, c.createArrayOf("text", kinds));
            ps.setArray(2, c.createArrayOf("text", ids));
            ps.setArray(3, c.createArrayOf("text", runs));
            ps.setArray(4, c.createArrayOf("integer", numbers));
            ps.setArray(5, c.createArrayOf("text", parentKinds));
            ps.setArray(6, c.createArrayOf("text", parentIds));
            ps.setArray(7, c.createArrayOf("text", reasons));
            ps.setArray(8, c.createArrayOf("bytea", records));
            ps.executeUpdate();
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
