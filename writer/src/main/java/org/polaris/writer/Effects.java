package org.polaris.writer;

import java.sql.SQLException;

/**
 * What a store may do besides its own tables and outcomes, inside the writer's transaction: move one
 * of its kind's run counters ({@link org.polaris.schemas.kinds.SourceKind#counters()}), attach a note
 * to a run, and publish records for other stages (after the batch commits; before a completion commits).
 */
public interface Effects {

    /** Adds {@code n} to a run counter; undone with the transaction (a dry run's counters stay 0). */
    void count(String runId, String counter, int n) throws SQLException;

    /** Attaches a note to a run (shown with it): a decision the writer took, such as a replace it skipped. */
    void note(String runId, String message) throws SQLException;

    /** A record for another stage. */
    void publish(Publication publication);

    /**
     * Work done at the end of the transaction, after every store's write and before the outcomes are
     * recorded, in the order given. For a write to a row that every batch of a run shares (such as the
     * run's newest SystemModstamp): its row lock is then held only for the transaction's last moments,
     * so batches of one run written concurrently do not wait for each other's whole transaction.
     */
    void atEnd(Work work);

    /** SQL work for {@link #atEnd}. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }
}
