package org.polaris.schemas.serde;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;
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

/** The record types that are the value of some topic: the ones the codec encodes and decodes. */
public final class RecordTypes {

    public static final List<Class<? extends SpecificRecord>> ALL = List.of(
            RawRecord.class, RunEvent.class,
            NormalizedAttendance.class, NormalizedRosterEntry.class, NormalizedEventSession.class,
            NormalizedVirtualSession.class, NormalizedTeacher.class,
            DeadLetter.class, RosterEntry.class, EventSession.class,
            AttendanceMatch.class, UnmatchedAttendance.class, RowOutcome.class, RunSummary.class);

    private RecordTypes() {
    }
}
