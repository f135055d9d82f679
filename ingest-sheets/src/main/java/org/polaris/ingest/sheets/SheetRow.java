package org.polaris.ingest.sheets;

import java.util.Map;

/**
 * One non-empty data row of a sheet.
 *
 * @param rowNumber the row's number as a person sees it in the sheet (1-based), so messages about
 *                  the row point at the right line
 * @param cells     header name to displayed value, in header order; {@code ""} where the sheet had
 *                  nothing (Sheets omits trailing empty cells). Values are not trimmed.
 */
public record SheetRow(int rowNumber, Map<String, String> cells) {

    public SheetRow {
        cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
    }
}
