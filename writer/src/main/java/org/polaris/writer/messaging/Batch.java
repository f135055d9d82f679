package org.polaris.writer.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.polaris.schemas.avro.AttendanceMatch;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.NormalizedEventSession;
import org.polaris.schemas.avro.NormalizedRosterEntry;
import org.polaris.schemas.avro.NormalizedTeacher;
import org.polaris.schemas.avro.NormalizedVirtualSession;
import org.polaris.schemas.avro.RunEnded;
import org.polaris.schemas.avro.RunEvent;
import org.polaris.schemas.avro.RunRejected;
import org.polaris.schemas.avro.RunStarted;
import org.polaris.schemas.avro.UnmatchedAttendance;
import org.polaris.schemas.serde.AnyAvroDeserializer.Undecodable;
import org.polaris.writer.store.Outcome.RowKey;

/** One poll's records, sorted by what the writer does with them. */
public record Batch(List<RunStarted> started, List<RunEnded> ended, List<RunRejected> rejected,
        List<AttendanceMatch> matched, List<UnmatchedAttendance> unmatched, List<DeadLetter> deadLetters,
        List<NormalizedRosterEntry> roster, List<NormalizedEventSession> events,
        List<NormalizedVirtualSession> virtualSessions, List<NormalizedTeacher> teachers,
        List<Undecodable> undecodable, List<Object> unexpected) {

    public static Batch of(Collection<?> payloads) {
        Batch b = new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        payloads.forEach(b::add);
        return b;
    }

    private void add(Object p) {
        if (p instanceof org.apache.avro.specific.SpecificRecord r && !(p instanceof RunEvent)
                && !isRunId(runIdOf(r))) {
            // no run can claim it (e.g. an undecodable raw record's dead letter): set aside, never written
            unexpected.add(p);
            return;
        }
        if (p instanceof RunEvent e) {
            add(e.getPayload());
        } else if (p instanceof RunStarted s) {
            started.add(s);
        } else if (p instanceof RunEnded e) {
            ended.add(e);
        } else if (p instanceof RunRejected r) {
            rejected.add(r);
        } else if (p instanceof AttendanceMatch m) {
            matched.add(m);
        } else if (p instanceof UnmatchedAttendance u) {
            unmatched.add(u);
        } else if (p instanceof DeadLetter d) {
            deadLetters.add(d);
        } else if (p instanceof NormalizedRosterEntry r) {
            roster.add(r);
        } else if (p instanceof NormalizedEventSession e) {
            events.add(e);
        } else if (p instanceof NormalizedVirtualSession v) {
            virtualSessions.add(v);
        } else if (p instanceof NormalizedTeacher t) {
            teachers.add(t);
        } else if (p instanceof Undecodable u) {
            undecodable.add(u);
        } else if (p != null) {
            unexpected.add(p);
        }
    }

    private static String runIdOf(org.apache.avro.specific.SpecificRecord r) {
        if (r instanceof AttendanceMatch m) {
            return m.getAttendance().getRunId();
        }
        if (r instanceof UnmatchedAttendance u) {
            return u.getAttendance().getRunId();
        }
        var field = r.getSchema().getField("runId");
        return field == null ? null : String.valueOf(r.get(field.pos()));
    }

    static boolean isRunId(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        try {
            java.util.UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every run this batch touches, in id order. */
    public Set<String> runIds() {
        Set<String> ids = new TreeSet<>();
        started.forEach(s -> ids.add(s.getRunId()));
        ended.forEach(e -> ids.add(e.getRunId()));
        rejected.forEach(r -> ids.add(r.getRunId()));
        matched.forEach(m -> ids.add(m.getAttendance().getRunId()));
        unmatched.forEach(u -> ids.add(u.getAttendance().getRunId()));
        deadLetters.forEach(d -> ids.add(d.getRunId()));
        roster.forEach(r -> ids.add(r.getRunId()));
        events.forEach(e -> ids.add(e.getRunId()));
        virtualSessions.forEach(v -> ids.add(v.getRunId()));
        teachers.forEach(t -> ids.add(t.getRunId()));
        return ids;
    }

    /** The source rows in this batch (control records are not rows). */
    public List<RowKey> rowKeys() {
        List<RowKey> keys = new ArrayList<>();
        matched.forEach(m -> keys.add(new RowKey(m.getAttendance().getRunId(), m.getAttendance().getRowNumber())));
        unmatched.forEach(u -> keys.add(new RowKey(u.getAttendance().getRunId(), u.getAttendance().getRowNumber())));
        deadLetters.forEach(d -> keys.add(new RowKey(d.getRunId(), d.getRowNumber())));
        roster.forEach(r -> keys.add(new RowKey(r.getRunId(), r.getRowNumber())));
        events.forEach(e -> keys.add(new RowKey(e.getRunId(), e.getRowNumber())));
        virtualSessions.forEach(v -> keys.add(new RowKey(v.getRunId(), v.getRowNumber())));
        teachers.forEach(t -> keys.add(new RowKey(t.getRunId(), t.getRowNumber())));
        return keys;
    }

    /**
     * The same batch without the rows already recorded, and without a second copy of a row within
     * the batch (an upstream retry can deliver one twice); control records are kept (idempotent).
     */
    public Batch without(Set<RowKey> recorded) {
        Set<RowKey> seen = new java.util.HashSet<>(recorded);
        return new Batch(started, ended, rejected,
                keep(matched, m -> seen.add(new RowKey(m.getAttendance().getRunId(), m.getAttendance().getRowNumber()))),
                keep(unmatched, u -> seen.add(new RowKey(u.getAttendance().getRunId(), u.getAttendance().getRowNumber()))),
                keep(deadLetters, d -> seen.add(new RowKey(d.getRunId(), d.getRowNumber()))),
                keep(roster, r -> seen.add(new RowKey(r.getRunId(), r.getRowNumber()))),
                keep(events, e -> seen.add(new RowKey(e.getRunId(), e.getRowNumber()))),
                keep(virtualSessions, v -> seen.add(new RowKey(v.getRunId(), v.getRowNumber()))),
                keep(teachers, t -> seen.add(new RowKey(t.getRunId(), t.getRowNumber()))),
                undecodable, unexpected);
    }

    /** The entity rows of runs that write (mode COMMIT). */
    public Batch committing() {
        return byMode(false);
    }

    /** The entity rows of dry runs (mode VALIDATE): classified, then rolled back. */
    public Batch validating() {
        return byMode(true);
    }

    private Batch byMode(boolean validate) {
        return new Batch(List.of(), List.of(), List.of(),
                keep(matched, m -> validate == isValidate(m.getAttendance().getMode())),
                List.of(), List.of(),
                keep(roster, r -> validate == isValidate(r.getMode())),
                keep(events, e -> validate == isValidate(e.getMode())),
                keep(virtualSessions, v -> validate == isValidate(v.getMode())),
                keep(teachers, t -> validate == isValidate(t.getMode())),
                List.of(), List.of());
    }

    private static boolean isValidate(org.polaris.schemas.avro.RunMode mode) {
        return mode == org.polaris.schemas.avro.RunMode.VALIDATE;
    }

    /** One batch per record, to isolate a record the database refuses from the rest. */
    public List<Batch> singles() {
        List<Batch> singles = new ArrayList<>();
        List<Object> all = new ArrayList<>();
        all.addAll(started);
        all.addAll(ended);
        all.addAll(rejected);
        all.addAll(matched);
        all.addAll(unmatched);
        all.addAll(deadLetters);
        all.addAll(roster);
        all.addAll(events);
        all.addAll(virtualSessions);
        all.addAll(teachers);
        for (Object o : all) {
            singles.add(Batch.of(List.of(o)));
        }
        return singles;
    }

    public int size() {
        return started.size() + ended.size() + rejected.size() + matched.size() + unmatched.size()
                + deadLetters.size() + roster.size() + events.size() + virtualSessions.size() + teachers.size();
    }

    private static <T> List<T> keep(List<T> rows, Predicate<T> p) {
        return rows.stream().filter(p).toList();
    }
}
