package org.polaris.salesforce.peer;

/**
 * A SOQL error carrying the Salesforce {@code errorCode} it maps to on the wire
 * (MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE), so the HTTP layer can answer
 * exactly as Salesforce would without re-classifying the failure.
 */
public final class SoqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String MALFORMED_QUERY = "MALFORMED_QUERY";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String INVALID_TYPE = "INVALID_TYPE";

    private final String errorCode;

    public SoqlException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }

    static SoqlException malformed(String message) {
        return new SoqlException(MALFORMED_QUERY, message);
    }
}
