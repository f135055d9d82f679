package org.polaris.normalizer;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.normalizer.KindRules.RowContext;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.mapping.KindMapping;
import org.polaris.normalizer.mapping.MappingSource;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.normalizer.rules.AcademicYears;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.avro.RunEnded;
import org.polaris.schemas.avro.RunEvent;
import org.polaris.schemas.avro.RunRejected;
import org.polaris.schemas.avro.RunStarted;
import org.polaris.schemas.kinds.SourceKind;

/**
 * The normalizer's rules, without messaging: a raw record in, the records to publish out. It
 * names no source kind: each kind's {@link KindRules} say what its rows must carry and how they
 * normalize. The header is checked on the run's start marker, before any row flows: a run whose
 * header lacks a required column is rejected there and none of its rows is forwarded (they stay on
 * the raw topic, to be replayed once the mapping is fixed). Rows are checked against the same
 * resolution. A run reads its header through the alias mapping current when its start marker is
 * normalized ({@link MappingSource}), and all its rows through that same version, even if an
 * administrator changes the mapping meanwhile; rows of a run whose start this instance did not see
 * (it took over mid-run) use the version that was current when they were published.
 */
public final class Normalizer {

    /** One record to publish: where, under which key. */
    public record Output(Topic<String, ?> topic, String key, SpecificRecord value) {
    }

    private static final int CACHE_LIMIT = 1_000;

    private static final int RUNS_KEPT = 50_000;

