package org.polaris.matching.teachers;

/**
 * A VMS teacher proposed for a roster row.
 *
 * @param teacherId the VMS teacher id
 * @param score     similarity in [0, 1]; 1.0 for an email match
 * @param reason    email or name
 */
public record Candidate(String teacherId, double score, LinkReason reason) {
}
