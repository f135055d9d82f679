package org.polaris.matcher;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.AttendanceMatch;
import org.polaris.schemas.avro.EventSession;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.RosterEntry;

/**
 * The matcher topology, as a plain function tests can call.
 * <pre>
 * normalized.pathful (key year|email) --leftJoin roster table (key year|email)
 *                                     --look up event-session table (key session id, every partition)
 *   --> attendance.matched | attendance.unmatched (key eventId|email)
 * </pre>
 * All three inputs are co-partitioned source topics of one sub-topology, so Kafka Streams
 * processes them in timestamp order: a roster entry or event published before a Pathful row is
 * always seen by that row. The event-session topic carries every event on every partition (the
 * writer broadcasts it; there are few events), so a row finds its event in its own task's store
 * without being re-partitioned by event id: one Kafka round trip less per row. Both tables are
 * held in memory (a few thousand entries each), rebuilt from their topics when a task starts:
 * RocksDB's native calls were a visible share of the matcher's CPU for tables this small.
 */
public final class MatcherTopology {

    public static final String ROSTER_STORE = "roster-by-year-email";
    public static final String EVENT_STORE = "event-sessions-by-id";

    private MatcherTopology() {
    }

    public static Topology build() {
        var key = Serdes.String();
        StreamsBuilder builder = new StreamsBuilder();

        KTable<String, RosterEntry> roster = builder.table(Topics.REF_ROSTER.name(),
                Consumed.with(key, Topics.REF_ROSTER.valueSerde()),
                Materialized.<String, RosterEntry>as(Stores.inMemoryKeyValueStore(ROSTER_STORE))
                        .withKeySerde(key).withValueSerde(Topics.REF_ROSTER.valueSerde())
                        // the tables are read per row and written rarely: a write cache only adds a lookup
                        .withCachingDisabled());
        builder.table(Topics.REF_EVENT_SESSIONS.name(),
                Consumed.with(key, Topics.REF_EVENT_SESSIONS.valueSerde()),
                Materialized.<String, EventSession>as(Stores.inMemoryKeyValueStore(EVENT_STORE))
                        .withKeySerde(key).withValueSerde(Topics.REF_EVENT_SESSIONS.valueSerde())
                        .withCachingDisabled());

        KStream<String, NormalizedAttendance> rows = builder.stream(Topics.NORMALIZED_PATHFUL.name(),
                Consumed.with(key, Topics.NORMALIZED_PATHFUL.valueSerde()));

        KStream<String, AttendanceMatch> matched = rows
                .leftJoin(roster, Matching::withRosterEntry,
                        Joined.with(key, Topics.NORMALIZED_PATHFUL.valueSerde(), Topics.REF_ROSTER.valueSerde()))
                .processValues(EventLookup::new, Named.as("event-lookup"), EVENT_STORE);

        matched.split(Named.as("attendance-"))
                .branch((k, m) -> Matching.isMatched(m), Branched.withConsumer(s -> s
                        .selectKey((k, m) -> Matching.participationKey(m))
                        .to(Topics.ATTENDANCE_MATCHED.name(), Produced.with(key, Topics.ATTENDANCE_MATCHED.valueSerde()))))
                .defaultBranch(Branched.withConsumer(s -> s
                        .map((k, m) -> KeyValue.pair(Matching.participationKey(m), Matching.unmatched(m)))
                        .to(Topics.ATTENDANCE_UNMATCHED.name(),
                                Produced.with(key, Topics.ATTENDANCE_UNMATCHED.valueSerde()))));
        return builder.build();
    }

    /** Completes a row with its event from this task's copy of the event-session table. */
    static final class EventLookup implements FixedKeyProcessor<String, AttendanceMatch, AttendanceMatch> {

        private FixedKeyProcessorContext<String, AttendanceMatch> context;
        private KeyValueStore<String, ValueAndTimestamp<EventSession>> events;

        @Override
        public void init(FixedKeyProcessorContext<String, AttendanceMatch> context) {
            this.context = context;
            this.events = context.getStateStore(EVENT_STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, AttendanceMatch> record) {
            ValueAndTimestamp<EventSession> event = events.get(record.value().getAttendance().getEventId());
            context.forward(record.withValue(Matching.withEventSession(record.value(),
                    event == null ? null : event.value())));
        }
    }
}
