package org.polaris.ingest.rematch;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.polaris.ingest.publish.RunPublisher;
import org.polaris.ingest.publish.RunReceipt;
import org.polaris.ingest.publish.RunRequest;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.RematchKind;

/**
 * Publishes pending rows that would match now as REMATCH runs, one per academic year: each row with
 * its Pathful columns (the start as the configured zone's local time with its offset, so the session
 * date is the one the original row had) and the run and row it completes. The run's source names the
 * runs it completes.
 */
public final class Rematches {

    /** The REMATCH header: the Pathful contract's labels, then the row it completes. */
    public static final List<String> HEADER = List.of("SessionId", "EventId", "TeacherEmail", "SessionStart",
            "AttendanceStatus", "ParticipantType", "OriginRun", "OriginRow");
    private static final int SOURCE_RUNS_SHOWN = 5;

    private Rematches() {
    }

    /** The rows by academic year, in the order given. */
    public static Map<String, List<PendingRematches.Pending>> byYear(List<PendingRematches.Pending> rows) {
        Map<String, List<PendingRematches.Pending>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(r.academicYear(), y -> new ArrayList<>()).add(r));
        return out;
    }

    /** What a REMATCH run's source says: why it runs and which runs' rows it completes. */
    public static String sourceRef(String why, List<PendingRematches.Pending> rows) {
        Set<String> runs = new LinkedHashSet<>();
        rows.forEach(r -> runs.add(r.runId()));
        List<String> shown = runs.stream().limit(SOURCE_RUNS_SHOWN).toList();
        return "re-match " + why + ": " + rows.size() + " unmatched " + (rows.size() == 1 ? "row" : "rows") + " of run"
                + (runs.size() == 1 ? " " : "s ") + String.join(", ", shown)
                + (runs.size() > shown.size() ? " and " + (runs.size() - shown.size()) + " more" : "");
    }

    /** One pending row as a REMATCH row's cells. */
    public static Map<String, String> cells(PendingRematches.Pending p, ZoneId zone) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("SessionId", p.sessionId());
        cells.put("EventId", p.eventId());
        cells.put("TeacherEmail", p.teacherEmail());
        cells.put("SessionStart", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.sessionStart().atZone(zone)));
        cells.put("AttendanceStatus", p.status());
        cells.put("ParticipantType", p.participantType() == null ? "" : p.participantType());
        cells.put("OriginRun", p.runId());
        cells.put("OriginRow", String.valueOf(p.row()));
        return cells;
    }

    /** Publishes one REMATCH run of one year's rows. */
    public static RunReceipt publish(RunPublisher publisher, String why, String year, List<PendingRematches.Pending> rows,
            ZoneId zone) {
        RunRequest request = new RunRequest(new RematchKind(), sourceRef(why, rows), year, null, "rematch", RunMode.COMMIT,
                null);
        return publisher.publish(request, HEADER, sink -> {
            int n = 2;
            for (PendingRematches.Pending p : rows) {
                sink.accept(n++, cells(p, zone), List.of());
            }
        });
    }
}
