package org.polaris.writer.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.polaris.writer.store.Outcome.RowKey;

/**
 * Which rows of the runs in flight already have an outcome: loaded from the ledger once per run,
 * then kept up to date after each commit, so telling a redelivered row from a new one costs no
 * database round trip. The ledger's primary key stays the final guard: if another writer recorded
 * a row meanwhile, the insert fails, the run is forgotten here and reloaded on the retry.
 */
public final class RecordedRows {

    private static final int RUNS_KEPT = 64;
    private static final String LOAD = "select row_no from row_outcome where run_id = ?::uuid";

    private final Map<String, BitSet> runs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BitSet> eldest) {
            if (size() > RUNS_KEPT) {
                unnumbered.remove(eldest.getKey());
                return true;
            }
            return false;
        }
    };
    private final Map<String, Set<Integer>> unnumbered = new java.util.HashMap<>();

    /** The rows among these that the ledger already holds, loading unknown runs from the database. */
    public synchronized Set<RowKey> recorded(Connection c, List<RowKey> rows) throws SQLException {
        Set<RowKey> out = new HashSet<>();
        for (RowKey k : rows) {
            BitSet bits = runs.get(k.runId());
            if (bits == null) {
                bits = load(c, k.runId());
                runs.put(k.runId(), bits);
            }
            if (k.rowNumber() >= 0 ? bits.get(k.rowNumber()) : negatives(k.runId()).contains(k.rowNumber())) {
                out.add(k);
            }
        }
        return out;
    }

    /** Call once the transaction that recorded these rows has committed. */
    public synchronized void committed(Collection<RowKey> rows) {
        for (RowKey k : rows) {
            BitSet bits = runs.get(k.runId());
            if (bits != null) {
                if (k.rowNumber() >= 0) {
                    bits.set(k.rowNumber());
                } else {
                    negatives(k.runId()).add(k.rowNumber());
                }
            }
        }
    }

    /** Forget these runs (after a conflict: another writer recorded some of their rows). */
    public synchronized void forget(Collection<String> runIds) {
        runs.keySet().removeAll(new HashSet<>(runIds));
        unnumbered.keySet().removeAll(new HashSet<>(runIds));
    }

    /**
     * Records whose row could not be read (a corrupt record) have negative row numbers: rare, kept
     * apart from the bitmap of real rows.
     */
    private Set<Integer> negatives(String runId) {
        return unnumbered.computeIfAbsent(runId, k -> new HashSet<>());
    }

    private BitSet load(Connection c, String runId) throws SQLException {
        BitSet bits = new BitSet();
        Set<Integer> negative = negatives(runId);
        negative.clear();
        try (PreparedStatement ps = c.prepareStatement(LOAD)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int row = rs.getInt(1);
                    if (row >= 0) {
                        bits.set(row);
                    } else {
                        negative.add(row);
                    }
                }
            }
        }
        return bits;
    }
}
