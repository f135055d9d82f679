package org.polaris.schemas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.polaris.schemas.avro.AttendanceMatch;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.EventSession;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.NormalizedEventSession;
import org.polaris.schemas.avro.NormalizedRosterEntry;
import org.polaris.schemas.avro.NormalizedTeacher;
import org.polaris.schemas.avro.NormalizedVirtualSession;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RosterEntry;
import org.polaris.schemas.avro.RowOutcome;
import org.polaris.schemas.avro.RunEvent;
import org.polaris.schemas.avro.RunSummary;
import org.polaris.schemas.avro.UnmatchedAttendance;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;
import org.polaris.schemas.serde.AvroSerde;

import static org.polaris.schemas.Topic.Retention.COMPACTED;
import static org.polaris.schemas.Topic.Retention.REPLAYABLE;
import static org.polaris.schemas.Topic.Retention.TRANSIENT;

/**
 * The topic catalogue: every topic of the pipeline with its key and value serdes. Names are
 * {@code polaris.<stage>.<kind>}. Keys are the natural key of what the record changes once it is
 * known (after normalization); before that, the run id, so a run's raw rows stay in one partition
 * in order between its start and end markers. The topics of each source kind are named here and
 * registered by the kind ({@link org.polaris.schemas.kinds.SourceKind}); {@link #all()} lists them all.
 */
public final class Topics {

    private static final Serde<String> KEY = Serdes.String();

    /** Raw Pathful rows as they arrived. Key: run id. */
    public static final Topic<String, RawRecord> RAW_PATHFUL = raw("polaris.raw.pathful");
    /** Pathful rows kept unmatched, published again once their teacher and event exist (REMATCH runs). Key: run id. */
    public static final Topic<String, RawRecord> RAW_REMATCH = raw("polaris.raw.rematch");
    /** Raw teacher roster rows as they arrived. Key: run id. */
    public static final Topic<String, RawRecord> RAW_ROSTER = raw("polaris.raw.roster");
    /** Raw events-file rows as they arrived. Key: run id. */
    public static final Topic<String, RawRecord> RAW_EVENTS = raw("polaris.raw.events");
    /** Raw virtual-session sheet rows (Playbook C) as they arrived. Key: run id. */
    public static final Topic<String, RawRecord> RAW_VIRTUAL_SESSIONS = raw("polaris.raw.virtual-sessions");
    /** Raw VMS teacher rows as they arrived. Key: run id. */
    public static final Topic<String, RawRecord> RAW_TEACHERS = raw("polaris.raw.teachers");

    /** Run lifecycle for the writer: started (with mapping version), ended (with N), rejected. Key: run id. */
    public static final Topic<String, RunEvent> RUN_EVENTS =
            new Topic<>("polaris.runs.events", KEY, AvroSerde.of(RunEvent.class), TRANSIENT);

    /** Valid Pathful rows. Key: academicYear|email, co-partitioned with {@link #REF_ROSTER}. */
    public static final Topic<String, NormalizedAttendance> NORMALIZED_PATHFUL =
            new Topic<>("polaris.normalized.pathful", KEY, AvroSerde.of(NormalizedAttendance.class), TRANSIENT);
    /** Valid roster rows. Key: academicYear|email. */
    public static final Topic<String, NormalizedRosterEntry> NORMALIZED_ROSTER =
            new Topic<>("polaris.normalized.roster", KEY, AvroSerde.of(NormalizedRosterEntry.class), TRANSIENT);
    /** Valid events-file rows. Key: Pathful session id. */
    public static final Topic<String, NormalizedEventSession> NORMALIZED_EVENTS =
            new Topic<>("polaris.normalized.events", KEY, AvroSerde.of(NormalizedEventSession.class), TRANSIENT);

    /** Valid virtual-session rows. Key: the event's natural key (session id, else title|start). */
    public static final Topic<String, NormalizedVirtualSession> NORMALIZED_VIRTUAL_SESSIONS =
            new Topic<>("polaris.normalized.virtual-sessions", KEY, AvroSerde.of(NormalizedVirtualSession.class), TRANSIENT);
    /** Valid VMS teacher rows. Key: teacher key. */
    public static final Topic<String, NormalizedTeacher> NORMALIZED_TEACHERS =
            new Topic<>("polaris.normalized.teachers", KEY, AvroSerde.of(NormalizedTeacher.class), TRANSIENT);

