package org.polaris.normalizer;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.normalizer.mapping.AliasMapping;
import org.polaris.normalizer.mapping.Contracts;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.EventRows;
import org.polaris.normalizer.rows.PathfulRows;
import org.polaris.normalizer.rows.RosterRows;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.normalizer.rows.TeacherRows;
import org.polaris.normalizer.rows.VirtualSessionRows;
import org.polaris.normalizer.rules.AcademicYears;
import org.polaris.schemas.Keys;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.NormalizedEventSession;
import org.polaris.schemas.avro.NormalizedRosterEntry;
import org.polaris.schemas.avro.NormalizedTeacher;
import org.polaris.schemas.avro.NormalizedVirtualSession;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.avro.RunEnded;
import org.polaris.schemas.avro.RunEvent;
import org.polaris.schemas.avro.RunKind;
import org.polaris.schemas.avro.RunRejected;
import org.polaris.schemas.avro.RunStarted;

/**
 * The normalizer's rules, without messaging: a raw record in, the records to publish out.
 * The header is checked on the run's start marker, before any row flows: a run whose header
 * lacks a required column is rejected there and none of its rows is forwarded (they stay on the
 * raw topic, to be replayed once the mapping is fixed). Rows are checked against the same
 * resolution, so a restarted normalizer needs no memory of the runs it saw.
 */
public final class Normalizer {

    /** Where an output goes. */
    public enum Destination {
        NORMALIZED_PATHFUL, NORMALIZED_ROSTER, NORMALIZED_EVENTS, NORMALIZED_VIRTUAL_SESSIONS, NORMALIZED_TEACHERS,
        DEAD_LETTER, RUN_EVENTS
    }

    /** One record to publish. */
    public record Output(Destination destination, String key, SpecificRecord value) {
    }

    private static final int CACHE_LIMIT = 1_000;

    private final AliasMapping mapping;
    private final ZoneId zone;
    private final Map<String, HeaderResolution> resolutions = new ConcurrentHashMap<>();

    public Normalizer(AliasMapping mapping, ZoneId zone) {
        this.mapping = mapping;
        this.zone = zone;
    }

    public List<Output> apply(RawRecord record) {
        Object payload = record.getPayload();
        if (payload instanceof RunStarted started) {
            return onStarted(started);
        }
        if (payload instanceof RunEnded ended) {
            return List.of(new Output(Destination.RUN_EVENTS, ended.getRunId(), RunEvent.newBuilder().setPayload(ended).build()));
        }
        RawRow row = (RawRow) payload;
        if (!Contracts.known(row.getKind())) {
            return List.of(deadLetter(row, List.of("unknown run kind " + row.getKind())));
        }
        HeaderResolution columns = resolve(row.getKind(), row.getCells().keySet());
        String year = year(row.getWindow());
        boolean yearMissingOrBad = row.getKind() == RunKind.PATHFUL ? year == null : row.getWindow() != null && year == null;
        if (!columns.accepted() || yearMissingOrBad) {
            return List.of(); // the run was rejected on its start marker
        }
        return List.of(onRow(row, columns, year));
    }

    private List<Output> onStarted(RunStarted started) {
        if (!Contracts.known(started.getKind())) {
            return List.of(runEvent(started), new Output(Destination.RUN_EVENTS, started.getRunId(),
                    RunEvent.newBuilder().setPayload(RunRejected.newBuilder().setRunId(started.getRunId())
                            .setKind(started.getKind()).setReason("unknown run kind " + started.getKind())
                            .setMissingColumns(List.of()).setMappingVersion(mapping.version())
                            .setRejectedAt(System.currentTimeMillis()).build()).build()));
        }
        HeaderResolution columns = resolve(started.getKind(), started.getHeader());
        List<String> problems = new ArrayList<>(columns.problems());
        String runProblem = runProblem(started.getKind(), started.getWindow());
        if (runProblem != null) {
            problems.add(runProblem);
        }
        if (!problems.isEmpty()) {
            RunRejected rejected = RunRejected.newBuilder().setRunId(started.getRunId()).setKind(started.getKind())
                    .setReason(String.join("; ", problems)).setMissingColumns(columns.missing())
                    .setMappingVersion(mapping.version()).setRejectedAt(System.currentTimeMillis()).build();
            // the start marker still goes first, so the ledger knows what was rejected
            return List.of(runEvent(started), new Output(Destination.RUN_EVENTS, started.getRunId(),
                    RunEvent.newBuilder().setPayload(rejected).build()));
        }
        return List.of(runEvent(started));
    }

    private Output runEvent(RunStarted started) {
        started.setMappingVersion(mapping.version());
        return new Output(Destination.RUN_EVENTS, started.getRunId(), new RunEvent(started));
    }

