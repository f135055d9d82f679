package org.polaris.salesforce.peer;

import java.util.List;

/**
 * A query's result set, frozen at query time: REST cursors and Bulk jobs page through it
 * later, and real Salesforce also serves the snapshot taken when the query ran.
 * Rows hold only the selected columns (in SELECT order) as immutable values, which keeps
 * a 100,000-row snapshot small.
 *
 * @param sobject   canonical object name (the {@code attributes.type} of each record)
 * @param fields    canonical names of the selected fields, in SELECT order
 * @param ids       the Id of each row (for {@code attributes.url}, even when Id is not selected)
 * @param rows      one value array per row, parallel to {@code fields}
 * @param totalSize number of rows, or the count for {@code SELECT COUNT()}
 * @param countOnly true for {@code SELECT COUNT()}: no rows, only {@code totalSize}
 */
public record QueryResult(String sobject, List<String> fields, List<String> ids, List<Object[]> rows,
                          int totalSize, boolean countOnly) {
}
