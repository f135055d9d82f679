package org.polaris.writer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.writer.ledger.RunLedger.CompletedRun;
import org.polaris.writer.store.Outcome;

/**
 * A source kind's store in the writer: how the records of one type, read from the kind's writer
 * topics, change the database. A CDI bean per record type ({@link Stores} finds them all); the
 * writer's core (consumer, batch transaction, ledger, summaries) names no kind. Like Kafka Connect's
 * {@code SinkTask.put}: a store takes a batch and answers for each record.
 *
 * <p>Everything a store does runs inside the writer's transaction: the batch's outcomes and entity
 * writes commit together, or not at all. Records of dry runs ({@link RowRef#validateOnly()}) go
 * through the same {@link #write} inside a savepoint that is rolled back.
 *
 * @param <V> the record type the store takes
 */
public interface KindStore<V extends SpecificRecord> {

    /** The id of the kind whose rows these are ({@link org.polaris.schemas.kinds.SourceKind#id()}). */
    String kind();

    /**
     * Every kind whose runs this store's rows belong to: its completion hooks run for each (the Pathful
     * store's for REMATCH runs too, whose rows are Pathful rows). The kind itself by default.
     */
    default java.util.Set<String> kinds() {
        return java.util.Set.of(kind());
    }

    /** The record type the writer routes to this store. */
    Class<V> recordType();

    /** Which source row a record is. */
    RowRef row(V record);

    /**
     * Whether batches of this kind's rows may be written by concurrent transactions, split by key: true
     * when a record writes only its own entity and what hangs off it, never a row another record of the
     * kind writes (its run's shared rows go through {@link Effects}). False (the default) keeps a poll
     * one transaction, for kinds whose rows build on each other (a roster's replace, a session's event).
     */
    default boolean independentRows() {
        return false;
    }

    /**
     * The key that keeps a record with every other record touching the same rows when a poll is split
     * ({@link #independentRows()}); null (the default) when the record's Kafka key is that key.
     */
    default String splitKey(V record) {
        return null;
    }

    /** What a record asks for: a whole record (the default), a partial one, or a delete. */
    default Change<V> change(V record) {
        return Change.upsert(record);
    }

    /**
     * Applies changes not recorded before, in order (two changes to one key in this order); returns
     * one outcome per change, in the same order.
     */
    List<Outcome> write(Connection c, List<Change<V>> changes, Effects effects) throws SQLException;

    /**
     * What other stages must learn of every record in the batch, recorded before or not (after a
     * crash between the commit and the publication, the redelivered batch publishes it again):
     * published once the batch has committed. The matcher's roster and event tables are fed this way.
     */
    default List<Publication> references(Connection c, List<V> records) throws SQLException {
        return List.of();
    }

    /**
     * Runs inside the transaction that marks a run of this kind complete (never for a dry run): a
     * roster replace, a progress recompute, a teacher auto-match. Its publications go out before that
     * transaction commits.
     */
    default void completed(Connection c, CompletedRun run, Effects effects) throws SQLException {
    }

    /**
     * After a validate-only batch's writes were undone: what the store must keep of those rows for the
     * run's {@link #validatedCompleted} (a roster run: which entries it carries). Nothing by default.
     */
    default void validated(Connection c, List<V> records) throws SQLException {
    }

    /**
     * Runs when a validate-only run of this kind completes, instead of {@link #completed}: what the
     * completion would have done, recorded, not done (a roster run: the entries its replace would
     * deactivate, in {@link org.polaris.writer.ledger.RunChanges} and its counter). Nothing by default.
     */
    default void validatedCompleted(Connection c, CompletedRun run, Effects effects) throws SQLException {
    }
}
