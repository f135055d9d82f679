package org.polaris.salesforce.client;

/**
 * Salesforce could not be used, and why, in words an operator acts on. The reason decides how a
 * run and the CLI end: a refusal is the caller's to fix (credentials, settings: exit 2), a limit or
 * a failure is Salesforce's (exit 3). Messages never carry a token, a password or a record's data.
 */
public class SalesforceException extends RuntimeException {

    public enum Reason {
        /** Credentials or settings refused: fix the configuration. */
        REFUSED,
        /** The org's 24-hour API request limit is used up. */
        LIMITED,
        /** Salesforce failed or could not be reached after the retries. */
        FAILED
    }

    private final Reason reason;

    public SalesforceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SalesforceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
