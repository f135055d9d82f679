package org.polaris.writer.api;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Google Sheet an administrator registered for a purpose (the kind it imports as) and an academic year. */
@Entity
@Table(name = "sheet_config")
public class SheetConfig extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String district;
    @Column(name = "academic_year")
    public String academicYear;
    public String purpose;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "sheet_id")
    public String sheetId;
    @Column(name = "sheet_range")
    public String range;
    @Column(name = "header_rows")
    public int headerRows;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
