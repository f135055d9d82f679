package org.polaris.normalizer;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.SourceKind;

/**
 * A source kind's rules in the normalizer: the columns a run of the kind must or may carry, and
 * how one raw row becomes its normalized record (or every reason it cannot). A CDI bean per kind;
 * the {@link Normalizer} finds them all and names none. The record's topic and key are the kind's
 * ({@link SourceKind#normalizedTopic()}, {@link SourceKind#key}).
 *
 * @param <V> the kind's normalized record
 */
public interface KindRules<V extends SpecificRecord> {

    /** The kind these rules are for. */
    SourceKind<V> kind();

    /** The kind's columns: which are required (a run without them is rejected) and which optional. */
    List<Field> contract();

    /** One row, its columns found through the alias mapping. Every failing rule is reported, not just the first. */
    RowResult<V> normalize(RawRow row, HeaderResolution columns, RowContext context);

    /**
     * What a row's rules may need of its run and of the configuration.
     *
     * @param academicYear the run's academic year in canonical form ({@code 2024-2025}), or null
     * @param zone         the zone zone-less dates and times are read in
     */
    record RowContext(String academicYear, java.time.ZoneId zone) {
    }
}
