package org.polaris.ingest.rematch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where the re-match finds Pathful rows kept unmatched that would match now. The writer keeps them
 * (it owns the database); the application that assembles the services provides this port.
 */
public interface PendingRematches {

    /**
     * Pending rows kept within {@code window} whose teacher is active on the roster of the row's year and
     * whose event exists, at most {@code limit}, by year and run.
     */
    List<Pending> matchable(Duration window, int limit);

    /** Whether the run has ended (completed, rejected or failed) in the ledger, committed. */
    boolean ended(String runId);

    /** A row kept unmatched, with what publishing it again needs. */
    record Pending(String runId, int row, String academicYear, String sessionId, String eventId, String teacherEmail,
            Instant sessionStart, String status, String participantType) {
    }
}
