package org.polaris.writer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

import org.polaris.schemas.avro.OutcomeKind;

/**
 * The one place that builds the writer's set-based statements from a column list: a whole wave of
 * rows is bound as one array per column ({@code unnest}), so a batch costs one round trip per
 * statement, not one per row. Three statements come from one declaration:
 * <ul>
 *   <li>{@link #upsert}: {@code INSERT ... ON CONFLICT (key) DO UPDATE ... WHERE (compared columns) IS
 *       DISTINCT FROM (new values) RETURNING key, inserted}: a row returned as inserted is created, as
 *       not inserted updated; a row not returned was identical (skipped);</li>
 *   <li>{@link #patch}: a partial record, {@code UPDATE ... FROM unnest} of only the fields it carries
 *       (a row that does not exist is not created: a partial record cannot make a whole one);</li>
 *   <li>{@link #delete}: {@code DELETE ... USING unnest} by key.</li>
 * </ul>
 * Rows of one statement must have distinct keys ({@link Waves}).
 *
 * @param <V> the record a row is bound from
 */
public final class Upsert<V> {

    /** How a column is written. */
    private enum Role {
        /** Part of the conflict key. */
        KEY,
        /** Inserted, updated, and compared: a change to it makes the row "updated". */
        VALUE,
        /** Inserted and updated, never compared (bookkeeping such as the last run id). */
        CARRIED,
        /** Only inserted (the first run id). */
        INSERT_ONLY,
        /** Written by expressions, not bound (a timestamp set when a status becomes attended). */
        DERIVED
    }

    private record Column<V>(String name, String sqlType, Function<V, ?> value, Role role, String insertExpr,
            String updateExpr) {
        boolean bound() {
            return value != null;
        }
    }

    private final String table;
    private final String alias;
    private final List<Column<V>> columns;
    private final List<String> onUpdate;
    private final List<String[]> extraCompared;
    private final List<String> conditions;
    private final List<Column<V>> keys;
    private final List<Column<V>> bound;
    private final String upsertSql;

    private Upsert(Builder<V> b) {
        this.table = b.table;
        this.alias = b.alias;
        this.columns = List.copyOf(b.columns);
        this.onUpdate = List.copyOf(b.onUpdate);
        this.extraCompared = List.copyOf(b.extraCompared);
        this.conditions = List.copyOf(b.conditions);
        // kept, not filtered again per call: keyOf runs for every row of every wave
        this.keys = columns.stream().filter(c -> c.role() == Role.KEY).toList();
        this.bound = columns.stream().filter(Column::bound).toList();
        if (keys().isEmpty()) {
            throw new IllegalArgumentException(table + ": an upsert needs a key column");
        }
        this.upsertSql = buildUpsert();
    }

    public static <V> Builder<V> into(String table, String alias) {
        return new Builder<>(table, alias);
    }

    /** The statement {@link #upsert} runs (for tests and for reading). */
    public String upsertSql() {
        return upsertSql;
    }

    /** The key of a record as {@link #upsert} reports it: the key columns' values joined by {@code |}. */
    public String keyOf(V row) {
        if (keys.size() == 1) {
            return String.valueOf(keys.get(0).value().apply(row));
        }
        StringBuilder key = new StringBuilder(48);
        for (int i = 0; i < keys.size(); i++) {
            key.append(i == 0 ? "" : "|").append(keys.get(i).value().apply(row));
        }
        return key.toString();
    }

    /**
     * Upserts a wave (distinct keys); returns key -> CREATED or UPDATED for the rows that changed. With a
     * {@link Preview} open (a validate-only batch), what each row would change is recorded first.
     */
    public Map<String, OutcomeKind> upsert(Connection c, List<V> wave) throws SQLException {
        Map<String, OutcomeKind> changed = new HashMap<>();
        if (wave.isEmpty()) {
            return changed;
        }
        Preview preview = Preview.current();
        if (preview != null) {
            preview(c, wave, preview);
        }
        try (PreparedStatement ps = c.prepareStatement(upsertSql)) {
            bind(ps, wave, bound());
            try (ResultSet rs = ps.executeQuery()) {
                int keys = keys().size();
                while (rs.next()) {
                    changed.put(key(rs, keys), rs.getBoolean(keys + 1) ? OutcomeKind.CREATED : OutcomeKind.UPDATED);
                }
            }
        }
        return changed;
    }

