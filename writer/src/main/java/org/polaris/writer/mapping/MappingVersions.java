package org.polaris.writer.mapping;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code alias_mapping} table: versions of each kind's mapping, appended, never changed. */
public final class MappingVersions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "kind, version, aliases::text, extra_columns, changed_by, changed_at, change, note";

    private MappingVersions() {
    }

    /** The kind's newest version. */
    public static Optional<MappingVersion> latest(Connection c, String kind) throws SQLException {
        return one(c, "select " + COLUMNS + " from alias_mapping where kind = ? order by version desc limit 1", kind);
    }

    /** The newest version of every kind. */
    public static List<MappingVersion> latestOfEach(Connection c) throws SQLException {
        return many(c, "select distinct on (kind) " + COLUMNS + " from alias_mapping order by kind, version desc");
    }

    public static Optional<MappingVersion> version(Connection c, String kind, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from alias_mapping where kind = ? and version = ?")) {
            ps.setString(1, kind);
            ps.setInt(2, version);
            return read(ps).stream().findFirst();
        }
    }

    /** The version that was newest at {@code at} (the first one if none was yet). */
    public static Optional<MappingVersion> asOf(Connection c, String kind, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from alias_mapping where kind = ? "
                + "order by (changed_at <= ?) desc, case when changed_at <= ? then version else -version end desc limit 1")) {
            ps.setString(1, kind);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setTimestamp(3, Timestamp.from(at));
            return read(ps).stream().findFirst();
        }
    }

    /** Every version of the kind, oldest first. */
    public static List<MappingVersion> history(Connection c, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from alias_mapping where kind = ? order by version")) {
            ps.setString(1, kind);
            return read(ps);
        }
    }

    /**
     * Writes a version; false when that version number exists already (another change got there first:
     * the caller reads the newest again and decides anew).
     */
    public static boolean append(Connection c, MappingVersion v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into alias_mapping (kind, version, aliases, extra_columns, changed_by, change, note)
                values (?, ?, ?::jsonb, ?, ?, ?, ?) on conflict do nothing""")) {
            ps.setString(1, v.kind());
            ps.setInt(2, v.version());
            ps.setString(3, json(v.aliases()));
            ps.setString(4, v.extraColumns());
            ps.setString(5, v.changedBy());
            ps.setString(6, v.change());
            ps.setString(7, v.note());
            return ps.executeUpdate() == 1;
        }
    }

    private static Optional<MappingVersion> one(Connection c, String sql, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kind);
            return read(ps).stream().findFirst();
        }
    }

    private static List<MappingVersion> many(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return read(ps);
        }
    }

    private static List<MappingVersion> read(PreparedStatement ps) throws SQLException {
        List<MappingVersion> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new MappingVersion(rs.getString(1), rs.getInt(2), aliases(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8)));
            }
        }
        return out;
    }

    private static Map<String, List<String>> aliases(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, List<String>>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alias_mapping.aliases is not a JSON object of lists", e);
        }
    }

    private static String json(Map<String, List<String>> aliases) {
        try {
            return JSON.writeValueAsString(aliases);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
