package org.polaris.ingest.sheets;

/**
 * A sheet that could not be read, with a message an operator can act on: which sheet, and what to
 * do (share it with the service account, fix the header, set the credentials, try again later).
 * Messages never carry cell values or key material.
 */
public class SheetReadException extends RuntimeException {

    private final String spreadsheetId;

    public SheetReadException(String spreadsheetId, String reason) {
        this(spreadsheetId, reason, null);
    }

    public SheetReadException(String spreadsheetId, String reason, Throwable cause) {
        super("Error reading Google Sheet " + spreadsheetId + ": " + reason, cause);
        this.spreadsheetId = spreadsheetId;
    }

    private SheetReadException(String message) {
        super(message);
        this.spreadsheetId = null;
    }

    /**
     * No sheet is registered for what the operator asked to import, e.g. the virtual sessions of
     * 2025-2026: said before anything is fetched, naming the purpose and the year.
     */
    public static SheetReadException notConfigured(String purpose, String academicYear) {
        return new SheetReadException("No Google Sheet configured for " + purpose
                + (academicYear == null ? "" : " in " + academicYear)
                + ": add the sheet's id for that purpose and year first");
    }

    /** The sheet concerned; null when none was configured. */
    public String spreadsheetId() {
        return spreadsheetId;
    }
}