    /**
     * Updates only the named fields (columns) of rows that exist; returns the keys it changed. Fields
     * the declaration does not know are an error: a partial record names columns, not guesses.
     */
    public Set<String> patch(Connection c, List<V> wave, Collection<String> fields) throws SQLException {
        Set<String> changed = new HashSet<>();
        if (wave.isEmpty()) {
            return changed;
        }
        String sql = patchSql(fields);
        if (sql == null) {
            return changed; // nothing this store writes is in the record
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            List<Column<V>> bound = new ArrayList<>(keys());
            bound.addAll(patched(fields));
            bind(ps, wave, bound);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.add(key(rs, keys().size()));
                }
            }
        }
        return changed;
    }

    /** Deletes the wave's rows by key; returns the keys that existed. */
    public Set<String> delete(Connection c, List<V> wave) throws SQLException {
        Set<String> deleted = new HashSet<>();
        if (wave.isEmpty()) {
            return deleted;
        }
        try (PreparedStatement ps = c.prepareStatement(deleteSql())) {
            bind(ps, wave, keys());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    deleted.add(key(rs, keys().size()));
                }
            }
        }
        return deleted;
    }

    /** The statement that reads, for a wave, each row's compared columns now and as the upsert would write them. */
    public String previewSql() {
        List<Column<V>> values = columns.stream().filter(c -> c.role() == Role.VALUE).toList();
        StringJoiner select = new StringJoiner(", ");
        keys().forEach(k -> select.add("u." + k.name()));
        select.add("(" + alias + "." + keys().get(0).name() + " is not null)");
        values.forEach(v -> select.add(alias + "." + v.name() + "::text").add("u." + v.name() + "::text"));
        return "select " + select + "\nfrom " + unnest(bound()) + "\nleft join " + table + " as " + alias + " on "
                + joinOn(keys());
    }

    private void preview(Connection c, List<V> wave, Preview preview) throws SQLException {
        List<Column<V>> values = columns.stream().filter(col -> col.role() == Role.VALUE).toList();
        Map<String, Preview.Entry> byKey = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(previewSql())) {
            bind(ps, wave, bound());
            try (ResultSet rs = ps.executeQuery()) {
                int keys = keys().size();
                while (rs.next()) {
                    Map<String, Preview.Field> fields = new java.util.LinkedHashMap<>();
                    boolean exists = rs.getBoolean(keys + 1);
                    for (int i = 0; i < values.size(); i++) {
                        fields.put(values.get(i).name(), new Preview.Field(exists ? rs.getString(keys + 2 + 2 * i) : null,
                                rs.getString(keys + 3 + 2 * i)));
                    }
                    String key = key(rs, keys);
                    byKey.put(key, new Preview.Entry(table, key, exists, fields));
                }
            }
        }
        for (V row : wave) {
            Preview.Entry e = byKey.get(keyOf(row));
            if (e != null) {
                preview.add(row, e);
            }
        }
    }

    /** The UPDATE of a partial record carrying these fields, or null when none of them is a written column. */
    public String patchSql(Collection<String> fields) {
        List<Column<V>> patched = patched(fields);
        if (patched.isEmpty()) {
            return null;
        }
        List<Column<V>> bound = new ArrayList<>(keys());
        bound.addAll(patched);
        StringJoiner set = new StringJoiner(", ");
        patched.forEach(c -> set.add(c.name() + " = u." + c.name()));
        onUpdate.forEach(set::add);
        // what tells a change from an identical row: the compared columns it carries, else all it carries
        List<Column<V>> values = patched.stream().filter(c -> c.role() == Role.VALUE).toList();
        List<Column<V>> compared = values.isEmpty() ? patched : values;
        StringBuilder where = new StringBuilder(joinOn(keys()));
        if (!compared.isEmpty()) {
            where.append(" and (").append(list(compared, alias + ".")).append(") is distinct from (")
                    .append(list(compared, "u.")).append(")");
        }
        return "update " + table + " as " + alias + " set " + set + "\nfrom " + unnest(bound) + "\nwhere " + where
                + "\nreturning " + list(keys(), alias + ".");
    }

    public String deleteSql() {
        return "delete from " + table + " as " + alias + " using " + unnest(keys()) + " where " + joinOn(keys())
                + " returning " + list(keys(), alias + ".");
    }

    private List<Column<V>> patched(Collection<String> fields) {
        for (String f : fields) {
            if (columns.stream().noneMatch(c -> c.name().equals(f))) {
                throw new IllegalArgumentException(table + " has no column " + f);
            }
        }
        return columns.stream().filter(c -> fields.contains(c.name())
                && (c.role() == Role.VALUE || c.role() == Role.CARRIED)).toList();
    }

    private String buildUpsert() {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner inserted = new StringJoiner(", ");
        StringJoiner set = new StringJoiner(",\n    ");
        List<String[]> compared = new ArrayList<>();
        for (Column<V> c : columns) {
            names.add(c.name());
            inserted.add(c.insertExpr());
            if (c.updateExpr() != null) {
                set.add(c.name() + " = " + c.updateExpr());
            }
            if (c.role() == Role.VALUE) {
                compared.add(new String[] {alias + "." + c.name(), "excluded." + c.name()});
            }
        }
        onUpdate.forEach(set::add);
        compared.addAll(extraCompared);
        StringBuilder sql = new StringBuilder()
                .append("insert into ").append(table).append(" as ").append(alias).append(" (").append(names).append(")\n")
                .append("select ").append(inserted).append("\nfrom ").append(unnest(bound())).append('\n')
                .append("on conflict (").append(list(keys(), "")).append(") do ");
        if (set.length() == 0) {
            sql.append("nothing");
        } else {
            sql.append("update set\n    ").append(set);
            List<String> where = new ArrayList<>();
            if (!compared.isEmpty()) {
                where.add("(" + String.join(", ", compared.stream().map(p -> p[0]).toList())
                        + ")\n    is distinct from (" + String.join(", ", compared.stream().map(p -> p[1]).toList()) + ")");
            }
            where.addAll(conditions);
            if (!where.isEmpty()) {
                sql.append("\nwhere ").append(String.join("\n  and ", where));
            }
        }
        sql.append("\nreturning ").append(list(keys(), alias + ".")).append(", (").append(alias).append(".xmax = 0) as inserted");
        return sql.toString();
    }

    private List<Column<V>> keys() {
        return keys;
    }

    private List<Column<V>> bound() {
        return bound;
    }

    private static <V> String unnest(List<Column<V>> bound) {
        StringJoiner arrays = new StringJoiner(", ");
        StringJoiner names = new StringJoiner(", ");
        for (Column<V> c : bound) {
            arrays.add("?::" + c.sqlType() + "[]");
            names.add(c.name());
        }
        return "unnest(" + arrays + ") as u(" + names + ")";
    }

    private String joinOn(List<Column<V>> keys) {
        StringJoiner on = new StringJoiner(" and ");
        keys.forEach(k -> on.add(alias + "." + k.name() + " = u." + k.name()));
        return on.toString();
    }

    private static <V> String list(List<Column<V>> cols, String prefix) {
        StringJoiner j = new StringJoiner(", ");
        cols.forEach(c -> j.add(prefix + c.name()));
        return j.toString();
    }

    /**
     * Binds one typed Java array per column. pgjdbc sends String[], Long[], Integer[], Boolean[] and
     * Double[] parameters in PostgreSQL's binary array format: no text to escape on this side, no array
     * literal to parse on the server's (measured: {@code createArrayOf}'s escaping of every element was
     * a fifth of the writer's CPU in the benchmark). Everything that is not a number or a boolean goes as
     * text, cast by the statement (uuid, timestamptz, date), as the driver would send it anyway.
     */
    private static <V> void bind(PreparedStatement ps, List<V> wave, List<Column<V>> bound)
            throws SQLException {
        int i = 1;
        int n = wave.size();
        for (Column<V> col : bound) {
            ArrayOf type = ArrayOf.of(col.sqlType());
            Object[] values = type.array.apply(n);
            for (int r = 0; r < n; r++) {
                Object v = col.value().apply(wave.get(r));
                values[r] = v == null ? null : type.element.apply(v);
            }
            ps.setObject(i++, values);
        }
    }

    /** The Java array a column is bound as, by its SQL type, and how one value becomes its element. */
    private enum ArrayOf {
        BIGINT(Long[]::new, v -> ((Number) v).longValue()),
        INTEGER(Integer[]::new, v -> ((Number) v).intValue()),
        BOOLEAN(Boolean[]::new, v -> (Boolean) v),
        DOUBLE(Double[]::new, v -> ((Number) v).doubleValue()),
        TEXT(String[]::new, Object::toString);

        final java.util.function.IntFunction<Object[]> array;
        final Function<Object, Object> element;

        ArrayOf(java.util.function.IntFunction<Object[]> array, Function<Object, Object> element) {
            this.array = array;
            this.element = element;
        }

        static ArrayOf of(String sqlType) {
            return switch (sqlType) {
                case "bigint" -> BIGINT;
                case "integer" -> INTEGER;
                case "boolean" -> BOOLEAN;
                case "double precision" -> DOUBLE;
                default -> TEXT;
            };
        }
    }

    private static String key(ResultSet rs, int keys) throws SQLException {
        if (keys == 1) {
            return String.valueOf(rs.getString(1)); // as keyOf: "null" for null
        }
        StringBuilder key = new StringBuilder(48);
        for (int i = 1; i <= keys; i++) {
            key.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        return key.toString();
    }

    /** Declares the table's columns, in insert order. */
    public static final class Builder<V> {
        private final String table;
        private final String alias;
        private final List<Column<V>> columns = new ArrayList<>();
        private final List<String> onUpdate = new ArrayList<>();
        private final List<String[]> extraCompared = new ArrayList<>();
        private final List<String> conditions = new ArrayList<>();

        private Builder(String table, String alias) {
            this.table = table;
            this.alias = alias;
        }

        /** A column of the conflict key. */
        public Builder<V> key(String name, String sqlType, Function<V, ?> value) {
            return add(new Column<>(name, sqlType, value, Role.KEY, "u." + name, null));
        }

        /** A column whose change makes a row "updated". */
        public Builder<V> value(String name, String sqlType, Function<V, ?> value) {
            return add(new Column<>(name, sqlType, value, Role.VALUE, "u." + name, "excluded." + name));
        }

        /** A column written on insert and update but never compared (bookkeeping). */
        public Builder<V> carried(String name, String sqlType, Function<V, ?> value) {
            return add(new Column<>(name, sqlType, value, Role.CARRIED, "u." + name, "excluded." + name));
        }

        /** A column set once, when the row is created; {@code insertExpr} may use the bound columns as {@code u.<name>}. */
        public Builder<V> insertOnly(String name, String insertExpr) {
            return add(new Column<>(name, null, null, Role.INSERT_ONLY, insertExpr, null));
        }

        /** A column computed by SQL on insert and on update ({@code null} update: left as it is). */
        public Builder<V> derived(String name, String insertExpr, String updateExpr) {
            return add(new Column<>(name, null, null, Role.DERIVED, insertExpr, updateExpr));
        }

        /** An extra assignment on update, such as {@code updated_at = now()}. */
        public Builder<V> onUpdate(String assignment) {
            onUpdate.add(assignment);
            return this;
        }

        /** An extra pair compared to tell an update from an identical row (table side, new side). */
        public Builder<V> compared(String current, String proposed) {
            extraCompared.add(new String[] {current, proposed});
            return this;
        }

        /**
         * Never overwrites a newer version: an existing row is updated only when the record's {@code column}
         * (a version, such as Salesforce's SystemModstamp) is not older than the row's. A record that took
         * longer to arrive than a newer read of it (a stream's read-backs of one record travelling through
         * two instances, a batch sync meeting the stream) is skipped. A row or a record without one is
         * updated as before.
         */
        public Builder<V> newerOnly(String column) {
            return updateOnlyIf("(" + alias + "." + column + " is null or excluded." + column + " is null or excluded."
                    + column + " >= " + alias + "." + column + ")");
        }

        /** A condition an existing row must meet to be updated (else it is left as it is, and reported skipped). */
        public Builder<V> updateOnlyIf(String condition) {
            conditions.add(condition);
            return this;
        }

        public Upsert<V> build() {
            return new Upsert<>(this);
        }

        private Builder<V> add(Column<V> c) {
            if (columns.stream().anyMatch(o -> o.name().equals(c.name()))) {
                throw new IllegalArgumentException(table + "." + c.name() + " is declared twice");
            }
            columns.add(c);
            return this;
        }
    }
}
