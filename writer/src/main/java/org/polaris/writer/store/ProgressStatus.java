package org.polaris.writer.store;

/**
 * A roster teacher's progress in an academic year (facts §10; deterministic, no clock involved):
 * Achieved when attended sessions reach the target; In Progress when fewer, but at least one
 * session attended or registered (no-show and cancelled do not count); otherwise Not Started.
 */
public enum ProgressStatus {
    ACHIEVED("Achieved"), IN_PROGRESS("In Progress"), NOT_STARTED("Not Started");

    private final String label;

    ProgressStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ProgressStatus of(int attended, int registered, int targetSessions) {
        if (attended >= targetSessions) {
            return ACHIEVED;
        }
        return attended + registered > 0 ? IN_PROGRESS : NOT_STARTED;
    }
}
