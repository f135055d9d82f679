package org.polaris.writer.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A run as the ledger holds it (read side; the writer's batches update it with plain SQL). */
@Entity
@Table(name = "import_run")
public class ImportRun extends PanacheEntityBase {

    @Id
    public UUID id;
    public String kind;
    @Column(name = "source_ref")
    public String sourceRef;
    @Column(name = "run_window")
    public String window;
    @Column(name = "triggered_by")
    public String triggeredBy;
    public String mode;
    @Column(name = "mapping_version")
    public String mappingVersion;
    @Column(name = "replay_of")
    public UUID replayOf;
    /** The header as it arrived (a replay publishes the rows again under it). */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    public String[] header;
    /** What the header check noticed about the run as a whole. */
    @Column(name = "run_warnings")
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    public String[] runWarnings;
    public String status;
    public String message;
    @Column(name = "expected_rows")
    public Integer expectedRows;
    public int processed;
    public int created;
    public int updated;
    public int skipped;
    @Column(name = "unmatched_teacher")
    public int unmatchedTeacher;
    @Column(name = "unmatched_event")
    public int unmatchedEvent;
    public int invalid;
    /** Rows waiting for their parent (WAITING outcomes). */
    public int waiting;
    public int warnings;
    /** The kind's own counters (jsonb), e.g. {"deactivated": 3}. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    public String counters;
    public String district;
    @Column(name = "raw_topic")
    public String rawTopic;
    @Column(name = "raw_partition")
    public Integer rawPartition;
    @Column(name = "raw_first_offset")
    public Long rawFirstOffset;
    @Column(name = "raw_last_offset")
    public Long rawLastOffset;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
