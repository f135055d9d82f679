package org.polaris.ingest.sheets;

import java.util.List;

/**
 * What a sheet holds, as displayed: the column names (blank header cells dropped) and the
 * non-empty data rows, in sheet order.
 */
public record SheetTable(List<String> header, List<SheetRow> rows) {

    public SheetTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
