package org.polaris.writer.api;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A roster teacher of one academic year with the progress the writer derived (read side). */
@Entity
@Table(name = "teacher_progress")
public class TeacherProgressRow extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "academic_year")
    public String academicYear;
    @Column(name = "virtual_year")
    public String virtualYear;
    public String district;
    public String building;
    public String name;
    public String email;
    public String grade;
    @Column(name = "target_sessions")
    public int targetSessions;
    public boolean active;
    @Column(name = "attended_sessions")
    public int attendedSessions;
    @Column(name = "registered_sessions")
    public int registeredSessions;
    public String status;
}
