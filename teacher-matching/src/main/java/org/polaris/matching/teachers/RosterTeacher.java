package org.polaris.matching.teachers;

/**
 * One teacher row of an imported roster (Playbook B), as the matcher sees it.
 *
 * @param id     the roster row's identifier (echoed in its {@link MatchDecision})
 * @param name   the teacher's name as written in the roster: "Garcia, Ana M.", "Ana Garcia", "Mrs. Ana Garcia"...
 * @param email  the roster email (the matcher trims and lower-cases it again); may be null or blank
 * @param school the school or building as written in the roster; may be null or blank (= unknown)
 */
public record RosterTeacher(String id, String name, String email, String school) {
}
