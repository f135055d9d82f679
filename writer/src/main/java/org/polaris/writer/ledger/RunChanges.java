package org.polaris.writer.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.polaris.writer.store.Preview;

/**
 * What validate-only runs would change ({@code run_change}): the rows they would create or update,
 * with old and new values, and the entries their completion would deactivate. Written in the batch's
 * transaction with the rows' outcomes (so a redelivered batch, whose outcomes are already recorded,
 * writes none twice), or in the run's completion.
 */
public final class RunChanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A change to show: for CREATE every field's new value, for UPDATE the fields that differ, for DEACTIVATE the entry. */
    public record Change(Integer row, String action, String entity, String key, Map<String, Preview.Field> fields) {
    }

    private RunChanges() {
    }

    public static void record(Connection c, String runId, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into run_change (run_id, row_no, action, entity, entity_key, fields)
                values (?::uuid, ?, ?, ?, ?, ?::json)""")) {
            for (Change ch : changes) {
                ps.setString(1, runId);
                if (ch.row() == null) {
                    ps.setNull(2, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(2, ch.row());
                }
                ps.setString(3, ch.action());
                ps.setString(4, ch.entity());
                ps.setString(5, ch.key());
                ps.setString(6, json(ch.fields()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A run's changes: rows in order, then what its completion would do. */
    public static List<Change> of(Connection c, String runId, int limit) throws SQLException {
        List<Change> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select row_no, action, entity, entity_key, fields::text from run_change where run_id = ?::uuid
                order by row_no nulls last, id limit ?""")) {
            ps.setString(1, runId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Change((Integer) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            fields(rs.getString(5))));
                }
            }
        }
        return out;
    }

    private static String json(Map<String, Preview.Field> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Preview.Field> fields(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Preview.Field>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run_change.fields is not a JSON object of {old, new}", e);
        }
    }
}
