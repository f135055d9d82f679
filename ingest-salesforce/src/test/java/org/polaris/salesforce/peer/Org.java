package org.polaris.salesforce.peer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The in-memory data of one fake org: records per SObject in insertion order, the set of
 * fields each object is known to have (so SOQL can answer INVALID_FIELD like Salesforce),
 * and a deterministic clock that ticks one second per write, which makes SystemModstamp
 * strictly increasing and every test run reproducible.
 *
 * <p>Every public method is synchronized: the HTTP server queries from several threads
 * while a test may be writing, and a single monitor is plenty at this scale.
 * Object and field names are case-insensitive (as in SOQL); the first spelling seen is canonical.
 */
public final class Org {

    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    static final String ID = "Id";
    static final String IS_DELETED = "IsDeleted";
    static final String CREATED_DATE = "CreatedDate";
    static final String LAST_MODIFIED_DATE = "LastModifiedDate";
    static final String SYSTEM_MODSTAMP = "SystemModstamp";
    private static final List<String> SYSTEM_FIELDS =
            List.of(ID, IS_DELETED, CREATED_DATE, LAST_MODIFIED_DATE, SYSTEM_MODSTAMP);

    private static final Map<String, String> KEY_PREFIXES = Map.of(
            "account", "001",
            "contact", "003",
            "session__c", "a0A",
            "session_participant__c", "a0B",
            "npe5__affiliation__c", "a0C",
            "class__c", "a0D",
            "task", "00T",
            "emailmessage", "02s");
    private static final String OTHER_PREFIX = "a0Z";

    /**
     * One SObject: its known fields, each with a slot, and one {@code Object[]} row per
     * record (id → row, insertion order). Rows rather than per-record maps keep a
     * 400,000-record org around a tenth of the heap, which keeps GC out of benchmarks.
     * A row may be shorter than the field list when fields were learnt after it was
     * written; the missing slots read as null.
     */
    private static final class Table {
        final String name;
        final LinkedHashMap<String, Object[]> rows = new LinkedHashMap<>();
        final List<String> fieldNames = new ArrayList<>();              // slot → canonical name
        final Map<String, Integer> slotByLowerName = new HashMap<>();   // lower-case name → slot
        final Map<String, Integer> slotBySpelling = new HashMap<>();    // exact spelling → slot (fast path)

        Table(String name) {
            this.name = name;
            SYSTEM_FIELDS.forEach(this::slot);
        }

        /** The field's slot, learning the field if it is new; the first spelling seen is canonical. */
        int slot(String field) {
            Integer known = slotBySpelling.get(field);
            if (known != null) {
                return known;
            }
            int slot = slotByLowerName.computeIfAbsent(field.toLowerCase(Locale.ROOT), k -> {
                fieldNames.add(field);
                return fieldNames.size() - 1;
            });
            slotBySpelling.put(field, slot);
            return slot;
        }

        Integer existingSlot(String field) {
            Integer known = slotBySpelling.get(field);
            return known != null ? known : slotByLowerName.get(field.toLowerCase(Locale.ROOT));
        }

        String canonicalField(String field) {
            Integer slot = existingSlot(field);
            if (slot == null) {
                throw new SoqlException(SoqlException.INVALID_FIELD,
                        "No such column '" + field + "' on entity '" + name + "'");
            }
            return fieldNames.get(slot);
        }

        static Object read(Object[] row, int slot) {
            return slot < row.length ? row[slot] : null;
        }

        /** Writes a slot, growing the row first if needed; returns the (possibly new) row. */
        Object[] write(String id, Object[] row, int slot, Object value) {
            if (slot >= row.length) {
                row = java.util.Arrays.copyOf(row, fieldNames.size());
                rows.put(id, row);
            }
            row[slot] = value;
            return row;
        }

