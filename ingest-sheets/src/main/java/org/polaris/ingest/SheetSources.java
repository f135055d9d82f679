package org.polaris.ingest;

import java.util.Optional;

/**
 * Where ingest finds the Google Sheets administrators registered. The writer stores them (it owns
 * the database); the application that assembles the services provides this port.
 */
public interface SheetSources {

    Optional<SheetSource> byId(long id);

    /** The sheet registered for a purpose and academic year (and district, for rosters). */
    Optional<SheetSource> byPurpose(String purpose, String academicYear, String district);

    /** A registered sheet, as ingest needs it; its purpose says which kind it imports as. */
    record SheetSource(long id, String purpose, String academicYear, String district, String displayName,
            String sheetId, String range, int headerRows) {
    }
}
