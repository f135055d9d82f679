package org.polaris.matching.teachers;

import java.util.List;
import java.util.Objects;

/**
 * A Teacher record of the VMS, the target of a link.
 *
 * @param id         the VMS teacher id
 * @param firstName  first (given) name; may hold a double first name ("Mary Jane", "Mary-Jane")
 * @param lastName   last name; may be compound ("Garcia-Lopez", "de la Cruz")
 * @param middleName optional middle name or initial (ignored by the name comparison, see {@link NameNormalizer})
 * @param emails     the teacher's email addresses (any of them links); null is read as none
 * @param school     the teacher's school; null or blank when the VMS does not know it
 */
public record VmsTeacher(String id, String firstName, String lastName, String middleName, List<String> emails,
                         String school) {

    public VmsTeacher {
        Objects.requireNonNull(id, "id");
        emails = emails == null ? List.of() : emails.stream().filter(Objects::nonNull).toList();
    }

    /** A teacher with a single email (or none when {@code email} is null). */
    public static VmsTeacher of(String id, String firstName, String lastName, String email, String school) {
        return new VmsTeacher(id, firstName, lastName, null, email == null ? List.of() : List.of(email), school);
    }
}