    /** One row; {@code year} is the run's academic year in canonical form (or null). */
    private Output onRow(RawRow row, HeaderResolution columns, String year) {
        return switch (row.getKind()) {
            case PATHFUL -> {
                RowResult<NormalizedAttendance> r = PathfulRows.normalize(row, columns, year, zone);
                yield r.isValid()
                        ? new Output(Destination.NORMALIZED_PATHFUL,
                                Keys.roster(r.value().getAcademicYear(), r.value().getTeacherEmail()), r.value())
                        : deadLetter(row, r.reasons());
            }
            case ROSTER -> {
                RowResult<NormalizedRosterEntry> r = RosterRows.normalize(row, columns, year);
                yield r.isValid()
                        ? new Output(Destination.NORMALIZED_ROSTER,
                                Keys.roster(r.value().getAcademicYear(), r.value().getEmail()), r.value())
                        : deadLetter(row, r.reasons());
            }
            case EVENTS -> {
                RowResult<NormalizedEventSession> r = EventRows.normalize(row, columns, zone);
                yield r.isValid() ? new Output(Destination.NORMALIZED_EVENTS, r.value().getSessionId(), r.value())
                        : deadLetter(row, r.reasons());
            }
            case VIRTUAL_SESSIONS -> {
                RowResult<NormalizedVirtualSession> r = VirtualSessionRows.normalize(row, columns, year, zone);
                yield r.isValid() ? new Output(Destination.NORMALIZED_VIRTUAL_SESSIONS,
                        VirtualSessionRows.naturalKey(r.value()), r.value()) : deadLetter(row, r.reasons());
            }
            case TEACHERS -> {
                RowResult<NormalizedTeacher> r = TeacherRows.normalize(row, columns);
                yield r.isValid() ? new Output(Destination.NORMALIZED_TEACHERS, r.value().getTeacherKey(), r.value())
                        : deadLetter(row, r.reasons());
            }
            default -> deadLetter(row, List.of("unknown run kind " + row.getKind()));
        };
    }

    private final Map<String, java.util.Optional<String>> years = new ConcurrentHashMap<>();

    /** The run's academic year in canonical form, or null (rows repeat it: computed once per window). */
    private String year(String window) {
        if (window == null) {
            return null;
        }
        if (years.size() > CACHE_LIMIT) {
            years.clear();
        }
        return years.computeIfAbsent(window, w -> java.util.Optional.ofNullable(AcademicYears.normalize(w))).orElse(null);
    }

    /** A problem with the run as a whole (not its header), or null. */
    static String runProblem(RunKind kind, String window) {
        if (kind == RunKind.PATHFUL && (window == null || AcademicYears.normalize(window) == null)) {
            return "a Pathful run needs its academic year, like 2024-2025"
                    + (window == null ? "" : " (got \"" + window + "\")");
        }
        if ((kind == RunKind.ROSTER || kind == RunKind.VIRTUAL_SESSIONS) && window != null
                && AcademicYears.normalize(window) == null) {
            return "the run's academic year \"" + window + "\" is not like 2024-2025";
        }
        return null;
    }

    /** The last header seen: consecutive rows of one run share it, so most rows skip the cache key. */
    private volatile Resolved last;

    private record Resolved(RunKind kind, Set<String> header, HeaderResolution resolution) {
    }

    private HeaderResolution resolve(RunKind kind, Set<String> header) {
        Resolved previous = last;
        if (previous != null && previous.kind() == kind && previous.header().equals(header)) {
            return previous.resolution();
        }
        HeaderResolution resolution = resolveCached(kind, header);
        last = new Resolved(kind, Set.copyOf(header), resolution);
        return resolution;
    }

    private HeaderResolution resolve(RunKind kind, java.util.List<String> header) {
        return resolveCached(kind, header);
    }

    private HeaderResolution resolveCached(RunKind kind, java.util.Collection<String> header) {
        Set<String> sorted = new TreeSet<>(header);
        String cacheKey = kind + "\u0000" + String.join("\u0000", sorted);
        if (resolutions.size() > CACHE_LIMIT) {
            resolutions.clear();
        }
        return resolutions.computeIfAbsent(cacheKey, k -> mapping.resolve(kind, new ArrayList<>(header)));
    }

    private static Output deadLetter(RawRow row, List<String> reasons) {
        DeadLetter d = DeadLetter.newBuilder().setRunId(row.getRunId()).setKind(row.getKind())
                .setRowNumber(row.getRowNumber()).setSourceRef(row.getSourceRef()).setStage("normalizer")
                .setReasons(reasons).setCells(row.getCells()).setFailedAt(System.currentTimeMillis()).build();
        return new Output(Destination.DEAD_LETTER, row.getRunId(), d);
    }
}
