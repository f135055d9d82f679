package org.polaris.writer.api;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The recorded outcome of one source row (read side). */
@Entity
@Table(name = "row_outcome")
@IdClass(OutcomeRow.Key.class)
public class OutcomeRow extends PanacheEntityBase {

    @Id
    @Column(name = "run_id")
    public UUID runId;
    @Id
    @Column(name = "row_no")
    public int rowNumber;
    public String outcome;
    public String reasons;
    public String warnings;
    @JdbcTypeCode(SqlTypes.JSON)
    public String cells;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** Composite key: run id + row number. */
    public static class Key implements Serializable {
        public UUID runId;
        public int rowNumber;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.rowNumber == rowNumber && Objects.equals(k.runId, runId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, rowNumber);
        }
    }
}