    private final MappingSource mappings;
    private final ZoneId zone;
    private final Map<String, KindRules<?>> rules = new LinkedHashMap<>();
    private final Map<String, HeaderResolution> resolutions = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> years = new ConcurrentHashMap<>();
    /** The mapping each recent run started under, by run id. */
    private final Map<String, KindMapping> runMappings = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, KindMapping> eldest) {
                    return size() > RUNS_KEPT;
                }
            });

    public Normalizer(MappingSource mappings, ZoneId zone, Collection<? extends KindRules<?>> rules) {
        this.mappings = mappings;
        this.zone = zone;
        for (KindRules<?> r : rules) {
            KindRules<?> other = this.rules.putIfAbsent(r.kind().id(), r);
            if (other != null) {
                throw new IllegalStateException(r.getClass().getName() + " and " + other.getClass().getName()
                        + " are both the rules of " + r.kind().id());
            }
        }
    }

    /** The kinds this normalizer has rules for. */
    public Set<String> kinds() {
        return rules.keySet();
    }

    /** A record as read now (tests; rows of runs not seen starting use the current mapping). */
    public List<Output> apply(RawRecord record) {
        return apply(record, System.currentTimeMillis());
    }

    /** A record of the raw topic; {@code timestamp} is the time it was published. */
    public List<Output> apply(RawRecord record, long timestamp) {
        Object payload = record.getPayload();
        if (payload instanceof RunStarted started) {
            return onStarted(started);
        }
        if (payload instanceof RunEnded ended) {
            return List.of(new Output(Topics.RUN_EVENTS, ended.getRunId(), RunEvent.newBuilder().setPayload(ended).build()));
        }
        RawRow row = (RawRow) payload;
        KindRules<?> kindRules = rules.get(row.getKind());
        if (kindRules == null) {
            return List.of(deadLetter(row, List.of("unknown run kind " + row.getKind())));
        }
        HeaderResolution columns = resolve(row, kindRules, timestamp);
        String year = year(row.getWindow());
        if (!columns.accepted() || windowProblem(kindRules.kind(), row.getWindow(), year)) {
            return List.of(); // the run was rejected on its start marker
        }
        if (row.getIngestProblem() != null) {
            return List.of(deadLetter(row, List.of(row.getIngestProblem())));
        }
        return List.of(onRow(kindRules, row, columns, year));
    }

    private List<Output> onStarted(RunStarted started) {
        KindRules<?> kindRules = rules.get(started.getKind());
        if (kindRules == null) {
            return List.of(runEvent(started), rejected(started, "unknown run kind " + started.getKind(), List.of()));
        }
        KindMapping mapping = mappings.current(started.getKind());
        runMappings.put(started.getRunId(), mapping);
        started.setMappingVersion(mapping.version());
        HeaderResolution columns = resolveCached(mapping, kindRules, started.getHeader());
        List<String> problems = new ArrayList<>(columns.problems());
        if (problems.isEmpty()) {
            // a rejected run's reason already names the header that may be its missing column
            mapping.extraColumnsWarning(columns.extra()).ifPresent(w -> started.setWarnings(List.of(w)));
        }
        String runProblem = runProblem(kindRules.kind(), started.getWindow());
        if (runProblem != null) {
            problems.add(runProblem);
        }
        if (!problems.isEmpty()) {
            // the start marker still goes first, so the ledger knows what was rejected
            return List.of(runEvent(started), rejected(started, String.join("; ", problems), columns.missing()));
        }
        return List.of(runEvent(started));
    }

    private Output rejected(RunStarted started, String reason, List<String> missing) {
        RunRejected rejected = RunRejected.newBuilder().setRunId(started.getRunId()).setKind(started.getKind())
                .setReason(reason).setMissingColumns(missing).setMappingVersion(started.getMappingVersion())
                .setRejectedAt(System.currentTimeMillis()).build();
        return new Output(Topics.RUN_EVENTS, started.getRunId(), RunEvent.newBuilder().setPayload(rejected).build());
    }

    private Output runEvent(RunStarted started) {
        return new Output(Topics.RUN_EVENTS, started.getRunId(), new RunEvent(started));
    }

    /** One row; {@code year} is the run's academic year in canonical form (or null). */
    private <V extends SpecificRecord> Output onRow(KindRules<V> kindRules, RawRow row, HeaderResolution columns,
            String year) {
        RowResult<V> r = kindRules.normalize(row, columns, new RowContext(year, zone));
        if (!r.isValid()) {
            return deadLetter(row, r.reasons());
        }
        SourceKind<V> kind = kindRules.kind();
        V value = r.value();
        if (!row.getIngestWarnings().isEmpty()) {
            withWarnings(value, row.getIngestWarnings());
        }
        return new Output(kind.normalizedTopic(), kind.key(value), value);
    }

    /**
     * Adds what ingest noticed about the row to the record's warnings (every normalized record has a
     * {@code warnings} field: they reach the row's outcome).
     */
    @SuppressWarnings("unchecked")
    private static void withWarnings(SpecificRecord value, List<String> more) {
        org.apache.avro.Schema.Field field = value.getSchema().getField("warnings");
        if (field == null) {
            return;
        }
        List<String> all = new ArrayList<>((List<String>) value.get(field.pos()));
        all.addAll(more);
        value.put(field.pos(), all);
    }

    /** The run's academic year in canonical form, or null (rows repeat it: computed once per window). */
    private String year(String window) {
        if (window == null) {
            return null;
        }
        if (years.size() > CACHE_LIMIT) {
            years.clear();
        }
        return years.computeIfAbsent(window, w -> Optional.ofNullable(AcademicYears.normalize(w))).orElse(null);
    }

    /** A problem with the run as a whole (not its header), or null. */
    static String runProblem(SourceKind<?> kind, String window) {
        boolean invalid = window != null && AcademicYears.normalize(window) == null;
        return switch (kind.window()) {
            case REQUIRED -> window == null || invalid ? "a " + kind.label() + " run needs its academic year, like 2024-2025"
                    + (window == null ? "" : " (got \"" + window + "\")") : null;
            case OPTIONAL -> invalid ? "the run's academic year \"" + window + "\" is not like 2024-2025" : null;
            case NONE -> null;
        };
    }

    private static boolean windowProblem(SourceKind<?> kind, String window, String year) {
        return switch (kind.window()) {
            case REQUIRED -> year == null;
            case OPTIONAL -> window != null && year == null;
            case NONE -> false;
        };
    }

    /** The last header seen: consecutive rows of one run share it, so most rows skip the cache key. */
    private volatile Resolved last;

    private record Resolved(String runId, KindRules<?> rules, Set<String> header, HeaderResolution resolution) {
    }

    /** A row's columns, through its run's mapping; consecutive rows of one run reuse the last answer. */
    private HeaderResolution resolve(RawRow row, KindRules<?> kindRules, long timestamp) {
        Set<String> header = row.getCells().keySet();
        Resolved previous = last;
        if (previous != null && previous.runId().equals(row.getRunId()) && previous.rules() == kindRules
                && previous.header().equals(header)) {
            return previous.resolution();
        }
        HeaderResolution resolution = resolveCached(mappingOf(row, timestamp), kindRules, header);
        last = new Resolved(row.getRunId(), kindRules, Set.copyOf(header), resolution);
        return resolution;
    }

    /** The mapping the row's run started under, or, for a run this instance did not see start, the one of its publish time. */
    private KindMapping mappingOf(RawRow row, long timestamp) {
        KindMapping mapping = runMappings.get(row.getRunId());
        if (mapping == null || !mapping.kind().equals(row.getKind())) {
            mapping = mappings.asOf(row.getKind(), timestamp);
            runMappings.put(row.getRunId(), mapping);
        }
        return mapping;
    }

    private HeaderResolution resolveCached(KindMapping mapping, KindRules<?> kindRules, Collection<String> header) {
        Set<String> sorted = new TreeSet<>(header);
        String cacheKey = kindRules.kind().id() + "\u0000" + mapping.version() + "\u0000" + String.join("\u0000", sorted);
        if (resolutions.size() > CACHE_LIMIT) {
            resolutions.clear();
        }
        return resolutions.computeIfAbsent(cacheKey, k -> mapping.resolve(kindRules.contract(), new ArrayList<>(header)));
    }

    private static Output deadLetter(RawRow row, List<String> reasons) {
        DeadLetter d = DeadLetter.newBuilder().setRunId(row.getRunId()).setKind(row.getKind())
                .setRowNumber(row.getRowNumber()).setSourceRef(row.getSourceRef()).setStage("normalizer")
                .setReasons(reasons).setCells(row.getCells()).setFailedAt(System.currentTimeMillis()).build();
        return new Output(Topics.DEAD_LETTER, row.getRunId(), d);
    }
}