        Map<String, Object> asMap(Object[] row) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < fieldNames.size(); i++) {
                map.put(fieldNames.get(i), read(row, i));
            }
            return Collections.unmodifiableMap(map);
        }

        /** A by-name view of a row for SOQL conditions (names already canonical). */
        java.util.function.Function<String, Object> view(Object[] row) {
            return field -> {
                Integer slot = existingSlot(field);
                return slot == null ? null : read(row, slot);
            };
        }
    }

    // system fields take the first slots, in this order
    private static final int ID_SLOT = 0;
    private static final int IS_DELETED_SLOT = 1;
    private static final int CREATED_DATE_SLOT = 2;
    private static final int LAST_MODIFIED_DATE_SLOT = 3;
    private static final int SYSTEM_MODSTAMP_SLOT = 4;

    private final Map<String, Table> tables = new LinkedHashMap<>();   // lower-case name → table
    private final Map<String, Long> idCounters = new HashMap<>();      // key prefix → last number used
    private Instant clock = EPOCH;

    // ---- clock -------------------------------------------------------------------------

    public synchronized Instant clock() {
        return clock;
    }

    public synchronized void setClock(Instant now) {
        clock = now;
    }

    /** The time of the write in progress; the clock then moves on so the next write is later. */
    private Instant tick() {
        Instant now = clock;
        clock = clock.plusSeconds(1);
        return now;
    }

    // ---- writes ------------------------------------------------------------------------

    /**
     * Inserts a record and returns its Id (the given {@code Id}, or a new 18-character one).
     * The system fields are always set here: IsDeleted=false and the three timestamps = the clock.
     */
    public synchronized String insert(String sobject, Map<String, Object> fields) {
        Table table = tableForWrite(sobject);
        Object givenId = fields.get(ID);
        String id = givenId == null ? newId(table.name) : givenId.toString();
        if (table.rows.containsKey(id)) {
            throw new IllegalArgumentException("duplicate Id " + id + " on " + table.name);
        }
        Instant now = tick();
        int[] slots = new int[fields.size()];
        Object[] values = new Object[fields.size()];
        int n = 0;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!field.getKey().equals(ID)) {
                values[n] = checked(field.getKey(), field.getValue());
                slots[n++] = table.slot(field.getKey());
            }
        }
        Object[] row = new Object[table.fieldNames.size()];
        for (int i = 0; i < n; i++) {
            row[slots[i]] = values[i];
        }
        row[ID_SLOT] = id;
        row[IS_DELETED_SLOT] = false;
        row[CREATED_DATE_SLOT] = now;
        row[LAST_MODIFIED_DATE_SLOT] = now;
        row[SYSTEM_MODSTAMP_SLOT] = now;
        table.rows.put(id, row);
        return id;
    }

    /** Merges {@code fields} into the record (a null value blanks the field) and bumps its timestamps. */
    public synchronized void update(String sobject, String id, Map<String, Object> fields) {
        Table table = existingTable(sobject);
        Object[] row = existing(table, id);
        Instant now = tick();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!field.getKey().equals(ID)) {
                Object value = checked(field.getKey(), field.getValue());
                row = table.write(id, row, table.slot(field.getKey()), value);
            }
        }
        row[LAST_MODIFIED_DATE_SLOT] = now;
        row[SYSTEM_MODSTAMP_SLOT] = now;
    }

    /** Soft delete, as Salesforce's recycle bin: only queryAll still sees the record. */
    public synchronized void delete(String sobject, String id) {
        setDeleted(sobject, id, true);
    }

    public synchronized void undelete(String sobject, String id) {
        setDeleted(sobject, id, false);
    }

    private void setDeleted(String sobject, String id, boolean deleted) {
        Object[] row = existing(existingTable(sobject), id);
        Instant now = tick();
        row[IS_DELETED_SLOT] = deleted;
        row[SYSTEM_MODSTAMP_SLOT] = now;
    }

    /** Makes fields queryable before any record carries them (SOQL otherwise answers INVALID_FIELD). */
    public synchronized void declareFields(String sobject, String... fields) {
        Table table = tableForWrite(sobject);
        for (String field : fields) {
            table.slot(field);
        }
    }

    // ---- reads -------------------------------------------------------------------------

    /** A copy of the record (deleted or not) with every known field of the object, or null when there is none. */
    public synchronized Map<String, Object> get(String sobject, String id) {
        Table table = tables.get(sobject.toLowerCase(Locale.ROOT));
        Object[] row = table == null ? null : table.rows.get(id);
        return row == null ? null : table.asMap(row);
    }

    /** Records not deleted: what {@code SELECT COUNT() FROM sobject} answers. */
    public synchronized int count(String sobject) {
        Table table = tables.get(sobject.toLowerCase(Locale.ROOT));
        if (table == null) {
            return 0;
        }
        int live = 0;
        for (Object[] row : table.rows.values()) {
            if (!isDeleted(row)) {
                live++;
            }
        }
        return live;
    }

    /** All records including deleted ones: what queryAll's COUNT() answers. */
    public synchronized int countAll(String sobject) {
        Table table = tables.get(sobject.toLowerCase(Locale.ROOT));
        return table == null ? 0 : table.rows.size();
    }

    /** Copies of every record of the object (deleted ones included), in insertion order. */
    public synchronized List<Map<String, Object>> records(String sobject) {
        Table table = tables.get(sobject.toLowerCase(Locale.ROOT));
        if (table == null) {
            return List.of();
        }
        List<Map<String, Object>> copies = new ArrayList<>(table.rows.size());
        table.rows.values().forEach(row -> copies.add(table.asMap(row)));
        return copies;
    }

    /** The canonical names of the object's known fields, system fields first. */
    public synchronized Set<String> fields(String sobject) {
        Table table = tables.get(sobject.toLowerCase(Locale.ROOT));
        return table == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(table.fieldNames));
    }

    public synchronized Set<String> sobjects() {
        Set<String> names = new LinkedHashSet<>();
        tables.values().forEach(t -> names.add(t.name));
        return Collections.unmodifiableSet(names);
    }

    // ---- SOQL --------------------------------------------------------------------------

    public QueryResult query(String soql, boolean includeDeleted) {
        return query(Soql.parse(soql), includeDeleted);
    }

    /**
     * Runs a parsed query: resolves names (INVALID_TYPE / INVALID_FIELD), filters out
     * deleted records unless {@code includeDeleted} (queryAll), filters, sorts (stably, so
     * ties keep insertion order), applies OFFSET and LIMIT, and snapshots the selected columns.
     */
    public synchronized QueryResult query(Soql.Query parsed, boolean includeDeleted) {
        Table table = tables.get(parsed.sobject().toLowerCase(Locale.ROOT));
        if (table == null) {
            throw new SoqlException(SoqlException.INVALID_TYPE, "sObject type '" + parsed.sobject() + "' is not supported.");
        }
        Soql.Query q = parsed.resolve(table.name, table::canonicalField);
        List<Object[]> matches = new ArrayList<>();
        // Id IN (...) (a stream's read-back): look the ids up, as Salesforce's index does, rather than scan
        List<Object> byId = idsOf(q.where());
        java.util.Collection<Object[]> candidates = byId == null ? table.rows.values()
                : byId.stream().map(id -> table.rows.get(String.valueOf(id))).filter(java.util.Objects::nonNull)
                        .distinct().toList();
        for (Object[] row : candidates) {
            if ((includeDeleted || !isDeleted(row)) && (q.where() == null || q.where().test(table.view(row)))) {
                matches.add(row);
            }
        }
        if (!q.orderBy().isEmpty()) {
            matches.sort(comparator(table, q.orderBy()));
        }
        int from = Math.min(q.offset() == null ? 0 : q.offset(), matches.size());
        int to = q.limit() == null ? matches.size() : (int) Math.min(matches.size(), (long) from + q.limit());
        List<Object[]> selected = matches.subList(from, to);
        if (q.count()) {
            return new QueryResult(table.name, List.of(), List.of(), List.of(), selected.size(), true);
        }
        int[] slots = q.fields().stream().mapToInt(table::existingSlot).toArray();
        List<String> ids = new ArrayList<>(selected.size());
        List<Object[]> rows = new ArrayList<>(selected.size());
        for (Object[] row : selected) {
            ids.add((String) row[ID_SLOT]);
            Object[] values = new Object[slots.length];
            for (int i = 0; i < slots.length; i++) {
                values[i] = Table.read(row, slots[i]);
            }
            rows.add(values);
        }
        return new QueryResult(table.name, q.fields(), Collections.unmodifiableList(ids),
                Collections.unmodifiableList(rows), rows.size(), false);
    }

    /** The ids of a top-level {@code Id IN (...)} (alone or in an AND), else null. */
    private static List<Object> idsOf(Soql.Condition where) {
        if (where instanceof Soql.In in && !in.negated() && in.field().equalsIgnoreCase("Id")) {
            return in.values();
        }
        if (where instanceof Soql.And and) {
            for (Soql.Condition term : and.terms()) {
                List<Object> ids = idsOf(term);
                if (ids != null) {
                    return ids;
                }
            }
        }
        return null;
    }

    private static boolean isDeleted(Object[] row) {
        return Boolean.TRUE.equals(row[IS_DELETED_SLOT]);
    }

    private static Comparator<Object[]> comparator(Table table, List<Soql.Order> orderBy) {
        Comparator<Object[]> result = null;
        for (Soql.Order order : orderBy) {
            Comparator<Object> values = SoqlValues.sortOrder(order.descending(), order.nullsFirst());
            int slot = table.existingSlot(order.field());
            Comparator<Object[]> column = (a, b) -> values.compare(Table.read(a, slot), Table.read(b, slot));
            result = result == null ? column : result.thenComparing(column);
        }
        return result;
    }

    // ---- helpers -----------------------------------------------------------------------

    private Table tableForWrite(String sobject) {
        return tables.computeIfAbsent(sobject.toLowerCase(Locale.ROOT), k -> new Table(sobject));
    }

    private Table existingTable(String sobject) {
        Table table = tables.get(sobject.toLowerCase(Locale.ROOT));
        if (table == null) {
            throw new NoSuchElementException("no " + sobject + " records");
        }
        return table;
    }

    private static Object[] existing(Table table, String id) {
        Object[] row = table.rows.get(id);
        if (row == null) {
            throw new NoSuchElementException("no " + table.name + " with Id " + id);
        }
        return row;
    }

    /** 3-character key prefix + zero-padded counter = 18 characters, unique per prefix. */
    private String newId(String sobject) {
        String prefix = KEY_PREFIXES.getOrDefault(sobject.toLowerCase(Locale.ROOT), OTHER_PREFIX);
        String id;
        do {
            long n = idCounters.merge(prefix, 1L, Long::sum);
            String digits = Long.toString(n);
            id = prefix + "0".repeat(15 - digits.length()) + digits;
        } while (idInUse(id));
        return id;
    }

    private boolean idInUse(String id) {
        // explicit Ids may have taken a number the counter reaches later
        for (Table t : tables.values()) {
            if (t.rows.containsKey(id)) {
                return true;
            }
        }
        return false;
    }

    /** Only the value types the wire formats know how to render are accepted. */
    private static Object checked(String field, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Instant
                || value instanceof LocalDate || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException("unsupported value type for " + field + ": " + value.getClass().getName());
    }
}
