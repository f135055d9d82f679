package org.polaris.matching.teachers;

/** What the auto-match decided for one roster row. */
public enum MatchOutcome {
    /** Linked to one VMS teacher without a person looking at it. */
    AUTO_LINKED,
    /** One or more plausible teachers; a person picks (Playbook B "Manual Matching"). */
    REVIEW,
    /** No plausible teacher; a person resolves it by email or manually. */
    UNMATCHED
}
