package org.polaris.normalizer.mapping;

/**
 * Where the normalizer finds the alias mapping a run reads its header through. A run starts under
 * the kind's current version and keeps it for all its rows. Administrators change mappings while
 * the pipeline runs ({@code bin/polaris mappings set}): the one-process application reads them from
 * the database, every replica alike, so a change applies to every run that starts after it, with
 * no restart. Without a database the configuration's mapping ({@link AliasMapping}) is the only
 * version.
 */
public interface MappingSource {

    /** The version a run of this kind starting now runs under. */
    KindMapping current(String kind);

    /**
     * The version that was current at {@code epochMillis}: for the rows of a run whose start marker
     * this instance did not see (it took the partition over mid-run), read at their own publish time,
     * which is their run's start give or take the seconds it took to publish.
     */
    KindMapping asOf(String kind, long epochMillis);
}
