package org.polaris.schemas.serde;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.EventSession;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RosterEntry;
import org.polaris.schemas.avro.RowOutcome;
import org.polaris.schemas.avro.RunEvent;
import org.polaris.schemas.avro.RunSummary;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;

/** The record types that are the value of some topic: the ones the codec encodes and decodes. */
public final class RecordTypes {

    /** The records every run uses, whatever its kind. */
    static final List<Class<? extends SpecificRecord>> CORE = List.of(
            RawRecord.class, RunEvent.class, DeadLetter.class, RosterEntry.class, EventSession.class,
            RowOutcome.class, RunSummary.class);

    private RecordTypes() {
    }

    /** The core records, then every registered kind's. */
    public static List<Class<? extends SpecificRecord>> all() {
        Set<Class<? extends SpecificRecord>> types = new LinkedHashSet<>(CORE);
        for (SourceKind<?> kind : SourceKinds.all()) {
            types.addAll(kind.recordTypes());
        }
        return new ArrayList<>(types);
    }
}
