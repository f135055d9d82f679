package org.polaris.matching.teachers;

import java.util.Locale;

/** Why a teacher is linked to (or proposed for) a roster row. */
public enum LinkReason {
    /** The normalized roster email equals one of the teacher's emails. */
    EMAIL,
    /** The normalized names are similar (Jaro-Winkler, see {@link NameSimilarity}). */
    NAME;

    /** {@code "email"} or {@code "name"}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
