package org.polaris.matcher;

import org.polaris.schemas.Keys;
import org.polaris.schemas.avro.AttendanceMatch;
import org.polaris.schemas.avro.EventSession;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.RosterEntry;
import org.polaris.schemas.avro.UnmatchedAttendance;
import org.polaris.schemas.avro.UnmatchedReason;

/**
 * The matcher's joiners, as named pure functions. A Pathful row matches a teacher when the
 * roster of its academic year holds its normalized email as an active entry (a deactivated entry is
 * kept on the table so the row can say so), and an event when an event carries its
 * EventId as Pathful session id. Unknown teacher wins over unknown event, so a row with both
 * unknown counts once, as an unmatched teacher.
 */
public final class Matching {

    private Matching() {
    }

    /** Joiner of the roster table: the row with its roster entry (null when the teacher is unknown). */
    public static AttendanceMatch withRosterEntry(NormalizedAttendance row, RosterEntry entry) {
        return new AttendanceMatch(row, entry, null);
    }

    /**
     * Joiner of the event-session table: adds the event (null when unknown). The match was just
     * deserialized for this join and is not shared, so it is completed in place (a builder copy of
     * every row was the matcher's largest cost).
     */
    public static AttendanceMatch withEventSession(AttendanceMatch match, EventSession event) {
        match.setEvent(event);
        return match;
    }

    public static boolean isMatched(AttendanceMatch m) {
        return m.getRoster() != null && m.getRoster().getActive() && m.getEvent() != null;
    }

    public static UnmatchedAttendance unmatched(AttendanceMatch m) {
        NormalizedAttendance a = m.getAttendance();
        String eventToo = m.getEvent() == null ? "; event " + a.getEventId() + " unknown too" : "";
        if (m.getRoster() == null) {
            return new UnmatchedAttendance(a, UnmatchedReason.TEACHER, "teacher email not in the "
                    + a.getAcademicYear() + " roster" + eventToo);
        }
        if (!m.getRoster().getActive()) {
            return new UnmatchedAttendance(a, UnmatchedReason.TEACHER, "the teacher's entry on the "
                    + a.getAcademicYear() + " roster is deactivated (a roster import no longer carries it, or an "
                    + "administrator deactivated it)" + eventToo);
        }
        return new UnmatchedAttendance(a, UnmatchedReason.EVENT, "no event with Pathful session id " + a.getEventId());
    }

    /** Participation key of a row: where its writes land, so they stay in order. */
    public static String participationKey(AttendanceMatch m) {
        return Keys.participation(m.getAttendance().getEventId(), m.getAttendance().getTeacherEmail());
    }
}