    /** Invalid rows with every reason, the cells and the row number. Key: run id. */
    public static final Topic<String, DeadLetter> DEAD_LETTER =
            new Topic<>("polaris.deadletter", KEY, AvroSerde.of(DeadLetter.class), REPLAYABLE);

    /** Active roster entries (tombstone = no longer active). Key: academicYear|email. */
    public static final Topic<String, RosterEntry> REF_ROSTER =
            new Topic<>("polaris.ref.roster", KEY, AvroSerde.of(RosterEntry.class), COMPACTED);
    /** Events known by Pathful session id. Key: session id; every record is on every partition (broadcast). */
    public static final Topic<String, EventSession> REF_EVENT_SESSIONS =
            new Topic<>("polaris.ref.event-sessions", KEY, AvroSerde.of(EventSession.class), COMPACTED);

    /** Pathful rows whose teacher and event are both known. Key: eventId|email. */
    public static final Topic<String, AttendanceMatch> ATTENDANCE_MATCHED =
            new Topic<>("polaris.attendance.matched", KEY, AvroSerde.of(AttendanceMatch.class), TRANSIENT);
    /** Pathful rows with an unknown teacher or event. Key: eventId|email. */
    public static final Topic<String, UnmatchedAttendance> ATTENDANCE_UNMATCHED =
            new Topic<>("polaris.attendance.unmatched", KEY, AvroSerde.of(UnmatchedAttendance.class), TRANSIENT);

    /** Terminal outcome of every row, as recorded in the ledger. Key: run id. */
    public static final Topic<String, RowOutcome> ROW_OUTCOMES =
            new Topic<>("polaris.runs.outcomes", KEY, AvroSerde.of(RowOutcome.class), REPLAYABLE);
    /** Run counts: progress while running, final on completion. Key: run id. */
    public static final Topic<String, RunSummary> RUN_SUMMARIES =
            new Topic<>("polaris.runs.summaries", KEY, AvroSerde.of(RunSummary.class), REPLAYABLE);

    /** The topics every run uses, whatever its kind. */
    private static final List<Topic<String, ?>> CORE = List.of(RUN_EVENTS, DEAD_LETTER, REF_ROSTER, REF_EVENT_SESSIONS,
            ROW_OUTCOMES, RUN_SUMMARIES);

    private Topics() {
    }

    /**
     * Every topic: the core ones, then each registered kind's raw, normalized and writer topics
     * (for the bootstrap that creates them and for the Strimzi manifests test).
     */
    public static List<Topic<String, ?>> all() {
        Map<String, Topic<String, ?>> byName = new LinkedHashMap<>();
        for (SourceKind<?> kind : SourceKinds.all()) {
            byName.putIfAbsent(kind.rawTopic().name(), kind.rawTopic());
        }
        CORE.forEach(t -> byName.putIfAbsent(t.name(), t));
        for (SourceKind<?> kind : SourceKinds.all()) {
            byName.putIfAbsent(kind.normalizedTopic().name(), kind.normalizedTopic());
            kind.writerTopics().forEach(t -> byName.putIfAbsent(t.name(), t));
        }
        return List.copyOf(byName.values());
    }

    /** Every kind's raw topic: what the normalizer reads. */
    public static List<Topic<String, RawRecord>> raw() {
        return SourceKinds.all().stream().<Topic<String, RawRecord>>map(SourceKind::rawTopic).distinct().toList();
    }

    /** What the writer reads: every kind's writer topics, the dead letters and the run events. */
    public static List<Topic<String, ?>> writerInputs() {
        Map<String, Topic<String, ?>> byName = new LinkedHashMap<>();
        for (SourceKind<?> kind : SourceKinds.all()) {
            kind.writerTopics().forEach(t -> byName.putIfAbsent(t.name(), t));
        }
        byName.putIfAbsent(DEAD_LETTER.name(), DEAD_LETTER);
        byName.putIfAbsent(RUN_EVENTS.name(), RUN_EVENTS);
        return List.copyOf(byName.values());
    }

    /** A raw topic for a kind: run id keys, records kept for replay. */
    public static Topic<String, RawRecord> raw(String name) {
        return new Topic<>(name, KEY, AvroSerde.of(RawRecord.class), REPLAYABLE);
    }

    /** A working topic of a kind's normalized (or matched) records, between two stages. */
    public static <V extends SpecificRecord> Topic<String, V> working(String name, Class<V> type) {
        return new Topic<>(name, KEY, AvroSerde.of(type), TRANSIENT);
    }
}
